"""Rendering benchmarks for notes (run by `make bench`): a note's render time grows in
proportion to its length, however it is written (issue 8, class 12: ``[`` × 8,000 took
36 s, ``[a](`` × 20,000 two minutes — four times the note, sixteen times the time).

Each test renders a note of about 40,000 characters and the same note a quarter as long,
in the same run, and compares the two: linear work takes four times as long, quadratic
sixteen. Times are this thread's CPU time, which a busy machine does not inflate."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from karar.core.notes import MARKDOWN_LIMIT, render_note

LENGTH = 40_000

PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "brackets": lambda n: "[" * n,
    "images": lambda n: "![" * (n // 2),
    "links": lambda n: "[a](" * (n // 4),
    "links-closed-once": lambda n: "[a](" * (n // 4) + ")",
    "titles": lambda n: '[a]("' * (n // 5),
    "references": lambda n: "[a][" * (n // 4),
    "brackets-then-a-link": lambda n: "[" * n + " [ok](https://e.com)",
    "code-spans": lambda n: "``a`" * (n // 4),
    "fences": lambda n: "```a\n" * (n // 5),
    "nested": lambda n: "".join("\t" * i + "- a\n" for i in range(int((2 * n) ** 0.5))),
    "numbered": lambda n: "1. " * (n // 3),
    "quotes": lambda n: "> " * (n // 2),
    "emphasis": lambda n: "*a " * (n // 5) + "b*" * (n // 5),
    "escapes": lambda n: "\\" * n,
}

SPREAD_MATCHES: dict[str, Callable[[int], str]] = {
    "line-breaks": lambda n: "a\n" * (n // 2),
    "escapes-spread": lambda n: "\\*a" * (n // 3),
    "entities": lambda n: "&amp;a" * (n // 6),
    "links-that-work": lambda n: "[a](http://e.com) " * (n // 18),
    "emphasis-that-works": lambda n: "*a* " * (n // 4),
}
"""Notes with a match every few characters of one paragraph: Python-Markdown's inline
pass copies the paragraph at every match, so their time grows faster than the note (a
copy is cheap: the length limit keeps it to a fraction of a second)."""

SPREAD_RATIO = 15
"""How many times an ordinary note's time such a note may take at the same length."""

ORDINARY = (
    "## Why PostgreSQL\n\nWe chose **PostgreSQL 16** over MySQL: `JSONB`, [partial indexes]"
    "(https://www.postgresql.org/docs/current/indexes-partial.html) and *transactional DDL*.\n\n"
    "- [x] benchmark the write path\n- [ ] ask ops about pgbouncer\n\n"
    "| DB | Why |\n|---|---|\n| PostgreSQL | JSONB |\n\n```sql\nselect 1;\n```\n\n"
)

GROWTH = 8.0
"""The most a note four times as long may multiply the time by (linear: 4)."""


def cpu_of(action: Callable[[], object]) -> float:
    """Seconds of this thread's CPU time ``action`` takes, the least of three runs."""
    best = float("inf")
    for _ in range(3):
        start = time.thread_time()
        action()
        best = min(best, time.thread_time() - start)
    return best


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_note_renders_in_linear_time(benchmark, name: str) -> None:
    make = PATHOLOGICAL[name]
    text, quarter = make(LENGTH), make(LENGTH // 4)
    assert len(text) <= MARKDOWN_LIMIT  # rendered as Markdown, not refused as too long
    render_note("*warm*")  # markdown imported, the converter built
    small = cpu_of(lambda: render_note(quarter))
    full = cpu_of(lambda: render_note(text))
    result = benchmark.pedantic(render_note, args=(text,), rounds=1, iterations=1)
    assert result.reason in ("", "cut")  # rendered, not over a budget
    assert full < GROWTH * small + 0.02, (
        f"{len(text):,} characters: {full * 1000:.0f} ms; {len(quarter):,}: {small * 1000:.0f} ms"
    )


@pytest.mark.parametrize("name", list(SPREAD_MATCHES))
def test_a_match_every_few_characters_costs_a_few_ordinary_notes(benchmark, name: str) -> None:
    text = SPREAD_MATCHES[name](LENGTH)
    render_note("*warm*")
    ordinary = cpu_of(lambda: render_note(ordinary_note(len(text))))
    took = cpu_of(lambda: render_note(text))
    result = benchmark.pedantic(render_note, args=(text,), rounds=1, iterations=1)
    assert result.reason in ("", "cut")
    assert took < SPREAD_RATIO * ordinary, (
        f"{took * 1000:.0f} ms; an ordinary note {ordinary * 1000:.0f} ms"
    )


def ordinary_note(length: int) -> str:
    return (ORDINARY * (length // len(ORDINARY) + 1))[:length]


def test_ordinary_note(benchmark) -> None:
    result = benchmark.pedantic(render_note, args=(ordinary_note(LENGTH),), rounds=3, iterations=1)
    assert result.reason in ("", "cut")
