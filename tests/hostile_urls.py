"""Hostile link and image addresses, as an author would type them into markdown or raw HTML.

The families of the OWASP XSS filter evasion cheat sheet that live in a URL (javascript:,
data: and other schemes, spelled with entities, case, controls, tabs and newlines), and the
addresses that leave the site without a scheme (two slashes or backslashes, in any mix, after
whitespace and controls, split by tabs and newlines, or spelled with entities). Shared by the
renderer's test (tests/portfolio/test_markdown.py) and the browser's (tests/browser/).
"""

from __future__ import annotations

# Attribute values as they appear between the quotes of href="..." in a document.
SCHEMES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "&#14;  javascript:alert(1)",
    "&#x01;javascript:alert(1)",
    "jav\tascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "jav&#x0D;ascript:alert(1)",
    "&Tab;java&NewLine;script:alert(1)",
    "java&#0;script:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
    "&#0000116&#0000058alert(1)",
    "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "livescript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,&lt;svg onload=alert(1)&gt;",
    "file:///etc/passwd",
    "ftp://evil.example/x",
]

OFF_SITE = [
    "//evil.example/x",
    "\\\\evil.example/x",
    "/\\evil.example/x",
    "\\/evil.example/x",
    "///evil.example/x",
    "\\\\\\evil.example/x",
    "/\\/evil.example/x",
    " //evil.example/x",
    "&#1;//evil.example/x",
    "&#x1F;\\\\evil.example/x",
    "&#32;&#32;/\\evil.example/x",
    "\t//evil.example/x",
    "/\t/evil.example/x",
    "/&#9;/evil.example/x",
    "/&#10;/evil.example/x",
    "/&#13;\\evil.example/x",
    "\\&NewLine;\\evil.example/x",
    "&#92;&#92;evil.example/x",
    "&#x5C;&#x5c;evil.example/x",
    "&bsol;&bsol;evil.example/x",
    "/&bsol;evil.example/x",
    "&sol;&sol;evil.example/x",
    "&#x2F;&#x2F;evil.example/x",
    "&#47;&#92;evil.example/x",
    "/\\site.example@evil.example/x",
    "//evil.example:443/x",
    "\\\\evil.example?q=1",
    "//evil.example#top",
]

# What must keep working, so the hostile ones are not refused by refusing everything.
KEPT = [
    "https://example.com/a",
    "HTTPS://Example.com/a",
    "http://example.com/b?q=1#c",
    "mailto:ada@example.com",
    "/people/ada/",
    "/media/markdownx/a.png",
    "#q2",
    "?page=2",
    "\\people\\ada",
    "/%5Cevil.example/x",
    "%2F%2Fevil.example/x",
]

ADDRESSES = SCHEMES + OFF_SITE + KEPT


def documents(address: str) -> list[str]:
    """The ways a document can carry an address: raw HTML links and images, markdown links,
    images and reference links."""
    return [
        f'<a href="{address}">link</a>',
        f'<p><img src="{address}" alt="image"></p>',
        f"[link]({address})",
        f"![image]({address})",
        f"[link][ref]\n\n[ref]: {address}",
        f"[link](<{address}>)",
    ]
