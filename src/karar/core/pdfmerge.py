"""The pages of two PDFs that Qt's writer made, as one PDF, without a PDF library.

A big poster's pages are drawn by two processes, each into its own PDF (see
:mod:`karar.core.forked`); :func:`join_pages` puts them back in order. The first PDF stays
the document (its catalog, properties and metadata); the second's pages, with all they use
(content, resources, fonts), are renumbered after the first's objects and hung in the first's
page tree. Objects are copied byte for byte, streams untouched: only the references in front
of a stream are renumbered. Nothing is recompressed, so joining costs a copy of the bytes.

It reads the layout Qt writes (PDF 32000-1, 7.5): one classic cross-reference table,
objects in the order of their offsets, a flat page tree. (pypdf can do this too, but
importing it alone costs a third of a second of a one-second export.) Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from karar.core.pdfoutline import xref_offsets

_REF = re.compile(rb"(\d+) 0 R\b")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_PARENT = re.compile(rb"/Parent\s+(\d+) 0 R")


class _Document:
    """One PDF as Qt lays it out: its objects' bytes, and its pages in order."""

    def __init__(self, pdf: bytes) -> None:
        tail = pdf[pdf.rindex(b"trailer") :]
        found = re.search(rb"startxref\s+(\d+)", tail)
        if found is None:
            raise ValueError("no startxref")
        xref = int(found[1])
        offsets = xref_offsets(pdf, xref)
        next_at = dict(pairwise([*sorted(offsets.values()), xref]))
        self.pdf = pdf
        self.trailer = tail
        self.start = min(offsets.values())  # the header ends where the first object begins
        #: each object's bytes, "N 0 obj" to "endobj" and the line end after it
        self.objects = {n: pdf[at : next_at[at]] for n, at in offsets.items()}
        self.root = self._trailer_ref(b"Root")
        catalog = self.objects[self.root]
        found = re.search(rb"/Pages\s+(\d+) 0 R", catalog)
        if found is None:
            raise ValueError("no page tree")
        self.tree = int(found[1])
        kids = re.search(rb"/Kids\s*\[(.*?)\]", self.objects[self.tree], re.S)
        if kids is None:
            raise ValueError("the page tree has no kids")
        self.pages = [int(n) for n in _REF.findall(kids[1])]
        if any(b"/Type /Pages" in self.objects[n] for n in self.pages):
            raise ValueError("the page tree is not flat")

    def _trailer_ref(self, key: bytes) -> int:
        found = re.search(rb"/" + key + rb"\s+(\d+) 0 R", self.trailer)
        if found is None:
            raise ValueError(f"no /{key.decode()} in the trailer")
        return int(found[1])

    @property
    def size(self) -> int:
        """One more than the highest object number (Qt numbers them from 1, none left out)."""
        size = max(self.objects) + 1
        if len(self.objects) != size - 1:
            raise ValueError("the objects are not numbered 1 to n")
        return size

    def head(self, n: int) -> bytes:
        """Object ``n`` up to its stream's data (all of it for an object without one)."""
        data = self.objects[n]
        found = _STREAM.search(data)
        return data if found is None else data[: found.end()]

    def used_by(self, pages: Sequence[int]) -> list[int]:
        """The objects ``pages`` reach, pages included, their parent left out; in the
        order of the file."""
        own = set(pages)
        seen = set(own)
        todo = list(own)
        while todo:
            n = todo.pop()
            head = self.head(n)
            if n in own:
                head = _PARENT.sub(b"", head)
            for ref in _REF.findall(head):
                m = int(ref)
                if m not in seen and m in self.objects:
                    seen.add(m)
                    todo.append(m)
        return sorted(seen)


def join_pages(first: bytes, second: bytes, order: Sequence[tuple[int, int]]) -> bytes:
    """One PDF of the pages ``order`` lists, ``(0, k)`` for the ``k``-th page of ``first``,
    ``(1, k)`` for the ``k``-th of ``second``: the document ``first`` with those pages.

    Raises:
        ValueError: A PDF is not laid out as Qt writes it, or ``order`` names a page
            either lacks.
    """
    try:
        return _join(_Document(first), _Document(second), order)
    except (IndexError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"cannot join the pages: {exc}") from None


def _join(a: _Document, b: _Document, order: Sequence[tuple[int, int]]) -> bytes:
    theirs = {b.pages[k] for doc, k in order if doc == 1}
    # b's objects that its pages use, numbered on after a's
    after = a.size
    number = {n: after + i for i, n in enumerate(b.used_by(sorted(theirs)))}
    target = {**number, b.tree: a.tree}  # b's pages hang in a's page tree

    def renumber(found: re.Match[bytes]) -> bytes:
        return b"%d 0 R" % target[int(found[1])]

    kids = [a.pages[k] if doc == 0 else number[b.pages[k]] for doc, k in order]
    tree = re.sub(
        rb"/Kids\s*\[.*?\]",
        b"/Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"]",
        a.objects[a.tree],
        count=1,
        flags=re.S,
    )
    tree = re.sub(rb"/Count\s+\d+", b"/Count %d" % len(kids), tree, count=1)
    out = bytearray(a.pdf[: a.start])
    offsets: dict[int, int] = {}
    for n, data in sorted(a.objects.items()):
        offsets[n] = len(out)
        out += tree if n == a.tree else data
    for n, new in number.items():
        head = b.head(n)
        body = b.objects[n][len(head) :]
        opening = b"%d 0 obj" % n
        if not head.startswith(opening):
            raise ValueError(f"object {n} is not where the cross-reference table says")
        head = b"%d 0 obj" % new + _REF.sub(renumber, head[len(opening) :])
        offsets[new] = len(out)
        out += head + body
    size = max(offsets) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    keep = b"".join(
        found[0] + b"\n"
        for key in (rb"/Info\s+\d+ 0 R", rb"/ID\s*\[[^\]]*\]")
        if (found := re.search(key, a.trailer)) is not None
    )
    out += b"trailer\n<<\n/Size %d\n/Root %d 0 R\n%s>>\n" % (size, a.root, keep)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


__all__ = ["join_pages"]
