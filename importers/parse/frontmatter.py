"""Front matter: YAML between ``---`` lines (safe loading only) or TOML between ``+++``."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

import yaml

from .errors import DocumentError

# libyaml's loader when compiled in; both are "safe" (no Python object tags).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_ALIASES = 50
MAX_NODES = 20_000
_YAML_RE = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)
_TOML_RE = re.compile(r"\A\+\+\+[ \t]*\n(.*?)^\+\+\+[ \t]*$\n?", re.S | re.M)


def _count_nodes(value: Any, limit: int) -> int:
    """Count values in a loaded structure, stopping early past ``limit``."""
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            break
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return count


def _load_yaml(source: str, name: str) -> dict[str, Any]:
    # Alias bombs ("billion laughs") expand on load; refuse them before loading.
    aliases = 0
    try:
        for event in yaml.parse(source, Loader=SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise DocumentError(name, "front matter has too many YAML aliases")
        data = yaml.load(source, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DocumentError(name, f"invalid YAML front matter{where}: {problem}") from None
    return _check_mapping(data, name)


def _check_mapping(data: Any, name: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError(name, "front matter is not a mapping of keys to values")
    if _count_nodes(data, MAX_NODES) > MAX_NODES:
        raise DocumentError(name, "front matter is too large")
    return {str(key): value for key, value in data.items()}


def split_front_matter(text: str, name: str = "") -> tuple[dict[str, Any], str, str]:
    """Return ``(metadata, body, format)``; format is "yaml", "toml" or "" (none)."""
    meta, body, fmt = _split(text, name)
    return dict(meta), body, fmt


@lru_cache(maxsize=16)
def _split(text: str, name: str) -> tuple[dict[str, Any], str, str]:
    # Cached: detection and the family parser both split the same text.
    if m := _YAML_RE.match(text):
        return _load_yaml(m[1], name), text[m.end() :], "yaml"
    if m := _TOML_RE.match(text):
        try:
            data = tomllib.loads(m[1])
        except tomllib.TOMLDecodeError as exc:
            raise DocumentError(name, f"invalid TOML front matter: {exc}") from None
        return _check_mapping(data, name), text[m.end() :], "toml"
    if text.startswith(("---\n", "+++\n")):
        raise DocumentError(name, "front matter is never closed")
    return {}, text, ""
