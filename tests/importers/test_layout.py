"""The importer's layers point down only: ``parse`` is pure Python (no Django, no app of
ours beyond pure helpers), ``load`` may use the content apps, and no content app imports
the importer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE_OURS = {"people.links"}  # pure modules of content apps that the parser may use
FRAMEWORKS = ("django", "reversion", "taggit", "markdownx", "storages")
CONTENT_APPS = ("people", "timeline", "publications", "portfolio")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("importers/parse"), ids=lambda p: p.name)
def test_the_parser_imports_no_framework_and_no_app(path):
    for name in _imports(path):
        top = name.split(".")[0]
        assert top not in FRAMEWORKS, f"{path.name} imports {name}"
        if top in CONTENT_APPS:
            assert name in PURE_OURS, f"{path.name} imports {name}"


@pytest.mark.parametrize(
    "path",
    [p for app in CONTENT_APPS for p in _modules(app) if "migrations" not in p.parts],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_content_app_imports_the_importer(path):
    assert not any(n.split(".")[0] == "importers" for n in _imports(path)), path


def test_pure_helpers_of_content_apps_are_pure():
    for dotted in PURE_OURS:
        path = ROOT / (dotted.replace(".", "/") + ".py")
        assert not {n.split(".")[0] for n in _imports(path)} & {*FRAMEWORKS, *CONTENT_APPS}


def test_the_parser_runs_without_django_configured():
    import subprocess
    import sys

    code = (
        "import sys; from importers.parse import parse_document; "
        "doc = parse_document(b'# Ada Quill\\n\\n## Experience\\n\\n- Acme \\u2014 Engineer "
        "(2020\\u2013present)\\n', 'cv.md'); "
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m); "
        "print(doc.person.name)"
    )
    env = {"PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Ada Quill"
