from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from masthead.journalism.models import ArticlePage, Author
from tests import factories
from tests.burmese_fixtures import UNICODE, ZAWGYI

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("burmese", *args, stdout=out)
    return out.getvalue()


def test_clean_database_reports_nothing():
    factories.article(factories.section(language="my"), title="မြန်မာနိုင်ငံ")
    assert "No Zawgyi found." in run("audit")


def test_audit_lists_zawgyi_and_fails_then_fix_converts_it_through_a_revision():
    story = factories.article(factories.section(language="my"), body_text=ZAWGYI)
    Author.objects.create(name="Writer", slug="writer", bio_my=ZAWGYI)

    with pytest.raises(CommandError, match="hold Zawgyi"):
        run("audit")
    output = run("audit", "--fix")
    assert "journalism.articlepage" in output and "body" in output
    assert "journalism.author" in output and "bio_my" in output

    live = ArticlePage.objects.get(pk=story.pk)
    assert UNICODE in str(live.body[0].value)
    assert live.live and not live.has_unpublished_changes
    assert Author.objects.get(slug="writer").bio_my == UNICODE
    assert "No Zawgyi found." in run("audit")


def test_fix_keeps_a_pending_draft_and_corrects_both_versions():
    story = factories.article(factories.section(language="my"), body_text=ZAWGYI)
    draft = story.get_latest_revision_as_object()
    draft.title = "A draft headline"
    draft.save_revision()

    run("audit", "--fix")

    live = ArticlePage.objects.get(pk=story.pk)
    assert UNICODE in str(live.body[0].value)
    pending = live.get_latest_revision_as_object()
    assert pending.title == "A draft headline"
    assert UNICODE in str(pending.body[0].value)
