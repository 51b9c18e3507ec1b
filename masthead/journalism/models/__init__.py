from masthead.journalism.models.authors import Author, AuthorQuerySet
from masthead.journalism.models.editions import EditionSettings
from masthead.journalism.models.images import NewsImage, NewsRendition
from masthead.journalism.models.pages import (
    OPINION_FORMATS,
    ArticleAuthor,
    ArticlePage,
    ContactMessage,
    ContactPage,
    Correction,
    DonatePage,
    FactCheckClaim,
    HomePage,
    HomeSectionBlock,
    HomeTopStory,
    SectionPage,
    StandardPage,
    StoryFormat,
    TeamPage,
    Verdict,
)
from masthead.journalism.models.querysets import ArticlePageQuerySet
from masthead.journalism.models.tags import ArticleTag, Tag

__all__ = [
    "OPINION_FORMATS",
    "ArticleAuthor",
    "ArticlePage",
    "ArticlePageQuerySet",
    "ArticleTag",
    "Author",
    "AuthorQuerySet",
    "ContactMessage",
    "ContactPage",
    "Correction",
    "DonatePage",
    "EditionSettings",
    "FactCheckClaim",
    "HomePage",
    "HomeSectionBlock",
    "HomeTopStory",
    "NewsImage",
    "NewsRendition",
    "SectionPage",
    "StandardPage",
    "StoryFormat",
    "Tag",
    "TeamPage",
    "Verdict",
]
