"""Structured data for search engines and link previews: schema.org JSON-LD (NewsArticle,
BreadcrumbList, ClaimReview) built as plain dicts. Absolute URLs use MASTHEAD_BASE_URL, so
published files and mirrors carry the newsroom's public address."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from masthead.journalism.models import ArticlePage
    from masthead.journalism.queries import ArticleView


def absolute(path: str) -> str:
    return settings.BASE_URL + path if path.startswith("/") else path


def _organisation(name: str) -> dict[str, Any]:
    return {"@type": "NewsMediaOrganization", "name": name, "url": absolute("/")}


def news_article(
    article: ArticlePage,
    story: ArticleView,
    *,
    newsroom: str,
    author_urls: list[str],
    image_url: str | None,
) -> dict[str, Any]:
    published = article.first_published_at
    modified = article.updated_at or published
    authors = [
        {"@type": "Person", "name": author.display_name, "url": absolute(url)}
        for author, url in zip(story.authors, author_urls, strict=True)
    ] or [_organisation(newsroom)]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.standfirst,
        "inLanguage": article.locale.language_code,
        "mainEntityOfPage": absolute(article.url or ""),
        "articleSection": story.section.title,
        "author": authors,
        "publisher": _organisation(newsroom),
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat() if modified else None,
        "image": [absolute(image_url)] if image_url else None,
    }
    return {key: value for key, value in data.items() if value not in (None, "")}


def breadcrumb_list(
    story: ArticleView, article: ArticlePage, *, home_name: str, home_url: str
) -> dict[str, Any]:
    trail = [(home_name, home_url)]
    trail += [(crumb.title, crumb.url) for crumb in story.breadcrumbs]
    trail.append((article.title, article.url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(url or "")}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def claim_reviews(story: ArticleView, article: ArticlePage, newsroom: str) -> list[dict[str, Any]]:
    reviews = []
    for claim in story.claims:
        item: dict[str, Any] = {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": claim.claimant},
        }
        if claim.claim_date:
            item["datePublished"] = claim.claim_date.isoformat()
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": absolute(article.url or ""),
                "claimReviewed": claim.claim,
                "author": _organisation(newsroom),
                "datePublished": article.first_published_at.isoformat()
                if article.first_published_at
                else None,
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": claim.rating,
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": claim.get_verdict_display(),
                },
            }
        )
    return reviews


def json_ld(data: Any) -> SafeString:
    """A JSON-LD script element; "<" is escaped so no text can close the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """Plain share links (no third-party code runs until the reader follows one)."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("X", f"https://x.com/intent/post?url={u}&text={t}"),
        ("Telegram", f"https://t.me/share/url?url={u}&text={t}"),
        ("WhatsApp", f"https://wa.me/?text={t}%20{u}"),
        ("Email", f"mailto:?subject={t}&body={u}"),
    ]
