"""Indexes on Wagtail's page table for the reads every reader page makes on a large archive:
an edition's newest stories (locale, first publication) and a page's children (depth,
path). Wagtail does not declare them; without them each front scans every page."""

from django.db import migrations

INDEXES = {
    "masthead_page_locale_published": "(locale_id, first_published_at)",
    "masthead_page_depth_path": "(depth, path)",
}


class Migration(migrations.Migration):
    dependencies = [
        ("journalism", "0003_byline_order_without_unique_constraint"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
