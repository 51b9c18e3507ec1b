"""The publisher: content events re-render exactly the pages they change, into whole files."""

from __future__ import annotations

import logging
import random
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from masthead.journalism.models import ArticlePage, Author, SectionPage
from masthead.journalism.services import unpublish_article
from masthead.publishing import store, tasks
from masthead.publishing.affected import author_changed, page_changed
from masthead.publishing.build import build_all
from masthead.publishing.models import PendingRender, RenderFailure
from masthead.publishing.publisher import Outcome, drain, publish_url, request_renders
from masthead.publishing.render import render
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_tree():
    """Each test starts with no published files."""
    root = Path(settings.PUBLISHED_ROOT)
    for url in list(store.published_urls(root)):
        store.remove(url, root)
    yield root


def published(url: str) -> str | None:
    body = store.read(url)
    return body.decode() if body is not None else None


def republish(story: ArticlePage, **changes: object) -> ArticlePage:
    story = ArticlePage.objects.get(pk=story.pk)
    for name, value in changes.items():
        setattr(story, name, value)
    story.save_revision().publish()
    return ArticlePage.objects.get(pk=story.pk)


def settle(*page_ids: int) -> None:
    """What the worker does after these pages changed: find the URLs, render them."""
    for page_id in page_ids:
        request_renders(page_changed(page_id))
    drain(now=timezone.now() + timedelta(minutes=10))


def test_a_published_story_is_written_with_its_fronts():
    news = factories.section("News")
    story = factories.article(news, title="Floods reach the delta")
    settle(story.pk)
    for url in (story.url, news.url, "/"):
        assert "Floods reach the delta" in published(url), url
    assert published(story.url).encode() == render(story.url).body


def test_a_burmese_story_is_published_under_its_burmese_address(verify):
    news = factories.section("သတင်း", language="my")
    build_all()
    story = factories.article(news, title="မန္တလေးတွင် ရေကြီး")
    ArticlePage.objects.filter(pk=story.pk).update(slug="မန္တလေး-ရေကြီး")
    story = republish(story)
    assert "%E1%80" in story.url  # Wagtail spells it percent-encoded
    settle(story.pk)
    assert "မန္တလေးတွင် ရေကြီး" in published(story.url)
    assert "မန္တလေးတွင် ရေကြီး" in published(news.url)
    assert verify().ok


def test_unpublishing_removes_the_file_and_the_story_from_its_fronts():
    news = factories.section("News")
    story = factories.article(news, title="A story that was withdrawn")
    settle(story.pk)
    unpublish_article(article=story)
    settle(story.pk)
    assert published(story.url) is None
    assert "A story that was withdrawn" not in published(news.url)
    assert "A story that was withdrawn" not in published("/")


def test_a_moved_story_leaves_its_old_section_and_address():
    news, sport = factories.section("News"), factories.section("Sport")
    story = factories.article(news, title="Football returns to Mandalay")
    settle(story.pk)
    old_url = story.url
    story.move(sport, pos="last-child")
    settle(story.pk)
    moved = ArticlePage.objects.get(pk=story.pk)
    assert published(old_url) is None
    assert "Football returns to Mandalay" in published(moved.url)
    assert "Football returns to Mandalay" in published(sport.url)
    assert "Football returns to Mandalay" not in published(news.url)


def test_publishing_into_a_long_listing_renders_a_bounded_set_of_its_pages():
    news = factories.section("News")
    now = timezone.now()
    for hours in range(100, 0, -1):  # five numbered pages of twenty
        factories.article(news, published_at=now - timedelta(hours=hours))
    story = factories.article(news, published_at=now)
    urls = page_changed(story.pk).urls
    numbered = sorted(url for url in urls if url.startswith(f"{news.url}page/"))
    assert numbered == [f"{news.url}page/5/", f"{news.url}page/6/"]
    assert news.url in urls and story.url in urls


def test_an_edit_in_place_renders_only_the_listing_page_holding_the_story():
    news = factories.section("News")
    now = timezone.now()
    stories = [
        factories.article(news, published_at=now - timedelta(hours=hours))
        for hours in range(60, 0, -1)
    ]
    for story in stories:
        page_changed(story.pk)  # their footprints, as after a full build
    edited = republish(stories[5], title="A corrected headline")
    urls = page_changed(edited.pk).urls
    assert sorted(u for u in urls if "/page/" in u) == [f"{news.url}page/1/"]


@override_settings(MASTHEAD_PUBLISH_QUIET_MS=500)
def test_a_burst_of_edits_renders_each_page_once(caplog):
    news = factories.section("News")
    story = factories.article(news)
    settle(story.pk)
    start = timezone.now()
    for number in range(10):
        story = republish(story, title=f"Headline, take {number}")
        request_renders(page_changed(story.pk), now=start + timedelta(milliseconds=100 * number))
    queued = PendingRender.objects.count()
    assert queued == len(set(PendingRender.objects.values_list("url", flat=True)))
    # Within the burst, nothing is ready: each request restarted the wait.
    assert drain(now=start + timedelta(milliseconds=1000)).rendered == 0
    with caplog.at_level(logging.DEBUG, logger="masthead.publishing.publisher"):
        report = drain(now=start + timedelta(seconds=2))
    rendered = [r.getMessage() for r in caplog.records if r.getMessage().startswith("rendered ")]
    assert report.rendered == queued == len(rendered) == len(set(rendered))
    assert "Headline, take 9" in published(story.url)


def test_working_out_the_rest_of_a_change_does_not_hold_back_its_first_pages():
    """The page and its fronts are queued on commit; the refresh that follows queues the
    rest without starting their wait over, so a busy worker cannot push them back."""
    news = factories.section("News")
    story = factories.article(news)
    PendingRender.objects.all().delete()
    tasks.queue_page_event(story.pk)
    first = dict(PendingRender.objects.values_list("url", "requested_at"))
    assert {story.url, news.url, "/"} <= first.keys()
    refreshes = DBTaskResult.objects.filter(task_path="masthead.publishing.tasks.refresh_page")
    queued = refreshes.latest("enqueued_at")
    tasks.refresh_page.call(*queued.args_kwargs["args"])
    after = dict(PendingRender.objects.values_list("url", "requested_at"))
    assert {url: after[url] for url in first} == first
    assert f"/lite{story.url}" in after.keys() - first.keys()


def test_a_burst_that_never_ends_is_rendered_after_the_longest_wait():
    story = factories.article(factories.section())
    start = timezone.now()
    for second in range(0, 8):
        request_renders(page_changed(story.pk), now=start + timedelta(seconds=second))
    assert drain(now=start + timedelta(seconds=7, milliseconds=100)).rendered > 0


def test_a_failing_template_leaves_the_old_file_and_is_reported(tmp_path, admin_client):
    story = factories.article(factories.section(), title="A story before the fault")
    settle(story.pk)
    before = published(story.url)
    broken = tmp_path / "templates"
    (broken / "includes").mkdir(parents=True)
    (broken / "includes/footer.html").write_text('<footer>{% include "no-such-part.html" %}')
    templates = [{**settings.TEMPLATES[0], "DIRS": [broken, *settings.TEMPLATES[0]["DIRS"]]}]
    with override_settings(TEMPLATES=templates):
        assert publish_url(story.url) is Outcome.FAILED
    assert published(story.url) == before
    failure = RenderFailure.objects.get(url=story.url)
    assert "no-such-part.html" in failure.error
    page = admin_client.get("/admin/publishing/failures/")
    assert page.status_code == 200 and story.url in page.content.decode()
    assert publish_url(story.url) is Outcome.UNCHANGED  # fixed: the old file was right
    assert not RenderFailure.objects.exists()


def test_an_author_rename_reaches_their_stories_and_pages(verify):
    writer = factories.author("Khin Myat")
    story = factories.article(factories.section(), authors=(writer,))
    build_all()
    old_slug = writer.slug
    writer.name = "Khin Myat Noe"
    writer.slug = "khin-myat-noe"
    writer.save()
    request_renders(author_changed(writer.pk, old_slug=old_slug))
    drain(now=timezone.now() + timedelta(minutes=1))
    assert "Khin Myat Noe" in published(story.url)
    assert published("/author/khin-myat-noe/") is not None
    assert verify().ok


def test_randomised_edits_leave_no_stale_missing_or_orphaned_file(verify):
    chance = random.Random(20261124)
    home = factories.home()
    sections = [factories.section(name) for name in ("News", "Business", "Opinion")]
    writers = [factories.author(name) for name in ("Aye Chan", "Hla Hla", "Zaw Min")]
    stories = [
        factories.article(chance.choice(sections), authors=(chance.choice(writers),))
        for _ in range(6)
    ]
    build_all()
    for step in range(30):
        action = chance.choice(["publish", "edit", "move", "unpublish", "rename", "menu"])
        live = list(ArticlePage.objects.live())
        changed: list[int] = []
        if action == "publish" or not live:
            story = factories.article(
                chance.choice(sections), title=f"Step {step} story", tags=("floods",)
            )
            changed.append(story.pk)
        elif action == "edit":
            story = republish(chance.choice(live), title=f"Edited at step {step}")
            changed.append(story.pk)
        elif action == "move":
            story = chance.choice(live)
            target = chance.choice([s for s in sections if s.pk != story.get_parent().pk])
            story.move(target, pos="last-child")
            changed.append(story.pk)
        elif action == "unpublish":
            story = chance.choice(live)
            unpublish_article(article=story)
            changed.append(story.pk)
        elif action == "rename":
            writer = Author.objects.get(pk=chance.choice(writers).pk)
            writer.name = f"{writer.name.split(' (')[0]} ({step})"
            writer.save()
            request_renders(author_changed(writer.pk))
        else:
            section = SectionPage.objects.get(pk=chance.choice(sections).pk)
            section.title = f"{section.title.split(' ·')[0]} · {step}"
            section.save_revision().publish()
            changed.append(section.pk)
        settle(*changed)
    result = verify()
    assert result.ok, (result.stale, result.missing, result.orphaned, result.failed)
    assert home.url and stories


def test_publish_command_verify_lists_stale_missing_and_orphaned_files(capsys, verify):
    news = factories.section("News")
    first, second = factories.article(news), factories.article(news)
    call_command("publish", "--all", "--workers", "1")
    assert verify().ok
    root = Path(settings.PUBLISHED_ROOT)
    store.write(first.url, b"<p>an old copy</p>")
    store.remove(second.url)
    store.write("/a-page-nobody-publishes/", b"<p>left behind</p>")
    with pytest.raises(SystemExit) as exit_:
        call_command("publish", "--verify", "--workers", "1")
    assert exit_.value.code == 1
    out = capsys.readouterr().out
    assert f"stale: {first.url}" in out
    assert f"missing: {second.url}" in out
    assert "orphaned: /a-page-nobody-publishes/" in out
    call_command("publish", "--all", "--workers", "1")
    assert verify().ok
    assert not (root / "a-page-nobody-publishes").exists()


def test_deleting_a_section_removes_its_pages(verify):
    news = factories.section("News")
    story = factories.article(news)
    build_all()
    ids = [news.pk, story.pk]
    Page.objects.get(pk=news.pk).delete()
    settle(*ids)
    assert published(news.url) is None and published(story.url) is None
    assert verify().ok


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(MASTHEAD_PUBLISH_QUIET_MS=0)
def test_publishing_in_the_admin_path_reaches_the_files_through_the_worker():
    """The whole path: the publish commits, the signal queues the page and its fronts, the
    worker works out the rest and renders it."""
    news = factories.section("News")
    story = factories.article(news, title="Ferry service resumes on the Irrawaddy")
    call_command("worker", batch=True, no_scheduler=True, verbosity=0)
    for url in (story.url, news.url, "/", f"/lite{story.url}"):
        assert "Ferry service resumes on the Irrawaddy" in published(url), url
    unpublish_article(article=story)
    call_command("worker", batch=True, no_scheduler=True, verbosity=0)
    assert published(story.url) is None
    assert "Ferry service resumes" not in published(news.url)
    assert not PendingRender.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_build_split_over_forked_worker_processes_writes_every_page(verify):
    """The path `masthead publish --all` takes by default: chunks rendered in forked
    processes, each on its own database connection, the stories' addresses sent back."""
    news = factories.section("News")
    stories = [factories.article(news, title=f"Monsoon report {n}") for n in range(3)]
    call_command("publish", "--all", "--workers", "2")
    for story in stories:
        assert story.title in published(story.url)
        assert story.title in published(f"/lite{story.url}")
    assert verify().ok
