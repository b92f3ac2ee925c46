"""Where maps come from: files on disk (``.md``, ``.mmd``, ``.mermaid``) and the built-in map.

Owns reading bytes safely (size limit, binary and encoding checks with line numbers),
finding the mindmap block in a Markdown file, handing the text to the Mermaid reader, and
saying what a parsed map's reading warns about (:func:`reading_warnings`, shown by
``karar check`` and the window). Every failure is a :class:`~karar.core.errors.MapError`
with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from karar.core.bulk import no_gc
from karar.core.errors import MapError, Message
from karar.core.labels import has_markup
from karar.core.mermaid import ParseResult, detect_mindmap, parse_mermaid
from karar.core.mermaid_preprocess import JS_SPACE_CHARS
from karar.core.mermaid_writer import plain_label_text
from karar.core.model import MindMap, Shape
from karar.core.textfile import decode_utf8, read_bytes, reject_utf16

BUILTIN_PREFIX = "builtin:"
BUILTIN_DJANGO = "builtin:django"
_BUILTIN_FILES = {"django": "django-decision-tree.md"}

MAP_FILE = Message("map file", "map-file")
"""What a map's file is called in messages."""

MAX_MAP_BYTES = 32 * 1024 * 1024
"""Larger files are refused: a 32 MiB map is over a million nodes, more than anyone can read."""

MERMAID_SUFFIXES = (".mmd", ".mermaid")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*mermaid\b.*$")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(slots=True)
class MapSource:
    """The mindmap text found in a file, and where it sits there.

    Attributes:
        name: The path as given (or ``builtin:NAME``), used in messages.
        text: The Mermaid text of the mindmap.
        first_line: The file line of ``text``'s first line.
        notices: (line, message) about the file that are not errors (a second mindmap...),
            each message a :class:`~karar.core.errors.Message`.
    """

    name: str
    text: str
    first_line: int = 1
    notices: list[tuple[int, str]] = field(default_factory=list)


def is_builtin(path: str | Path | None) -> bool:
    """Whether ``path`` names a built-in map (None is the default built-in map)."""
    return path is None or str(path).startswith(BUILTIN_PREFIX)


def builtin_text(name: str = "django") -> str:
    """The text of a built-in map, read from the package data."""
    try:
        filename = _BUILTIN_FILES[name]
    except KeyError:
        known = ", ".join(BUILTIN_PREFIX + k for k in _BUILTIN_FILES)
        raise MapError(
            BUILTIN_PREFIX + name,
            None,
            Message(f"no such built-in map (known: {known})", "no-builtin", known=known),
        ) from None
    return (resources.files("karar.data") / filename).read_text(encoding="utf-8")


def read_text(path: str | Path) -> str:
    """Read a map file as UTF-8 text, refusing what is not a readable text file (not a
    regular file, larger than :data:`MAX_MAP_BYTES`, empty, binary, UTF-16, not UTF-8)."""
    name = str(path)
    data = read_bytes(path, MapError, MAP_FILE, limit=MAX_MAP_BYTES)
    if not data.strip():
        raise MapError(name, None, Message("the file is empty", "empty-file"))
    reject_utf16(data, name, MapError)
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise MapError(
            name, line, Message("this is a binary file, not a text map (NUL byte)", "binary")
        )
    return decode_utf8(data, name, MapError)


def find_mindmap(text: str, name: str, *, markdown: bool | None = None) -> MapSource:
    """Find the mindmap in a file's text.

    Args:
        text: The whole file.
        name: The file's name, for messages and to choose Markdown or bare Mermaid.
        markdown: Force Markdown (True) or bare Mermaid (False); None decides by suffix,
            and for other suffixes by whether the text has a ```` ```mermaid ```` fence.

    Raises:
        MapError: A Markdown file without a ```` ```mermaid ```` block holding a mindmap.
    """
    if markdown is None:
        lower = name.lower()
        if lower.endswith(MERMAID_SUFFIXES):
            markdown = False
        elif lower.endswith(MARKDOWN_SUFFIXES):
            markdown = True
        else:
            markdown = any(_FENCE_OPEN.match(line.rstrip("\r\n")) for line in _lines(text))
    if not markdown:
        return MapSource(name, text)

    blocks = list(_mermaid_blocks(text))
    mindmaps = [(line, body) for line, body in blocks if detect_mindmap(body)]
    if not mindmaps:
        if blocks:
            raise MapError(
                name,
                blocks[0][0] - 1,
                Message(
                    f"none of the {len(blocks)} ```mermaid blocks holds a mindmap",
                    "no-mindmap-block",
                    blocks=len(blocks),
                ),
            )
        raise MapError(
            name, None, Message("no ```mermaid block holding a mindmap was found", "no-block")
        )
    first_line, body = mindmaps[0]
    another = Message(
        "another mindmap in this file is ignored: Karar shows the first one", "another-mindmap"
    )
    notices: list[tuple[int, str]] = [(line - 1, another) for line, _ in mindmaps[1:]]
    return MapSource(name, body, first_line, notices)


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their endings, ended only where the reader counts a line
    (``\\n``, ``\\r\\n``, ``\\r``): ``str.splitlines`` also ends one at U+2028, form feeds
    and other separators, and the lines of errors would then be off."""
    return _LINE.findall(text)


def _mermaid_blocks(text: str) -> list[tuple[int, str]]:
    """(first content line, body) of each ```` ```mermaid ```` fenced block (CommonMark
    fences: backticks or tildes, at most three spaces of indentation; an unclosed block
    runs to the end of the file)."""
    lines = _lines(text)
    out = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i].rstrip("\r\n"))
        if not m:
            i += 1
            continue
        fence = m.group(1)
        close = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        start = i + 1
        j = start
        while j < len(lines) and not close.match(lines[j].rstrip("\r\n")):
            j += 1
        out.append((start + 1, "".join(lines[start:j])))
        i = j + 1
    return out


def load_source(path: str | Path | None) -> MapSource:
    """The mindmap text of a file or built-in map (None: the built-in Django map)."""
    if is_builtin(path):
        name = str(path) if path is not None else BUILTIN_DJANGO
        return find_mindmap(builtin_text(name[len(BUILTIN_PREFIX) :]), name, markdown=True)
    return find_mindmap(read_text(path), str(path))  # type: ignore[arg-type]


def parse_source(
    source: MapSource, *, strict: bool = False, keep_going: bool = False
) -> ParseResult:
    """Parse a :class:`MapSource`; errors name the file and its line.

    Args:
        source: The mindmap text and where it sits in its file.
        strict: Read exactly as Mermaid does.
        keep_going: Collect errors in the nodes in ``errors`` and read on (``karar check``).
    """
    result = parse_mermaid(
        source.text,
        path=source.name,
        strict=strict,
        first_line=source.first_line,
        keep_going=keep_going,
    )
    result.map.source = source.name
    return result


def reading_warnings(source: MapSource, result: ParseResult) -> list[tuple[int, str]]:
    """What a map's reading warns about, as ``(line, message)`` sorted by line.

    The file's notices (a second mindmap block...), a keyword Mermaid knows only in lower
    case, each line where Karar's default reading and Mermaid's differ (Mermaid rejects it,
    reads it as a shape, or reads a shape on into the lines below), and each shaped node
    whose id holds markup: ``Kotlin<br/>(JVM)`` is the node ``JVM`` in both readings, so
    the text meant as its label is not shown. Messages carry a Mermaid-safe spelling; each
    is a :class:`~karar.core.errors.Message` (codes ``keyword-case``, ``reads-differently``,
    ``shape-spans``, ``markup-in-id``).

    Args:
        source: The source that was parsed.
        result: What :func:`parse_source` made of it (either reading).
    """
    with no_gc():  # a warning per line of a hostile map: no cycles among them
        return _reading_warnings(source, result)


def _reading_warnings(source: MapSource, result: ParseResult) -> list[tuple[int, str]]:
    warnings = list(source.notices)
    if result.keyword_case is not None:
        said = "Mermaid only knows the keyword in lower case: write 'mindmap'"
        warnings.append((result.keyword_case, Message(said, "keyword-case")))
    for d in result.divergences:
        how = d.mermaid.replace("Mermaid rejects it: ", "Mermaid rejects this line: ")
        how = how.replace("Mermaid reads it", "Mermaid reads this line")
        safe = d.safe if d.safe is not None else plain_label_text(d.text)
        warnings.append(
            (
                d.line,
                Message(
                    f"{how}; {d.karar}. Mermaid-safe: {safe}",
                    "reads-differently",
                    mermaid=d.mermaid,  # its "it" is the line: the window says "this line"
                    karar=d.karar,
                    safe=safe,
                ),
            )
        )
    for d in result.spans:
        safe = plain_label_text(d.text)
        warnings.append(
            (
                d.line,
                Message(
                    f"{d.mermaid}: close the shape on this line, or write the line as a plain "
                    f"label: {safe}",
                    "shape-spans",
                    mermaid=d.mermaid,
                    safe=safe,
                ),
            )
        )
    lines: list[str] | None = None
    for node in result.map:
        if node.shape is Shape.DEFAULT or node.id == node.label or not has_markup(node.id):
            continue
        if lines is None:
            lines = source.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        written = lines[node.line - source.first_line].strip(JS_SPACE_CHARS + "\ufeff")
        safe = plain_label_text(written)
        warnings.append(
            (
                node.line,
                Message(
                    f"Mermaid reads this line as a {node.shape.value} node labelled "
                    f"{node.label!r}: the text before the shape, {node.id!r}, holds markup but "
                    f"is only the node's id and is not shown. Mermaid-safe: {safe}",
                    "markup-in-id",
                    shape=node.shape,
                    label=node.label,
                    id=node.id,
                    safe=safe,
                ),
            )
        )
    return sorted(warnings, key=lambda w: w[0])


@dataclass(frozen=True, slots=True)
class Reading:
    """A map as read from its file, with what the reading warns about.

    Attributes:
        map: The map.
        warnings: ``(line, message)`` per line Karar and Mermaid read differently
            (:func:`reading_warnings`); none for the built-in map, which Karar ships and
            reads as its authors meant.
    """

    map: MindMap
    warnings: list[tuple[int, str]]


def read_map(path: str | Path | None = None, *, strict: bool = False) -> Reading:
    """Read a map file (or the built-in map when ``path`` is None) with its warnings.

    Raises:
        MapError: The file is missing, unreadable, not text, or not a valid mindmap.
    """
    source = load_source(path)
    result = parse_source(source, strict=strict)
    warnings = [] if is_builtin(path) else reading_warnings(source, result)
    return Reading(result.map, warnings)


def load_map(path: str | Path | None = None, *, strict: bool = False) -> MindMap:
    """Read a map file (or the built-in map when ``path`` is None).

    Raises:
        MapError: The file is missing, unreadable, not text, or not a valid mindmap.
    """
    return parse_source(load_source(path), strict=strict).map
