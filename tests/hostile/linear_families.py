"""Families of hostile maps of any size, and a timer for them (run as a script by
test_linear.py, in a process of its own).

Each family repeats what once made the reader, the label markup or a writer backtrack or
rescan: tags that never close, ``style`` lines of ``:#``, front matter of line breaks,
markdown emphasis, shapes left open on every line, comments, directives. Reading one of
them must cost about as much as reading an ordinary map of the same size.

Usage: ``python linear_families.py SIZE,SIZE FAMILY,...`` prints one JSON object per
family: ``{"family": NAME, "SIZE": [read seconds, render seconds], ...}``. Reading is what
``karar check`` and ``karar check --strict`` do; rendering is the labels as the window
draws them and the text exports.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from karar.core import labels
from karar.core.errors import KararError
from karar.core.export import to_json
from karar.core.mermaid import ParseResult
from karar.core.mermaid_writer import to_mermaid
from karar.core.report import markdown_snapshot
from karar.core.sources import MapSource, parse_source, reading_warnings

HEAD = "mindmap\n  root\n"
Family = Callable[[int], str]


def one_line(token: str, before: str = "", after: str = "") -> Family:
    """A node line of ``token`` repeated, between ``before`` and ``after``."""

    def make(size: int) -> str:
        room = size - len(HEAD) - 5 - len(before) - len(after)
        return HEAD + "    " + before + token * (room // len(token)) + after + "\n"

    return make


def every_line(line: str) -> Family:
    """One node per line, each ``line``."""
    return lambda size: HEAD + ("    " + line + "\n") * ((size - len(HEAD)) // (len(line) + 5))


def _underscores(size: int) -> str:
    half = size // 2 - 20
    return HEAD + '    id["`' + "_" * half + "a" + "_" * half + '`"]\n'


# Families whose hostile part is one line (or one block): timed at 100 KB and 1 MB.
ONE_LINE: dict[str, Family] = {
    # the reference: an ordinary map of short plain and shaped nodes
    "ordinary": every_line("plain node text"),
    "ordinary-shaped": every_line("n[a shaped node]"),
    # pre-processing
    "tag-never-closed": one_line("<a "),
    "tag-name-quotes": one_line("<a\"'"),
    "quoted-attributes": one_line('="', "<a ", ">"),
    "style-colon-hash": one_line(":#", "style "),
    "classdef-colon-hash": one_line(":#", "classDef "),
    "front-matter-breaks": lambda size: "---" + "\n" * (size - 30) + "mindmap\n  a\n",
    "front-matter-fences": lambda size: "---\n" + "\n---  " * (size // 6) + "\nmindmap\n  a\n",
    "blank-lines": lambda size: HEAD + "    \n" * ((size - len(HEAD)) // 5) + "    a\n",
    "directive-never-closed": one_line("%%{a"),
    "entity-codes": one_line("#a"),
    # label markup
    "closing-tags": one_line("</a"),
    "comments-never-closed": one_line("<!--"),
    "declarations": one_line("<!"),
    "breaks-never-closed": one_line("<br "),
    "bold-never-closed": one_line("<b>"),
    "html-entities": one_line("&amp"),
    "markdown-underscores": _underscores,
    "markdown-underscore-words": one_line("__a ", 'id["`', '`"]'),
    "markdown-stars": one_line("**a", 'id["`', '`"]'),
    "markdown-italics": one_line("*a ", 'id["`', '`"]'),
    "one-long-shape": one_line("x", "id[", "]"),
    "brackets": one_line("(("),
}
# Families where every line is hostile: a warning (or an error) per line, so each line
# costs more than an ordinary one; timed at 20 KB and 200 KB.
EVERY_LINE: dict[str, Family] = {
    "ordinary": every_line("plain node text"),
    "style-lines": every_line("style a:#b:#c;"),
    "comment-lines": every_line("%% a comment"),
    "open-square-lines": every_line("a["),
    "open-round-lines": every_line("a("),
    "open-quote-lines": every_line('a["'),
    "open-icon-lines": every_line("::icon("),
    "text-after-shape-lines": every_line("a[b]c"),
}
FAMILIES = {**ONE_LINE, **EVERY_LINE}


def read(text: str) -> list[ParseResult]:
    """What ``karar check`` and ``karar check --strict`` do with the text."""
    source = MapSource("hostile.mmd", text)
    results = []
    for strict in (False, True):
        try:
            result = parse_source(source, strict=strict, keep_going=True)
        except KararError:
            continue
        reading_warnings(source, result)
        results.append(result)
    return results


def render(results: list[ParseResult]) -> None:
    """The labels as the window draws them, and the text exports."""
    for result in results[:1]:
        for node in result.map:
            labels.paragraphs(node.label, node.markdown)
            labels.label_markdown(node.label, node.markdown)
        to_mermaid(result.map)
        to_json(result.map)
        markdown_snapshot(result.map)


def measure(name: str, size: int, repeat: int) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of reading and of rendering, in CPU seconds of this
    process (other work on a loaded machine is not counted)."""
    text = FAMILIES[name](size)
    best_read = best_render = float("inf")
    for _ in range(repeat):
        labels.paragraphs.cache_clear()
        start = time.process_time()
        results = read(text)
        middle = time.process_time()
        render(results)
        end = time.process_time()
        best_read = min(best_read, middle - start)
        best_render = min(best_render, end - middle)
    return best_read, best_render


def main(argv: list[str]) -> None:
    sizes = [int(s) for s in argv[0].split(",")]
    names = argv[1].split(",")
    for name in names:
        row: dict[str, object] = {"family": name}
        for size in sizes:
            # small sizes are noisy: the fastest of a few runs (and of two up to 200 KB)
            repeat = 3 if size <= 100_000 else 2 if size <= 200_000 else 1
            row[str(size)] = measure(name, size, repeat)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
