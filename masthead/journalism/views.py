from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from masthead.core.clients import client_address
from masthead.journalism.forms import ContactForm
from masthead.journalism.models import ArticlePage, ContactPage
from masthead.journalism.services import receive_contact_message

CONTACT_MESSAGES_PER_HOUR = 5


def _client_key(request: HttpRequest) -> str:
    """A rate-limit key that never stores the reader's address: a hash kept for an hour."""
    address = client_address(request)
    return "contact-rate:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _allow_contact(request: HttpRequest) -> bool:
    key = _client_key(request)
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    except Exception:  # the cache is down: accept the message rather than lose it
        return True
    return count <= CONTACT_MESSAGES_PER_HOUR


def contact_page_view(request: HttpRequest, page: ContactPage) -> HttpResponse:
    """The contact form. It needs no cookie (published pages set none), so it relies on a
    honeypot field and a per-client rate limit instead of a CSRF token."""
    status = 200
    sent = False
    if request.method == "POST":
        form = ContactForm(request.POST)
        if not _allow_contact(request):
            form.add_error(None, "Too many messages from your connection; please try later.")
            status = 429
        elif form.is_valid():
            receive_contact_message(page=page, data=form.cleaned_data, language=get_language())
            sent = True
            form = ContactForm()
        else:
            status = 400
    else:
        form = ContactForm()
    context = page.get_context(request)
    context.update(form=form, sent=sent)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def short_article_url(request: HttpRequest, article_id: int) -> HttpResponse:
    """/a/<id>/: a short, script-neutral address for sharing, redirecting to the story."""
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        raise Http404("No such story.")
    return HttpResponsePermanentRedirect(article.get_url(request))
