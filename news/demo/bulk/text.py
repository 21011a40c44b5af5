"""The text and body blocks of one generated article, in either language."""

import datetime
import uuid

from django.utils import timezone

from .words import ARTICLES_PER_DAY, WORDS


def spec(rng, number, today, images, topics):
    """What both editions of one article share, and the random picks for its text."""
    date = today - datetime.timedelta(days=number // ARTICLES_PER_DAY)
    published = timezone.make_aware(
        datetime.datetime.combine(date, datetime.time(8 + number % 10, number % 60))
    )
    return {
        "number": number,
        "key": uuid.uuid4(),
        "date": date,
        "published": published,
        "picks": [rng.randrange(1000) for _ in range(8)],
        "hero": rng.choice(images) if images else None,
        "body_image": rng.choice(images) if images else None,
        "topics": rng.sample(topics, 2),
        "ids": [str(uuid.uuid4()) for _ in range(20)],
    }


def vocabulary(spec, language):
    words = WORDS[language]
    picks = spec["picks"]

    def pick(name, position):
        return words[name][picks[position] % len(words[name])]

    subject, verb = pick("subjects", 0), pick("verbs", 1)
    obj, place = pick("objects", 2), pick("places", 3)
    title = f"{subject} {verb} {obj} {place}"
    sentence = words["sentence"].format(subject=subject, verb=verb, object=obj, place=place)
    return words, title, sentence


def body(spec, language):
    words, title, sentence = vocabulary(spec, language)
    ids = iter(spec["ids"])
    blocks = [
        {"type": "paragraph", "value": f"<p>{sentence}</p>", "id": next(ids)},
        {
            "type": "heading",
            "value": {"text": words["heading"], "level": "h2"},
            "id": next(ids),
        },
        {
            "type": "paragraph",
            "value": f"<p>{sentence} <b>{title}</b>.</p><ul><li>{sentence}</li></ul>",
            "id": next(ids),
        },
        {
            "type": "quote",
            "value": {
                "text": words["quote"],
                "attribution": words["attribution"],
                "style": "quote",
            },
            "id": next(ids),
        },
        {
            "type": "quote",
            "value": {"text": words["callout"], "attribution": "", "style": "callout"},
            "id": next(ids),
        },
        {
            "type": "initiatives",
            "value": {
                "heading": words["initiatives"],
                "items": [
                    {
                        "type": "item",
                        "value": {"label": label, "text": sentence},
                        "id": next(ids),
                    }
                    for label in words["objects"][:3]
                ],
            },
            "id": next(ids),
        },
        {
            "type": "indicator_table",
            "value": {
                "caption": words["table"],
                "rows": [
                    {
                        "type": "item",
                        "value": {"indicator": label, "value": str(100 + n * 7), "note": ""},
                        "id": next(ids),
                    }
                    for n, label in enumerate(words["places"][:3])
                ],
            },
            "id": next(ids),
        },
        {
            "type": "references",
            "value": {
                "heading": words["references"],
                "items": [
                    {
                        "type": "item",
                        "value": {
                            "title": "UNESCO Global Network of Learning Cities",
                            "publisher": "UNESCO UIL",
                            "url": "https://www.uil.unesco.org/en/learning-cities",
                            "accessed": "2024-01-15",
                        },
                        "id": next(ids),
                    }
                ],
            },
            "id": next(ids),
        },
    ]
    if spec["body_image"]:
        blocks.insert(
            2,
            {
                "type": "image",
                "value": {
                    "image": spec["body_image"],
                    "alt_text": words["alt"],
                    "caption": words["caption"],
                },
                "id": next(ids),
            },
        )
    return blocks, title, sentence
