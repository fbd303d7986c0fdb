"""Template helpers for the public site."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()

# What json_script escapes: with these, no string can end the <script> element early.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """Data as JSON for a <script type="application/ld+json"> block. `<`, `>` and `&` are
    escaped (as json_script does), so no text can close the script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))


# The sizes pages show avatars at; the stylesheet has a class for each (`avatar-64`), as the
# Content Security Policy allows no inline style attribute.
AVATAR_SIZES = (48, 64, 128)


@register.inclusion_tag("includes/avatar.html")
def avatar(person, size: int = 64, lazy: bool = False):
    """A person's avatar at `size` CSS pixels: renditions with a srcset, or their initials."""
    if size not in AVATAR_SIZES:
        raise ValueError(f"avatar size {size} has no class in site.css: use one of {AVATAR_SIZES}")
    return {"person": person, "image": person.avatar_rendition(size), "size": size, "lazy": lazy}


@register.simple_tag
def page_url(request, number) -> str:
    """The current URL with ?page= set to `number`, other parameters kept."""
    params = request.GET.copy()
    params["page"] = number
    return "?" + params.urlencode()
