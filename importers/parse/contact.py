"""Contact details as pages write them, wherever they stand: labelled fields ("Email:
...", "- **Website:** [x](url)"), lines made only of contact items ("mail@x.org ·
[GitHub](url) · +49 000 0000 · x.org"), a link whose text is its own address, a profile
address written as text ("github.com/ada") and "my website at [x](url)" in prose.

Each function takes text and returns what it found; the page reader decides what a find
means for the person (their e-mail, their site, one more link)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from people.links import is_profile_url, link_kind

from .markup import plain_text

# What a field's label announces, and the words it is written with.
_FIELD_KINDS = (
    ("email", r"e-?mail(?: address)?|mail|courriel|correo"),
    (
        "website",
        r"(?:personal |my )?(?:website|web ?site|homepage|home ?page|web|site|page|portfolio|"
        r"blog|url)",
    ),
    ("phone", r"phone|tel(?:ephone)?|mobile|cell"),
    ("location", r"location|address|based in|lives in|city|where"),
    ("headline", r"label|headline|current (?:role|position)|position|occupation"),
    ("name", r"(?:full )?name"),
)
_FIELD_KIND_RES = tuple((kind, re.compile(rf"(?i)^(?:{words})$")) for kind, words in _FIELD_KINDS)
_EMPHASIS = r"(?:\*\*|__|\*|_)?"
# "- **Email:** x", "* Website: x", "📫 Email — x", "**Phone**: x".
_FIELD_RE = re.compile(
    r"^\s*(?:>\s*)?(?:[-*+]\s+)?(?:[^\w\s\[<*_>]{1,3}\s*)?"
    + _EMPHASIS
    + r"(?P<key>[A-Za-z][A-Za-z -]{0,22}?)\s*"
    + r"(?::\s*"
    + _EMPHASIS
    + r"|"
    + _EMPHASIS
    + r"\s*(?::|\s[—–]\s))\s*(?P<value>\S.*?)\s*\\?$"
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
# A web address written without its scheme: "radomir.example.dev", "github.com/ada".
_BARE_ADDRESS = r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?:/[\w.~%@+-]+)*/?"
_MD_LINK = r"\[[^\[\]\n]{1,80}\]\([^()\s]+\)"
_HTML_LINK = r"<a\s[^>]*?href=[\"'][^\"']+[\"'][^>]*>.*?</a>"
_CONTACT_ITEM = (
    rf"(?:{_MD_LINK}"  # [GitHub](https://github.com/x)
    rf"|{_HTML_LINK}"  # <a href="https://x.org">x.org</a>
    r"|<(?:https?://|mailto:)[^>\s]+>"  # <https://x.org>
    rf"|<{_EMAIL}>|{_EMAIL}"  # <mail@x.org>, mail@x.org
    r"|https?://[^\s|·•,<>]+"  # https://x.org
    rf"|(?<![\w@.]){_BARE_ADDRESS}(?![\w@])"  # x.org, github.com/ada
    r"|\+?\(?\d[\d ().-]{6,}\d)"  # +90 (0)000 000 0000
)
_CONTACT_ICON = r"(?:[^\w\s\[<>*+#|·•,(-]{1,3}\s*)?"
_CONTACT_SEPARATOR = r"(?:\s*(?:[·|•,]|&middot;|&bull;)\s*|\s+/\s+)"
_CONTACT_LINE_RE = re.compile(
    rf"\s*{_CONTACT_ICON}{_CONTACT_ITEM}(?:{_CONTACT_SEPARATOR}{_CONTACT_ICON}{_CONTACT_ITEM})*\s*"
)
_CONTACT_ITEM_RE = re.compile(_CONTACT_ITEM)
_HREF_RE = re.compile(r"href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.S)
_PHONE_RE = re.compile(r"\+?\(?\d[\d ().-]{6,}\d")
# A link's words that say it is the person's own site ("[Website](url)", "[My blog](url)").
SITE_LABEL_RE = re.compile(r"(?i)\b(website|homepage|home page|personal site|portfolio|blog)\b")
_OWN_SITE_RE = re.compile(
    r"(?i)\bmy\s+(?:own\s+|personal\s+)?(?:website|web ?site|site|blog|homepage|home page|"
    r"portfolio)\b[^.\n\[]{0,40}?\[[^\]\n]+\]\((https?://[^)\s]+)\)"
)
_OWN_SITE_LINK_RE = re.compile(
    r"(?i)(?:\bmy\s+\[(?:own\s+|personal\s+)?|\[(?:my\s+)(?:own\s+|personal\s+)?|\[personal\s+)"
    r"(?:website|web ?site|site|blog|homepage|home page|portfolio)\]\((https?://[^)\s]+)\)"
)
_BARE_PROFILE_RE = re.compile(
    r"(?<![\w./@:\[(-])((?:www\.)?(?:github\.com|gitlab\.com|linkedin\.com/in|twitter\.com|"
    r"x\.com|codeberg\.org)/[\w.-]+)(?![\w/.-]*\))"
)


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled field: its kind ("email", "website", "phone", "location",
    "headline", "name"), the label as written, and its value (markdown)."""

    kind: str
    label: str
    value: str


def labelled_field(line: str) -> Field | None:
    """ "- **Email:** ada@x.org" -> Field("email", "Email", "ada@x.org"); None when the
    line is not a field whose label this module knows."""
    if len(line) > 300 or not (m := _FIELD_RE.match(line)):
        return None
    label = m["key"].strip()
    for kind, pattern in _FIELD_KIND_RES:
        if pattern.match(label):
            value = re.sub(r"^(?:\*\*|__)\s*|\s*(?:\*\*|__)$", "", m["value"]).strip()
            return Field(kind, label, value) if value else None
    return None


def labelled_fields(text: str) -> list[Field]:
    """The fields of a text, a line each, or a cell each on a table's row ("| Email:
    [x](mailto:x) | Site: [x.net](https://x.net) |")."""
    out: list[Field] = []
    for line in text.split("\n"):
        cells = (
            re.split(r"(?<!\\)\|", line.strip().strip("|"))
            if line.lstrip().startswith("|")
            else [line]
        )
        out.extend(f for cell in cells if (f := labelled_field(cell)))
    return out


def field_url(field: Field) -> str:
    """The address a field gives: the link's target, an e-mail address as mailto:, a
    bare address as https://; "" when the value is not an address."""
    value = field.value
    if m := re.search(r"\]\(([^()\s]+)\)", value):
        # "[ada@example.com](ada@example.com)": an address linked without "mailto:".
        return "mailto:" + m[1] if re.fullmatch(_EMAIL, m[1]) else m[1]
    if m := _HREF_RE.search(value):
        return m[1]
    if m := re.search(r"<((?:https?://|mailto:)[^>\s]+)>", value):
        return m[1]
    if m := re.search(_EMAIL, value):
        return "mailto:" + m[0]
    if m := re.search(r"https?://[^\s<>)]+", value):
        return m[0]
    if field.kind == "website" and (m := re.fullmatch(_BARE_ADDRESS, plain_text(value))):
        return "https://" + m[0]
    return ""


def is_own_address(label: str, url: str) -> bool:
    """A link whose text is its own address ("[radomir.example.dev](https://radomir.
    example.dev/)"): the kind a page writes for the person's site."""
    if not url.startswith(("http://", "https://")):
        return False
    shown = re.sub(r"^(?:https?://)?(?:www\.)?", "", plain_text(label).strip().lower()).rstrip("/")
    target = re.sub(r"^https?://(?:www\.)?", "", url.lower()).rstrip("/")
    return bool(shown) and shown == target


def is_site(url: str) -> bool:
    """A web page that is no platform's profile (a person's own site, a blog)."""
    return link_kind(url) == "website" and not is_profile_url(url)


def contact_items(line: str) -> list[tuple[str, str]]:
    """(url, label) of each item when ``line`` holds only contact items (e-mail
    addresses, links, web addresses, phone numbers) separated by "·", "|", "•" or
    commas; [] otherwise. Phone numbers are not links and are left out (see
    ``has_phone``)."""
    line = re.sub(r"^\s*>\s?|\\\s*$", "", line)
    # "| [x.org](https://x.org)": a line going on with the items of the one above.
    line, continued = re.subn(r"^\s*(?:[·|•]|&middot;|&bull;)\s*(?=\S)", "", line)
    if len(line) > 400 or not _CONTACT_LINE_RE.fullmatch(line):
        return []
    items: list[tuple[str, str]] = []
    phones = bare = 0
    for m in _CONTACT_ITEM_RE.finditer(line):
        if item := _contact_item(m[0]):
            items.append(item)
            bare += not re.match(r"[\[<]|https?://|[\w.+-]+@", m[0]) and not is_profile_url(item[0])
        else:
            phones += 1
    if not items or not all(url.startswith(("http://", "https://", "mailto:")) for url, _ in items):
        return []
    if bare == len(items):
        return []  # "Node.js, Vue.js": words with dots, unless a real address stands by
    if len(items) + phones == 1 and not is_profile_url(items[0][0]) and not continued:
        # One link alone on a line may be anything ("[my latest post](url)").
        return []
    return items


def has_phone(line: str) -> bool:
    return bool(_PHONE_RE.search(re.sub(r"\([^()\s]*\)|https?://\S+", "", line)))


def _contact_item(text: str) -> tuple[str, str] | None:
    if text.startswith("["):
        label, _, url = text[1:-1].partition("](")
        return url, plain_text(label)
    if text.lower().startswith("<a"):
        m = _HREF_RE.search(text)
        return (m[1], plain_text(m[2])) if m else None
    if text.startswith("<"):
        inner = text[1:-1]
        return ("mailto:" + inner, "Email") if "://" not in inner and "@" in inner else (inner, "")
    if "://" not in text and "@" in text:
        return "mailto:" + text, "Email"
    if "://" in text:
        return text, ""
    if _PHONE_RE.fullmatch(text):
        return None
    return "https://" + text, text


def own_sites_in_prose(text: str) -> list[str]:
    """ "my website at [radomir.example.dev](url)", "my blog: [x](url)", "visit my
    [personal website](url)": the person's site."""
    return [m[1] for m in _OWN_SITE_RE.finditer(text)] + [
        m[1] for m in _OWN_SITE_LINK_RE.finditer(text)
    ]


def profile_addresses(text: str) -> list[str]:
    """Profile addresses written as plain text ("github.com/tyildirim"), as https URLs."""
    urls = []
    for m in _BARE_PROFILE_RE.finditer(text):
        url = "https://" + m[1].rstrip(".")
        if is_profile_url(url):
            urls.append(url)
    return urls


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""
