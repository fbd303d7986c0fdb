"""The schemas exports are validated against, copied here so no test downloads anything."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft4Validator

HERE = Path(__file__).parent


@cache
def resume_validator() -> Draft4Validator:
    schema = json.loads((HERE / "resume-schema-1.0.0.json").read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def resume_errors(document: dict) -> list[str]:
    """Every way ``document`` breaks JSON Resume v1.0.0, as 'path: message' lines."""
    errors = resume_validator().iter_errors(document)
    return sorted(f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors)
