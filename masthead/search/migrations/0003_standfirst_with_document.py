"""The standfirst moves to the document row, which every results page reads anyway, so a
page of results reads one table less. Existing standfirsts are carried over."""

from django.db import migrations, models

CARRY_OVER = """
UPDATE search_searchdocument SET standfirst = COALESCE(
    (SELECT t.standfirst FROM search_searchtext t WHERE t.document_id = search_searchdocument.key),
    '')
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_keys_pairs_vocabulary"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="standfirst",
            field=models.TextField(blank=True, default=""),
            preserve_default=False,
        ),
        migrations.RunSQL(CARRY_OVER, migrations.RunSQL.noop),
        migrations.RemoveField(
            model_name="searchtext",
            name="standfirst",
        ),
        migrations.AlterField(
            model_name="searchtext",
            name="terms",
            field=models.BinaryField(blank=True, default=b""),
        ),
    ]
