"""Structured data and link previews on reader pages."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.test import Client

from masthead.journalism.metadata import json_ld
from masthead.journalism.services import link_counterparts
from tests import factories

pytestmark = pytest.mark.django_db


def json_ld_documents(html: str) -> list[dict]:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_article_carries_news_article_and_breadcrumbs_with_absolute_urls():
    news = factories.section("News")
    writer = factories.author("Ei Phyu Sin")
    story = factories.article(
        news, title="Defections rise", standfirst="A tally.", authors=(writer,)
    )
    html = Client().get(story.url).content.decode()
    article, breadcrumbs = json_ld_documents(html)
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Defections rise"
    assert article["mainEntityOfPage"] == settings.BASE_URL + story.url
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Ei Phyu Sin",
            "url": f"{settings.BASE_URL}/author/{writer.slug}/",
        }
    ]
    assert article["datePublished"] == story.first_published_at.isoformat()
    assert [item["position"] for item in breadcrumbs["itemListElement"]] == [1, 2, 3]
    assert breadcrumbs["itemListElement"][1]["name"] == "News"
    assert f'<link rel="canonical" href="{settings.BASE_URL}{story.url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_story_without_authors_is_credited_to_the_newsroom():
    story = factories.article(factories.section())
    article, _ = json_ld_documents(Client().get(story.url).content.decode())
    assert article["author"][0]["@type"] == "NewsMediaOrganization"


def test_fact_check_carries_a_claim_review_per_claim():
    story = factories.fact_check(
        factories.section(), claim="The bridge stands.", claimant="A state paper"
    )
    documents = json_ld_documents(Client().get(story.url).content.decode())
    review = documents[2]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "The bridge stands."
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["itemReviewed"]["author"]["name"] == "A state paper"


def test_a_headline_cannot_break_out_of_the_json_ld_script():
    rendered = json_ld({"headline": "</script><script>alert(1)</script>"})
    assert rendered.count("</script>") == 1
    assert json.loads(rendered.split(">", 1)[1].rsplit("<", 1)[0])["headline"].startswith("</")


def test_counterparts_and_fronts_declare_each_other_with_hreflang():
    english = factories.article(factories.section(language="en"))
    burmese = factories.article(factories.section(language="my"))
    link_counterparts(article=english, counterpart=burmese)
    html = Client().get(english.url).content.decode()
    assert f'hreflang="my" href="{settings.BASE_URL}{burmese.url}"' in html
    assert f'hreflang="en" href="{settings.BASE_URL}{english.url}"' in html
    front = Client().get("/my/").content.decode()
    assert f'hreflang="en" href="{settings.BASE_URL}/"' in front


def test_share_links_are_plain_links_to_the_story():
    story = factories.article(factories.section(), title="Ferry stops")
    html = Client().get(story.url).content.decode()
    links = re.findall(r'<ul class="share".*?</ul>', html, re.S)[0]
    url = settings.BASE_URL + story.url
    for service in ("facebook.com/sharer", "x.com/intent", "t.me/share", "wa.me", "mailto:"):
        assert service in links
    assert url in unquote(links)
    assert f"{settings.BASE_URL}/a/{story.pk}/" in links
    assert "<script" not in links
