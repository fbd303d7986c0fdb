"""Import benchmark: documents per second and peak memory, full import vs re-import.

    python bench/import.py [-n 1000] [--repeat 3] [--no-history] [--database-url URL]

Generates N documents across the families (fictional people) in a temporary folder, imports
them into a fresh database, then imports them again, and prints both runs side by side with
their ratio; with --repeat, several attempts and their medians (shared machines are noisy).
Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST = ["Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lia"]
LAST = ["Quill", "Stone", "Marsh", "Vale", "Reed", "Frost", "Lark", "Moss", "Pike", "Wren"]
ORGS = ["Initech", "Globex", "Hooli", "Umbrella Labs", "Acme Robotics", "Lumen Labs"]
TITLES = ["Engineer", "Senior Engineer", "Staff Engineer", "Research Scientist", "Manager"]


SYLLABLES = ["ba", "co", "di", "fu", "ga", "he", "ki", "lo", "mu", "ne"]


def _name(i: int) -> str:
    """A distinct, realistic name per document (no digits: parsers rightly drop those)."""
    first, rest = FIRST[i % len(FIRST)], i // len(FIRST)
    last, rest = LAST[rest % len(LAST)], rest // len(LAST)
    suffix = "".join(SYLLABLES[int(d)] for d in str(rest)) if rest else ""
    return f"{first} {last}{suffix}"


def markdown_cv(i: int, rng: random.Random) -> str:
    roles = "\n".join(
        f"- {rng.choice(ORGS)} — {rng.choice(TITLES)} ({2000 + k * 3}–{2003 + k * 3})"
        for k in range(rng.randint(2, 6))
    )
    return (
        f"# {_name(i)}\n\nEngineer · Example City\n\nperson{i}@example.com\n\n"
        f"I build things, number {i}.\n\n## Experience\n\n{roles}\n\n"
        '## Publications\n\n- A. Quill. "Paper {i}." Journal of Examples, 2019.\n\n'
        "## Talks\n\n- [Talk](https://example.com/t) — ExampleConf, Berlin (2021)\n\n"
        "## Awards\n\n- Best Demo, Example Hackathon (2018)\n"
    ).replace("{i}", str(i))


def jekyll_about(i: int, rng: random.Random) -> str:
    handle = _name(i).lower().replace(" ", "-")
    roles = "\n".join(
        f"- {rng.choice(TITLES)}, {rng.choice(ORGS)} (June {2010 + k} - May {2011 + k})"
        for k in range(rng.randint(2, 5))
    )
    return (
        f"---\nlayout: page\ntitle: About\npermalink: /about-{i}/\n---\n"
        f"I work on examples.\n\n[LinkedIn](https://www.linkedin.com/in/{handle})\n\n"
        f"## Timeline:\n\n{roles}\n\n## Elsewhere\n\nI like {{{{site.title}}}} and tea.\n"
    )


def interview(i: int, rng: random.Random) -> str:
    name = _name(i)
    first = name.split()[0]
    turns = "\n\n".join(
        f"Host: Question {k} for {first}?\n\n{first}: Answer {k}, with some words."
        for k in range(1, rng.randint(4, 10))
    )
    return (
        f"Interview with {name}, Engineer, {rng.choice(ORGS)}\n\n"
        f"{name} is an engineer.\n\nWe thank {name} for taking part in the Bench Series.\n\n"
        f"{turns}\n"
    )


def hugo_blox(i: int, rng: random.Random) -> str:
    return (
        f"---\ntitle: {_name(i)}\nname: {_name(i)}\nrole: {rng.choice(TITLES)}\n"
        f"organizations:\n  - name: {rng.choice(ORGS)}\n    url: https://example.com\n"
        "interests:\n  - Examples\n  - Benchmarks\n"
        "education:\n  courses:\n    - course: BSc Examples\n      institution: Example U\n"
        "      year: 2012\n"
        f"social:\n  - icon: github\n    icon_pack: fab\n    link: https://github.com/u{i}\n"
        "---\nA short biography.\n"
    )


def github_readme(i: int, rng: random.Random) -> str:
    blocks = "\n\n".join(
        f"<details>\n<summary>{2012 + 3 * k}-{2015 + 3 * k}</summary>\n\n"
        f"## {rng.choice(TITLES)}, {rng.choice(ORGS)}\n\n- Shipped feature {k}\n"
        f"- Mentored {k + 1} engineers\n\n</details>"
        for k in range(rng.randint(1, 4))
    )
    return (
        f'<h1 align="center">Hi, I\'m {_name(i)} 👋</h1>\n\n'
        '<p align="center">\n  <img src="https://img.shields.io/badge/Python-blue" alt="Python">\n'
        '  <img src="https://img.shields.io/badge/Go-teal" alt="Go">\n</p>\n\n'
        f"## Experience\n\n{blocks}\n\n## Patents\n\n"
        f"- [Method for examples {i}](https://patents.google.com/patent/US{9000000 + i}B2/en)\n\n"
        f"## Projects\n\n### 2020\n\n- [tool-{i}](https://github.com/u{i}/tool) - a small tool\n"
    )


def academicpages_about(i: int, rng: random.Random) -> str:
    return (
        f'---\npermalink: /home-{i}/\ntitle: "About"\nauthor_profile: true\n'
        f"redirect_from:\n  - /about-me-{i}/\n---\n\n"
        f"I am {_name(i)}, working as a {rng.choice(TITLES)} at {rng.choice(ORGS)}.\n\n"
        "Things I have built\n======\n\n"
        f"* [Widget {i}](https://example.com/w{i}): a widget for examples\n"
        "* Gadget: a gadget nobody asked for\n\n"
        "Interests\n======\n\nBenchmarks, examples and tea.\n"
    )


def hugo_ama(i: int, rng: random.Random) -> str:
    name = _name(i)
    first = name.split()[0]
    turns = "\n\n".join(
        f"**P{k}:** *Question {k} about examples?*\n\n**{first[0]}:** Answer {k}, kindly given."
        for k in range(1, rng.randint(3, 8))
    )
    return (
        f'---\ntitle: "AMA with {name}"\ndate: 2021-0{1 + i % 9}-15\ndraft: false\n---\n\n'
        f"An AMA with {name} from our study group.\n\n**Legend:**\n\n"
        f"- {first[0]}: {first}\n- P(n): Participants\n\n---\n\n{turns}\n"
    )


def unknown(i: int, rng: random.Random) -> str:
    return (
        f"Notes, week {i}\n\nSome thoughts on examples and benchmarks.\n\n"
        "- Measure twice\n- Cut once\n\nMore later.\n"
    )


GENERATORS = [
    markdown_cv,
    jekyll_about,
    interview,
    hugo_blox,
    github_readme,
    academicpages_about,
    hugo_ama,
    unknown,
]


def generate(folder: Path, n: int) -> None:
    rng = random.Random(42)
    for i in range(n):
        make = GENERATORS[i % len(GENERATORS)]
        sub = folder / f"{i:05d}"
        if make is hugo_blox:
            sub = folder / "content" / "authors" / f"a{i}"
            sub.mkdir(parents=True)
            (sub / "_index.md").write_text(make(i, rng))
        else:
            (folder / f"{i:05d}-{make.__name__}.md").write_text(make(i, rng))


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portfolio.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def phase(database_url: str, folder: Path, history: bool) -> None:
    """One import in this (child) process; prints seconds, documents, peak RSS, ok."""
    setup_django(database_url)
    from importers.services import import_paths

    started, cpu_started = time.perf_counter(), time.process_time()
    report = import_paths([folder], publish=True, history=history)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps([elapsed, cpu, len(report.documents), peak_mib, report.ok]))


def run_phase(database_url: str, folder: Path, history: bool) -> list:
    # Each run in a fresh process, so peak memory is that run's own.
    flags = [] if history else ["--no-history"]
    out = subprocess.run(
        [sys.executable, __file__, "--phase", str(folder), "--database-url", database_url, *flags],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--no-history", action="store_true", help="import without versions")
    parser.add_argument(
        "--repeat", type=int, default=1, help="attempts on fresh databases; prints the median"
    )
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--migrate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        phase(args.database_url, Path(args.phase), history=not args.no_history)
        return
    if args.migrate:
        setup_django(args.database_url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        return

    workdir = Path(tempfile.mkdtemp(prefix="portfolio-bench-"))
    docs = workdir / "docs"
    docs.mkdir()
    generate(docs, args.n)
    history = not args.no_history
    setup_django(args.database_url or f"sqlite:///{workdir / 'setup.sqlite3'}")
    from django.core.management import call_command

    runs = []
    for attempt in range(1, args.repeat + 1):
        # Every attempt starts from an empty database: a new SQLite file, or a flushed one.
        database_url = args.database_url or f"sqlite:///{workdir / f'bench-{attempt}.sqlite3'}"
        if args.database_url:
            call_command("migrate", verbosity=0)
            call_command("flush", interactive=False, verbosity=0)
        else:
            _migrate(database_url)
        runs.append(
            (run_phase(database_url, docs, history), run_phase(database_url, docs, history))
        )

    print(
        f"documents: {args.n}   database: {(args.database_url or 'sqlite').split(':')[0]}   "
        f"history: {'on' if history else 'off (--no-history)'}   attempts: {args.repeat}"
    )
    # CPU seconds are steadier than wall seconds on a shared machine; both are shown.
    print(
        f"{'run':<16} {'wall s':>8} {'docs/s':>8} {'cpu s':>8} {'docs/cpu-s':>11} "
        f"{'peak RSS MiB':>13} {'ok':>4}"
    )
    for attempt, (first, second) in enumerate(runs, start=1):
        suffix = f" #{attempt}" if args.repeat > 1 else ""
        for label, row in ((f"import{suffix}", first), (f"re-import{suffix}", second)):
            _print_row(label, row)
    if args.repeat > 1:
        for index, label in ((0, "import median"), (1, "re-import median")):
            rows = sorted((pair[index] for pair in runs), key=lambda row: row[0])
            _print_row(label, rows[len(rows) // 2])
    ratios = sorted(second[0] / first[0] for first, second in runs)
    print(f"re-import / import time ratio: {ratios[len(ratios) // 2]:.2f}")
    shutil.rmtree(workdir, ignore_errors=True)


def _migrate(database_url: str) -> None:
    """Migrate a database in a child process (this one is set up for another)."""
    subprocess.run(
        [sys.executable, __file__, "--migrate", "--database-url", database_url],
        check=True,
        capture_output=True,
    )


def _print_row(label: str, row: list) -> None:
    elapsed, cpu, count, peak, ok = row
    print(
        f"{label:<16} {elapsed:>8.2f} {count / elapsed:>8.1f} {cpu:>8.2f} "
        f"{count / cpu:>11.1f} {peak:>13.1f} {ok!s:>4}"
    )


if __name__ == "__main__":
    main()
