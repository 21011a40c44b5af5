"""Topics: a translatable snippet (news.Topic) and the articles' links to it.

The taggit topics stay until 0007_topics_from_tags has moved them over."""

import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0005_search_index_title_body'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(blank=True, help_text="The topic page's address; made from the name when left empty.", max_length=100, verbose_name='slug')),
                ('description', models.TextField(blank=True, max_length=300, verbose_name='short description')),
                ('origin', models.CharField(blank=True, help_text='Where the topic was imported from, e.g. wordpress:category:12.', max_length=200, verbose_name='origin')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ArticlePageTopic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='topic_links', to='news.articlepage')),
                ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='article_links', to='news.topic', verbose_name='topic')),
            ],
            options={
                'verbose_name': 'article topic',
                'verbose_name_plural': 'article topics',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.AddConstraint(
            model_name='topic',
            constraint=models.UniqueConstraint(fields=('locale', 'slug'), name='topic_unique_slug'),
        ),
        migrations.AddConstraint(
            model_name='topic',
            constraint=models.UniqueConstraint(condition=models.Q(('origin', ''), _negated=True), fields=('locale', 'origin'), name='topic_unique_origin'),
        ),
        migrations.AlterUniqueTogether(
            name='topic',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AlterUniqueTogether(
            name='articlepagetopic',
            unique_together={('translation_key', 'locale')},
        ),
    ]
