"""The importer's layers point down only: ``parse`` is pure Python (no Django, no app of
ours beyond pure helpers), ``load`` may use the content apps, and no content app imports
the importer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Pure modules of content apps that the parser may use.
PURE_OURS = {
    "people.links",
    "portfolio.text",
    "portfolio.names",
    "portfolio.degrees",
    "portfolio.jsonresume",
}
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


def _package_graph(package: str) -> dict[str, set[str]]:
    """Module-level imports between the modules of one package (relative or absolute)."""
    base = ROOT / package.replace(".", "/")
    graph: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for path in base.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        module = ".".join(parts)
        here = module if is_package else module.rsplit(".", 1)[0]
        deps: set[str] = set()
        submodules: set[str] = set()
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    anchor = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                    target = f"{anchor}.{node.module}" if node.module else anchor
                else:
                    target = node.module or ""
                # "from . import hugo_blox" depends on the submodule, not on the package.
                deps.add(target)
                deps |= {f"{target}.{alias.name}" for alias in node.names}
                submodules.add(target)
            elif isinstance(node, ast.Import):
                deps |= {alias.name for alias in node.names}
        graph[module] = deps
        parents[module] = submodules
    return {
        m: {
            d
            for d in deps
            if d in graph
            and d != m
            and not (d in parents[m] and any(x.startswith(d + ".") and x in graph for x in deps))
        }
        for m, deps in graph.items()
    }


def test_the_importer_has_no_import_cycle():
    graph = _package_graph("importers")
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                cycle = trail[trail.index(dep) :] if dep in trail else trail
                raise AssertionError(" -> ".join([*cycle, dep]))
            if dep not in state:
                visit(dep, [*trail, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_the_lexicon_is_the_bottom_of_the_parser():
    assert not {n for n in _imports(ROOT / "importers/parse/lexicon.py") if "importers" in n}
    graph = _package_graph("importers")
    assert graph["importers.parse.lexicon"] == set()


def test_no_function_of_the_importer_runs_past_a_screen():
    long = []
    for path in _modules("importers"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                if size > 65:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({size})")
    assert not long, long
