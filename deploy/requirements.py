"""Print the requirements of pyproject.toml's dependencies and of the extras named on the
command line, one a line, for `pip install -r`: the Dockerfile installs them in a layer of
their own, before the source is copied, so a change of code reuses it.

    python deploy/requirements.py s3 > requirements.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def requirements(project: dict, extras: list[str]) -> list[str]:
    """The project's dependencies and its extras', self-references (`name[s3]`) expanded."""
    lines = list(project["dependencies"])
    pending = list(extras)
    seen: set[str] = set()
    while pending:
        extra = pending.pop(0)
        if extra in seen:
            continue
        seen.add(extra)
        for line in project["optional-dependencies"][extra]:
            own = re.fullmatch(rf"{re.escape(project['name'])}\[([^\]]+)\]", line.strip())
            if own:
                pending += [name.strip() for name in own.group(1).split(",")]
            elif line not in lines:
                lines.append(line)
    return lines


def main(argv: list[str]) -> int:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    unknown = [extra for extra in argv if extra not in project.get("optional-dependencies", {})]
    if unknown:
        print(f"No such extra in pyproject.toml: {', '.join(unknown)}", file=sys.stderr)
        return 2
    print("\n".join(requirements(project, argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
