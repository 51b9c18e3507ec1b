"""Parts of reader pages rendered once and reused while the content stays the same.

    {% shared_fragment "footer" this_year %} ... {% endshared_fragment %}

The part is rendered on first use and kept under the current content generation
(masthead/core/memo.py), so any change to content renders it afresh. Its key is the name,
the values given after it, the edition's language and the host the request was made to (page
links are relative to the site of the request). Whatever else the part shows must be the
same for every request of that edition: no per-page or per-reader value, no time of day, no
view count. Previews are always rendered: they show content that is not published.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from masthead.core.memo import remembered

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, name: str, vary_on: list[FilterExpression], nodelist: NodeList) -> None:
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        key = (
            "fragment",
            self.name,
            get_language(),
            request.META.get("HTTP_HOST", ""),
            request.is_secure(),
            *(_key_part(value.resolve(context)) for value in self.vary_on),
        )
        return remembered(key, lambda: mark_safe(self.nodelist.render(context)))


def _key_part(value: Any) -> Any:
    if value is None or isinstance(value, str | int | bool):
        return value
    raise template.TemplateSyntaxError(
        f"shared_fragment varies on strings and numbers only, not {type(value).__name__}"
    )


@register.tag
def shared_fragment(parser: Parser, token: Token) -> SharedFragmentNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a quoted name, then the values it varies on"
        )
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]], nodelist)
