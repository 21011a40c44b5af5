"""WordPress bodies (classic and block editor) as the article's StreamField blocks."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from news.models import ArticlePage

pytestmark = pytest.mark.django_db


def blocks(slug):
    return list(ArticlePage.objects.get(slug=slug).body)


def types(slug):
    return [block.block_type for block in blocks(slug)]


def html_of(slug):
    return "".join(block.value.source for block in blocks(slug) if block.block_type == "paragraph")


def test_classic_editor_text_becomes_paragraphs_a_captioned_image_and_a_quote(kaunas):
    assert types("kaunas-unesco-besimokantis-miestas") == [
        "paragraph",
        "image",
        "paragraph",
        "video",
        "quote",
    ]
    first = blocks("kaunas-unesco-besimokantis-miestas")[0].value.source
    assert first.startswith("<p>Kaunas prisijungė prie UNESCO")
    quote = blocks("kaunas-unesco-besimokantis-miestas")[4].value
    assert (quote["text"], quote["attribution"], quote["style"]) == (
        "Mokytis niekada nevėlu.",
        "Kauno meras",
        "quote",
    )


def test_a_caption_shortcode_becomes_an_image_block_of_the_original_file(kaunas):
    image_block = blocks("kaunas-unesco-besimokantis-miestas")[1].value
    assert image_block["caption"] == "Rotušės aikštė vakare"
    # The img had no alt: the attachment's alt text in the article's language is used.
    assert image_block["alt_text"] == "Kauno rotušė sutemus, apšviesta aikštė"
    english = blocks("kaunas-unesco-learning-city")[1].value
    assert english["alt_text"] == "Kaunas Town Hall at dusk, the square lit up"
    # rotuse-1024x683.jpg in both bodies, rotuse.jpg as both featured images: one image.
    assert image_block["image"] == english["image"]
    assert get_image_model().objects.count() == 1
    assert image_block["image"].width == 1200  # the original, not a resized copy


def test_hostile_html_is_cleaned(kaunas):
    every_body = "".join(
        str(block.value.source if block.block_type == "paragraph" else block.value)
        for page in ArticlePage.objects.all()
        for block in page.body
    )
    for hostile in ("<script", "alert(", "onclick", "evil.example.com", "<iframe"):
        assert hostile not in every_body
    assert "Frames from unknown hosts removed: 2" in kaunas


def test_unmappable_shortcodes_are_removed_and_reported(kaunas):
    assert "[gallery" not in html_of("kaunas-unesco-besimokantis-miestas")
    assert "Shortcodes removed: gallery 2" in kaunas


def test_youtube_and_vimeo_embeds_become_videos(kaunas):
    classic = blocks("kaunas-unesco-besimokantis-miestas")[3]
    block_editor = blocks("naujas-dviraciu-takas-zaliakalnyje")[4]

    assert classic.value["url"] == "https://www.youtube.com/watch?v=abc123XYZ_0"
    assert block_editor.block_type == "video"
    assert block_editor.value["url"] == "https://www.youtube.com/watch?v=xyz987ABCDE"
    assert "Videos embedded: 3" in kaunas
    assert "Embeds kept as links" not in kaunas


def test_block_editor_blocks_map_to_headings_quotes_lists_and_fallbacks(kaunas):
    slug = "naujas-dviraciu-takas-zaliakalnyje"
    assert types(slug) == ["heading", "paragraph", "quote", "paragraph", "video", "paragraph"]
    heading = blocks(slug)[0].value
    assert (heading["text"], heading["level"]) == ("Kur važiuosime", "h2")
    quote = blocks(slug)[2].value
    assert quote["attribution"] == "Miesto inžinierė"
    rich = html_of(slug)
    assert "<!--" not in rich
    assert "<ul><li>Ilgis: 4 km</li><li>Pabaiga: rugsėjis</li></ul>" in rich
    # The park photo is missing from the uploads: its caption stays as text, it is reported.
    assert "<p>Ąžuolyno parkas pavasarį</p>" in rich
    assert "2024/05/azuolynas.jpg: not in the uploads folder" in kaunas
    # A four-column table is no indicator table: kept as rich text, row by row, reported.
    assert "<p>Pėsčiųjų | Dviratininkų | Automobilių | Autobusų</p>" in rich
    assert "<p><b>Eismo dalyviai</b></p>" in rich
    assert "Kept as rich text: table 1" in kaunas


def test_a_two_column_table_becomes_an_indicator_table_without_its_header_row(kaunas):
    table = next(
        block.value
        for block in blocks("faktai-ir-skaiciai-kaunas-2024")
        if block.block_type == "indicator_table"
    )
    assert table["caption"] == "Kaunas skaičiais"
    assert [(row["indicator"], row["value"]) for row in table["rows"]] == [
        ("Gyventojai", "298 000"),
        ("Universitetai", "8"),
        ("Studentai", "35 000"),
    ]


@pytest.mark.parametrize(
    ("slug", "heading", "title", "publisher"),
    [
        (
            "faktai-ir-skaiciai-kaunas-2024",
            "Šaltiniai",
            "Oficialiosios statistikos portalas",
            "Valstybės duomenų agentūra",
        ),
        (
            "facts-and-figures-kaunas-2024",
            "References",
            "Official Statistics Portal",
            "State Data Agency",
        ),
    ],
)
def test_a_list_of_links_under_references_becomes_a_references_block(
    kaunas, slug, heading, title, publisher
):
    assert types(slug) == ["paragraph", "indicator_table", "references"]
    references = blocks(slug)[2].value
    assert references["heading"] == heading
    first, second = references["items"]
    assert (first["title"], first["publisher"], first["url"]) == (
        title,
        publisher,
        "https://osp.stat.gov.lt/",
    )
    assert first["accessed"].isoformat() == "2024-05-02"
    assert second["publisher"] == "UNESCO" and second["accessed"] is None


def test_a_link_to_an_uploaded_file_becomes_a_document_link(kaunas):
    document = get_document_model().objects.get()
    assert document.file.name.endswith(".pdf")
    link = f'<a linktype="document" id="{document.pk}">'
    assert link in html_of("kaunas-unesco-besimokantis-miestas")  # the file's address
    assert link in html_of("kaunas-unesco-learning-city")  # ?attachment_id=12
    assert "Media files imported: 2" in kaunas


def test_the_rendered_article_shows_the_imported_blocks(kaunas, client):
    response = client.get("/lt/naujienos/faktai-ir-skaiciai-kaunas-2024/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>Kaunas skaičiais</caption>" in html
    assert 'id="ref-1"' in html
