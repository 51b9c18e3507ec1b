from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, Workflow

from masthead.core.periodic import enqueue_due_jobs
from masthead.journalism.models import ArticlePage, Correction, HomePage, SectionPage
from masthead.journalism.services import (
    add_correction,
    create_section,
    ensure_editions,
    link_counterparts,
    publish_article,
    schedule_article,
    unpublish_article,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_editions_exist_with_linked_fronts_at_root_and_my():
    english, burmese = factories.home("en"), factories.home("my")
    assert english.url == "/"
    assert burmese.url == "/my/"
    assert english.translation_key == burmese.translation_key


def test_ensure_editions_twice_changes_nothing():
    before = list(HomePage.objects.values_list("pk", flat=True))
    ensure_editions()
    ensure_editions()
    assert list(HomePage.objects.values_list("pk", flat=True)) == before


def test_publish_article_makes_it_live_with_backdated_first_publication():
    news = factories.section()
    story = factories.article(news, publish=False)
    assert not story.live
    published_at = timezone.now() - timedelta(days=400)
    publish_article(article=story, published_at=published_at)
    story.refresh_from_db()
    assert story.live
    assert story.first_published_at == published_at


def test_reporter_cannot_publish_but_editor_can():
    news = factories.section()
    story = factories.article(news, publish=False)
    reporter = factories.user_in("Reporters")
    editor = factories.user_in("Editors")
    assert story.permissions_for_user(reporter).can_edit()
    assert not story.permissions_for_user(reporter).can_publish()
    with pytest.raises(PermissionDenied):
        publish_article(article=story, user=reporter)
    publish_article(article=story, user=editor)
    assert ArticlePage.objects.get(pk=story.pk).live


def test_reporter_submits_to_review_and_editor_approval_publishes():
    news = factories.section()
    story = factories.article(news, publish=False)
    reporter = factories.user_in("Reporters")
    editor = factories.user_in("Editors")
    workflow = story.get_workflow()
    assert workflow == Workflow.objects.get(name="Review before publishing")

    state = workflow.start(story, reporter)
    task_state = state.current_task_state
    assert [a[0] for a in task_state.task.specific.get_actions(story, reporter)] == []
    assert "approve" in [a[0] for a in task_state.task.specific.get_actions(story, editor)]

    task_state.task.specific.on_action(task_state, editor, "approve")
    story.refresh_from_db()
    assert story.live


# The task worker opens and closes its own transactions, as it does in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_scheduled_story_goes_live_through_the_worker_without_cron():
    news = factories.section()
    story = factories.article(news, publish=False)
    schedule_article(article=story, go_live_at=timezone.now() + timedelta(hours=1))
    story.refresh_from_db()
    assert not story.live
    # An hour passes: move the scheduled time back instead of waiting.
    revision = Revision.page_revisions.get(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    )
    past = timezone.now() - timedelta(seconds=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()

    assert "publish-scheduled-pages" in enqueue_due_jobs(now=timezone.now() + timedelta(days=1))
    call_command("worker", batch=True, no_scheduler=True, verbosity=0)

    story.refresh_from_db()
    assert story.live


def test_schedule_in_the_past_is_refused():
    story = factories.article(factories.section(), publish=False)
    with pytest.raises(ValidationError):
        schedule_article(article=story, go_live_at=timezone.now() - timedelta(minutes=5))


def test_unpublish_takes_story_offline():
    story = factories.article(factories.section())
    unpublish_article(article=story)
    assert not ArticlePage.objects.get(pk=story.pk).live


def test_correction_is_published_and_keeps_a_pending_draft():
    story = factories.article(factories.section(), title="Original headline")
    draft = story.get_latest_revision_as_object()
    draft.title = "A better headline, not yet approved"
    draft.save_revision()

    add_correction(article=story, note="An earlier version misstated the date of the attack.")

    live = ArticlePage.objects.get(pk=story.pk)
    assert live.title == "Original headline"
    assert [c.note for c in live.corrections.all()] == [
        "An earlier version misstated the date of the attack."
    ]
    assert live.updated_at is not None
    pending = live.get_latest_revision_as_object()
    assert pending.title == "A better headline, not yet approved"
    assert len(pending.corrections.all()) == 1


def test_empty_correction_is_refused_and_nothing_is_saved():
    story = factories.article(factories.section())
    with pytest.raises(ValidationError):
        add_correction(article=story, note="   ")
    assert not Correction.objects.exists()


def test_counterparts_link_stories_across_editions():
    english = factories.article(factories.section(language="en"))
    burmese = factories.article(factories.section(language="my"))
    link_counterparts(article=english, counterpart=burmese)
    assert [p.pk for p in english.get_translations()] == [burmese.pk]


def test_counterparts_in_the_same_edition_are_refused():
    news = factories.section()
    with pytest.raises(ValidationError):
        link_counterparts(article=factories.article(news), counterpart=factories.article(news))


def test_sections_nest_two_levels_only():
    top = create_section(parent=factories.home(), title="Opinion", slug="opinion")
    sub = create_section(parent=top, title="Letters", slug="letters")
    with pytest.raises(ValidationError):
        create_section(parent=sub, title="Too deep", slug="too-deep")
    assert SectionPage.objects.filter(slug="too-deep").count() == 0
