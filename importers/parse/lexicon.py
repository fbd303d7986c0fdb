"""The words every recognizer tests: job titles, organization and institution words,
place names, role kinds, seasons and grades, and what a section heading announces.
The bottom of the parser: it imports nothing of the parser's own."""

from __future__ import annotations

import re

# Capitals of the cased scripts (Latin, Greek, Cyrillic, Armenian, Georgian): "Łukasz",
# "Σταύρος", "Ólafur"; then the letters of scripts without case (Hebrew, Arabic, Indic,
# Thai, Ethiopic, kana, CJK, Hangul), where any letter can begin a name.
UPPER = "".join(
    c
    for c in map(
        chr,
        [
            *range(0x41, 0x250),
            *range(0x370, 0x530),
            *range(0x10A0, 0x1100),
            *range(0x1E00, 0x1F00),
            *range(0x1F00, 0x2000),
        ],
    )
    if c.isupper() or c.istitle()
)
CAP = f"[{re.escape(UPPER)}]"
NAME_START = (
    f"[{re.escape(UPPER)}\u05d0-\u05ea\u0620-\u064a\u0900-\u0dff\u0e00-\u0eff"
    "\u1200-\u137f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
# A word of a name: its first letter, then letters, apostrophes, hyphens and combining
# marks, which belong to the letter before them ("Adébáyọ̀", "O’Neil", "Quintanilla-Ortiz").
NAME_WORD = rf"{NAME_START}[\w'’\u0300-\u036f-]+"
# The lower-case words inside names ("Ludwig van Beethoven", "Ibn al Haytham").
NAME_PARTICLES = r"(?:van|von|de|da|del|della|der|di|du|dos|das|le|la|bin|ibn|al|ten|ter)"

TITLE_WORDS = re.compile(
    r"\b(engineer|engineering|scientist|developer|manager|lead|leader|intern|associate|"
    r"instructor|director|head|founder|co-?founder|researcher|analyst|consultant|professor|"
    r"fellow|architect|designer|officer|cto|ceo|cfo|coo|vp|vice|president|student|assistant|"
    r"editor|writer|staff|principal|member|owner|advisor|adviser|mentor|teacher|lecturer|"
    r"postdoc|specialist|coordinator|administrator|programmer|technician|sde|swe|mle|"
    r"contributor|maintainer|evangelist|advocate|partner|chair|trainee|apprentice|tutor|"
    r"scholar|ambassador|expert|innovator|volunteer|contractor|freelancer|representative)s?\b",
    re.I,
)


ORG_SUFFIX = re.compile(r"^(inc|ltd|llc|llp|gmbh|ag|sa|corp|co|plc|limited|pvt)\.?$", re.I)


INSTITUTION_WORDS = re.compile(
    r"\b(university|universi(?:t[éeàáä]\w*|dad|dade|teit|tas|ty)|uniwersytet|college|coll[èe]ge|"
    r"col[eé]gio|institute|instituto|institut|school|escuela|escola|[ée]cole|academy|academia|"
    r"akademie|polytechnic|polit[eé]cnic[oa]|politecnico|iit|mit|epfl|eth|conservatory|"
    r"hochschule|lyceum|liceo|lycée|seminary|bootcamp)\b",
    re.I,
)


SEPARATORS = (" — ", " – ", " -- ", " - ", " | ", " · ", " • ")


REMOTE_RE = re.compile(r"(?i)remote|hybrid|on[- ]site")
SEASON_RE = re.compile(r"\b(spring|summer|fall|autumn|winter)\b", re.I)


def titleish(text: str) -> int:
    return len(TITLE_WORDS.findall(text))


# Degree classes and grades that read like a place ("Hons", "Distinction").
GRADE_RE = re.compile(
    r"^(?:(?:c|u)?gpa\b|grade\b|score\b|marks?\b|percentage\b|cum laude\b|summa\b|magna\b|"
    r"hons\b|honou?rs\b|with\b|(?:first|second|upper|lower|1st|2nd)[- ]class\b|distinction\b|"
    r"merit\b|pass\b|valedictorian\b|rank\b|top\s+\d)"
    r"|\d+(?:[.,]\d+)?\s*(?:/\s*\d+(?:\.\d+)?|%)",
    re.I,
)


# A part of a larger organization: the name after it is that organization, not a place.
SUBUNIT_RE = re.compile(
    r"\b(lab|laboratory|group|team|department|dept|division|faculty|centre|center|unit|"
    r"chair|office|programme|program)\b",
    re.I,
)


# Company forms that read like a place name ("Hälsoexempel AB", "Fjord AS").
COMPANY_FORM_RE = re.compile(
    r"\b(ab|as|asa|aps|bv|nv|oy|oyj|spa|sas|sarl|srl|kg|kk|pty|se|sl|sro)\.?$", re.I
)


def role_kind(text: str) -> str:
    low = text.lower()
    if re.search(r"\bintern(ship)?\b", low):
        return "internship"
    if re.search(r"\b(contract|contractor|freelanc\w*|consultan\w*)\b", low):
        return "contract"
    if re.search(r"\bpart[- ]time\b", low):
        return "part-time"
    if re.search(r"\bvolunteer(ing)?\b", low):
        return "volunteer"
    return "full-time"


KIND_WORDS = re.compile(
    r"^(on\s+)?(contract|contractor|freelance|part[- ]time|full[- ]time|internship|intern|"
    r"volunteer(ing)?|remote|hybrid|on[- ]site)$",
    re.I,
)


# What a person likes, not what they can do: their tags ("Interests", "Things I like").
INTERESTS = (
    r"\binterests\b|\bhobbies\b|\bpassions\b|\bthings i (?:like|love|enjoy)\b|"
    r"\bwhat i (?:like|love|enjoy)\b|\boutside (?:of )?work\b"
)
INTERESTS_RE = re.compile(INTERESTS, re.I)


HEADING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("text", r"^\W*(news|updates|announcements|latest news|recent news)\W*$"),
        # Teaching and service are an academic's duties, not jobs: they stay as written.
        (
            "text",
            r"\b(teaching|professional service|academic service|service (and|&) leadership|"
            r"reviewing|outreach|extra-?curricular)\b",
        ),
        ("patents", r"\bpatents?\b"),
        (
            "roles",
            r"\b(experiences?|employment|work history|careers?|timeline|positions|jobs|"
            r"where i('ve| have) worked|work history|professional|volunteer(ing)?|"
            r"contract work|freelance work|consulting|clients|occupations?|appointments|"
            r"experiencias?|expériences?|experiências?|berufserfahrung|erfahrung|esperienz[ae]|"
            r"werdegang|trayectoria)\b|经历|经验|履歷|职业|職歴|경력"
            r"|^\W*work\W*$",  # JSON Resume's "Work"
        ),
        (
            "education",
            r"\b(educations?|academic background|degrees|studies|schooling|educación|"
            r"formación|formations?|formação|ausbildung|studium|istruzione|opleiding)\b"
            r"|教育|学历|學歷|学歴|학력",
        ),
        ("skills", INTERESTS),
        (
            "projects",
            r"\b(projects?|(things|stuff|what) i('ve| have)? ?(built|made|shipped)|"
            r"(?:recent )?releases|"
            r"portfolio|side projects|open[- ]source|(?:selected|featured|recent) work|"
            r"proyectos|projets|projetos|projekte|"
            r"progetti)\b|项目|項目|プロジェクト|프로젝트",
        ),
        (
            "publications",
            r"\b(publications?|published|papers|articles|writings?|notes|blog posts|posts|"
            r"(?:on|from) (?:my|the) blog|"
            r"books|research|thesis|publicaciones|publicações|publikationen|"
            r"pubblicazioni)\b|论文|論文|发表|출판",
        ),
        ("talks", r"\b(talks|speaking|presentations|conferences|workshops)\b"),
        (
            "awards",
            r"\b(awards|honou?rs|achievements|recognitions?|scholarships|grants|"
            r"certifications?|certificates|licen[cs]es)\b",
        ),
        (
            "skills",
            r"\b(skills?|technologies|tools|tech stack|(?<!-)stack|toolbox|toolkit|languages|"
            r"expertise|competenc(e|ies)|habilidades|compétences|kenntnisse|fähigkeiten|"
            r"competenze|aptitudes)\b|技能|技术|技術|スキル|기술",
        ),
        ("interviews", r"\b(interviews|amas)\b"),
        (
            "links",
            r"\b(links|contact|find me|socials?|elsewhere|connect|reach me|get in touch|"
            r"say hi)\b",
        ),
    )
)


PUB_KINDS = (
    (r"\bnotes?\b", "note"),
    (r"\b(articles?|writings?)\b", "article"),
    (r"\b(blog|posts?)\b", "post"),
    (r"\bbooks?\b", "book"),
    (r"\b(thesis|dissertation)\b", "thesis"),
    (r"\b(papers?|publications?|research)\b", "paper"),
)


# Headings whose lists stay text even when they look like dated roles (news items,
# teaching and service).
AS_WRITTEN_RE = re.compile("|".join(p.pattern for k, p in HEADING_KINDS[:2]), re.I)


# What makes a heading a list of writings, even when it names a job ("Research Papers").
_WRITINGS_RE = re.compile(
    r"\b(publications?|papers|articles|writings?|blog|posts|books|thesis|notes)\b", re.I
)


def heading_kind(title: str) -> str:
    for kind, pattern in HEADING_KINDS:
        if pattern.search(title):
            if kind == "publications" and titleish(title) and not _WRITINGS_RE.search(title):
                return "text"  # "Undergraduate Research Assistant": a job, not papers
            return kind
    return "text"


def publication_kind(title: str) -> str:
    for pattern, kind in PUB_KINDS:
        if re.search(pattern, title, re.I):
            return kind
    return "other"


PLACE_CONNECTORS = frozenset(
    re.findall(
        r"\w+",
        "de del della der di da do dos das du la le les los las of on upon am an im in bei sur "
        "y e and the en near based",
    )
)


ORG_WORDS_RE = re.compile(
    r"\b(inc|ltd|llc|llp|gmbh|corp|co|plc|labs?|technolog(y|ies)|tech|systems|software|"
    r"solutions|analytics|cloud|ai|ml|group|studios?|universit(y|é|at|ät)|college|institute|"
    r"school|company|foundation|bank|health|media|games|capital|ventures|consulting|agency|"
    r"hq|network|networks|research|robotics|data|dev|open[- ]source)\b",
    re.I,
)


def looks_like_place(text: str) -> bool:
    """ "Valparaíso", "Berlin, Germany", "📍 São Paulo", "Remote": a place, as far as
    words tell (no title, company, address or number in it)."""
    text = re.sub(r"^[^\w(]+", "", text.strip()).strip()
    if not text or len(text) > 60 or re.search(r"[@/\d<>\[\]()]|://|www\.", text):
        return False
    if titleish(text) or ORG_WORDS_RE.search(text):
        return False
    words = re.findall(r"[^\s,]+", text)
    if not words or len(words) > 5:
        return False
    capitalized = 0
    for word in words:
        if word[:1].isupper():
            capitalized += 1
        elif word.lower().strip(".") not in PLACE_CONNECTORS:
            return False
    return capitalized > 0


_HONORIFIC_RE = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame)\.?\s+(?=[A-Z])", re.I)


def strip_honorific(name: str) -> str:
    """ "Dr. Helena Costa" -> "Helena Costa" (the person, as other documents name her)."""
    return _HONORIFIC_RE.sub("", name.strip()) if len(name.split()) > 2 else name.strip()
