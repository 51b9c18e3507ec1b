from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils.text import slugify as django_slugify

from masthead.journalism.models import ArticlePage
from masthead.journalism.slugs import repaired_slug, validate_page_slug
from tests import factories
from tests.journalism.test_admin_forms import article_form, logged_in

HEADLINE = "မြန်မာနိုင်ငံ စစ်ရေး အခြေအနေ"
PROPER = "မြန်မာနိုင်ငံ-စစ်ရေး-အခြေအနေ"


def test_django_style_slug_of_a_burmese_headline_is_mangled_and_repaired():
    mangled = django_slugify(HEADLINE, allow_unicode=True)
    assert mangled != PROPER  # Django drops the vowel signs
    assert repaired_slug(HEADLINE, mangled) == PROPER


def test_a_slug_the_editor_chose_is_kept():
    assert repaired_slug(HEADLINE, "army-situation") == "army-situation"
    assert repaired_slug("Defections rise", "defections-rise") == "defections-rise"


@pytest.mark.parametrize("slug", ["has space", "-leading", "double--hyphen", ""])
def test_malformed_slugs_are_refused_with_a_message(slug):
    with pytest.raises(ValidationError):
        validate_page_slug(slug)


@pytest.mark.django_db
def test_a_story_with_a_burmese_slug_validates_and_is_served():
    story = factories.article(factories.section(language="my"), publish=False)
    story.slug = PROPER
    story.full_clean()
    story.save_revision().publish()
    assert Client().get(ArticlePage.objects.get(pk=story.pk).url).status_code == 200


@pytest.mark.django_db
def test_the_admin_repairs_a_slug_mangled_from_a_burmese_headline():
    news = factories.section(language="my")
    form = article_form(
        factories.author().pk, title=HEADLINE, slug=django_slugify(HEADLINE, allow_unicode=True)
    )
    response = logged_in("Editors").post(
        f"/admin/pages/add/journalism/articlepage/{news.pk}/", {**form, "action-publish": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    assert ArticlePage.objects.get(title=HEADLINE).slug == PROPER
