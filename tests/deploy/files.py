"""Readers for the deployment files, shared by the tests: the Dockerfile's instructions,
.dockerignore's patterns, docker-compose.yml, and the variables the settings read."""

from __future__ import annotations

import ast
import fnmatch
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# What the site reads from the environment: Django's settings and gunicorn's.
READERS = (ROOT / "portfolio" / "settings.py", ROOT / "gunicorn.conf.py")


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str

    @property
    def exec_form(self) -> list[str] | None:
        """The JSON array of an exec-form CMD, ENTRYPOINT or RUN, else None."""
        try:
            value = json.loads(self.arguments)
        except ValueError:
            return None
        return value if isinstance(value, list) else None


def dockerfile(path: Path = ROOT / "Dockerfile") -> list[Instruction]:
    """The instructions, continuation lines joined, comments and blank lines left out."""
    instructions, pending = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        instructions.append(Instruction(keyword.upper(), " ".join(arguments.split())))
        pending = ""
    return instructions


def dockerignore(path: Path = ROOT / ".dockerignore") -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip().strip("/") for line in lines if line.strip() and line[0] != "#"]


def is_ignored(relative: str, patterns: list[str]) -> bool:
    """Whether the build context leaves out a path: a pattern matches it or a folder it is in
    (Docker's rules, without the `!` exceptions, which .dockerignore does not use)."""
    parts = relative.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        for prefix in prefixes:
            if fnmatch.fnmatchcase(prefix, pattern):
                return True
            if pattern.startswith("**/") and fnmatch.fnmatchcase(parts[-1], pattern[3:]):
                return True
    return False


def compose(path: Path = ROOT / "docker-compose.yml") -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def interpolate(value: str, environ: dict[str, str] | None = None) -> str:
    """Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?message}`, nested ones included,
    from `environ`."""
    environ = environ or {}

    def replace(match: re.Match) -> str:
        name, operator, operand = match.group(1), match.group(2), match.group(3) or ""
        if environ.get(name):
            return environ[name]
        if operator == ":?":
            raise KeyError(f"{name} must be set: {operand}")
        return operand if operator == ":-" else ""

    innermost = re.compile(r"\$\{(\w+)(?:(:-|:\?)([^${}]*))?\}")
    value, previous = str(value), None
    while value != previous:
        value, previous = innermost.sub(replace, value), value
    return value


ENV_CALLS = {"get", "getenv", "env_bool", "env_list", "env_int", "_whole_number"}


def variables_read(paths: tuple[Path, ...] = READERS) -> set[str]:
    """Every environment variable these modules name: os.environ.get("X"), os.environ["X"],
    os.getenv("X"), the env_* helpers, and DATABASE_URL (read by dj_database_url.config())."""
    names = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _is_env_call(node.func):
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names.add(first.value)
            elif isinstance(node, ast.Subscript) and _is_environ(node.value):
                if isinstance(node.slice, ast.Constant):
                    names.add(node.slice.value)
            elif isinstance(node, ast.Call) and ast.unparse(node.func) == "dj_database_url.config":
                env = next((k.value for k in node.keywords if k.arg == "env"), None)
                names.add(env.value if isinstance(env, ast.Constant) else "DATABASE_URL")
    return names


def _is_environ(node: ast.AST) -> bool:
    return ast.unparse(node) in {"os.environ", "environ"}


def _is_env_call(func: ast.AST) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr in {"get", "getenv"} and (
            _is_environ(func.value) or ast.unparse(func.value) == "os"
        )
    return isinstance(func, ast.Name) and (func.id.startswith("env_") or func.id in ENV_CALLS)


def env_example(path: Path = ROOT / ".env.example") -> set[str]:
    """The variables .env.example lists, set or commented out (`# NAME=`)."""
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))
