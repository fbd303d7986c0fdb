"""A degree as one line ("MSc in Computer Science") and as JSON Resume's two fields
(studyType "MSc", area "Computer Science"). Pure functions, no Django: the export and the
JSON Resume importer use the same pair, so a degree survives the round trip."""

from __future__ import annotations

import re

# The kinds of degree a line starts with: abbreviations with or without dots, and the words.
_STUDY_TYPE = re.compile(
    r"""^(?P<type>
        (?:Bachelor|Master|Doctor)(?:'?s)?(?:\s+of\s+(?:Science|Arts|Engineering|Philosophy
            |Business\s+Administration|Fine\s+Arts|Laws|Education|Technology|Medicine))?
        | Ph\.?\s?D\.? | D\.?Phil\.? | Dr\.?
        | B\.?\s?(?:Sc|S|A|Eng|E|Tech|Des|Ed|Com|BA)\.?
        | M\.?\s?(?:Sc|S|A|Eng|E|Tech|Phil|Res|BA|Des|Ed)\.?
        | MBA | LL\.?\s?[BM]\.? | J\.?D\.? | M\.?D\.?
        | (?:Associate|Diploma|Licentiate|Habilitation|Postdoc(?:toral)?)(?:'?s)?
        | A\.?A\.? | A\.?S\.?
    )(?=$|[\s,:;–—(-])""",
    re.VERBOSE,
)
# What may stand between the kind of degree and its area, kept so the line reads back the same.
_SEPARATOR = re.compile(r"^(?:\s*[,:;–—-]\s*|\s+(?:in|of|on)\s+|\s+)")
JOIN = " in "


def split_degree(text: str) -> tuple[str, str]:
    """(studyType, area): "MSc in Computer Science" -> ("MSc", "Computer Science");
    "PhD" -> ("PhD", ""); "Computer Science" -> ("", "Computer Science")."""
    text = (text or "").strip()
    match = _STUDY_TYPE.match(text)
    if not match:
        return "", text
    rest = text[match.end() :]
    separator = _SEPARATOR.match(rest)
    area = rest[separator.end() :] if separator else rest
    return match["type"], area.strip()


def join_degree(study_type: str, area: str) -> str:
    """One line from JSON Resume's two fields: ("MSc", "Computer Science") -> "MSc in
    Computer Science"."""
    study_type, area = (study_type or "").strip(), (area or "").strip()
    if study_type and area:
        return f"{study_type}{JOIN}{area}"
    return study_type or area
