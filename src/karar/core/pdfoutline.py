"""PDF bookmarks (an outline) added to a PDF that Qt's writer made, without a PDF library.

Qt's writer cannot write an outline. It is added as an incremental update (PDF 32000-1,
7.5.6): the outline's objects and a new catalog naming it are appended, with their own
cross-reference section pointing back at Qt's. The file Qt wrote stays as it was, byte for
byte, in front, and nothing of it is rewritten. (pypdf can do this too, but importing it
alone costs a third of a second of a one-second export.) Pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence


def add_outline(pdf: bytes, marks: Sequence[tuple[str, int]]) -> bytes:
    """``pdf`` with an outline of ``marks`` (title, page from 0), opened with it shown.

    Raises:
        ValueError: ``pdf`` is not laid out as Qt writes it (one classic cross-reference
            table, a catalog with a page tree).
    """
    if not marks:
        return pdf
    try:
        return _append_outline(pdf, marks)
    except (IndexError, TypeError) as exc:
        raise ValueError(str(exc)) from None


def _append_outline(pdf: bytes, marks: Sequence[tuple[str, int]]) -> bytes:
    import re

    tail = pdf[pdf.rindex(b"trailer") :]

    def number(key: bytes) -> int:
        found = re.search(rb"/" + key + rb"\s+(\d+)", tail)
        if found is None:
            raise ValueError(f"no /{key.decode()} in the trailer")
        return int(found[1])

    size, root = number(b"Size"), number(b"Root")
    found = re.search(rb"startxref\s+(\d+)", tail)
    if found is None:
        raise ValueError("no startxref")
    previous = int(found[1])
    offsets = xref_offsets(pdf, previous)

    def dictionary(obj: int) -> bytes:
        found = re.match(rb"\s*%d 0 obj\s*<<(.*?)>>\s*endobj" % obj, pdf[offsets[obj] :], re.S)
        if found is None:
            raise ValueError(f"object {obj} is not a dictionary")
        return found[1]

    catalog = dictionary(root)
    if b"/Outlines" in catalog or b"/PageMode" in catalog:
        raise ValueError("the catalog has an outline already")
    found = re.search(rb"/Pages\s+(\d+) 0 R", catalog)
    if found is None:
        raise ValueError("no page tree")
    kids = re.search(rb"/Kids\s*\[(.*?)\]", dictionary(int(found[1])), re.S)
    if kids is None:
        raise ValueError("no pages")
    pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids[1])]
    outline = size
    items = list(range(size + 1, size + 1 + len(marks)))
    objects: list[tuple[int, bytes]] = [
        (
            outline,
            b"<<\n/Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d\n>>"
            % (items[0], items[-1], len(items)),
        )
    ]
    for at, ((title, page), obj) in enumerate(zip(marks, items, strict=True)):
        fields = [
            b"/Title <" + ("\ufeff" + title).encode("utf-16-be").hex().encode() + b">",
            b"/Parent %d 0 R" % outline,
            b"/Dest [%d 0 R /Fit]" % pages[min(max(page, 0), len(pages) - 1)],
        ]
        if at:
            fields.append(b"/Prev %d 0 R" % items[at - 1])
        if at + 1 < len(items):
            fields.append(b"/Next %d 0 R" % items[at + 1])
        objects.append((obj, b"<<\n" + b"\n".join(fields) + b"\n>>"))
    objects.append(
        (root, b"<<" + catalog + b"/Outlines %d 0 R\n/PageMode /UseOutlines\n>>" % outline)
    )
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    at_offset: dict[int, int] = {}
    for obj, body in objects:
        at_offset[obj] = len(out)
        out += b"%d 0 obj\n" % obj + body + b"\nendobj\n"
    xref = len(out)
    # object 0 heads the section as in Qt's table: readers check the numbering by it
    out += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (root, at_offset[root])
    out += b"%d %d\n" % (size, len(items) + 1)
    out += b"".join(b"%010d 00000 n \n" % at_offset[obj] for obj in [outline, *items])
    keep = b"".join(
        found[0] + b"\n"
        for key in (rb"/Info\s+\d+ 0 R", rb"/ID\s*\[[^\]]*\]")
        if (found := re.search(key, tail)) is not None
    )
    out += b"trailer\n<<\n/Size %d\n/Root %d 0 R\n%s/Prev %d\n>>\n" % (
        size + len(items) + 1,
        root,
        keep,
        previous,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def xref_offsets(pdf: bytes, at: int) -> dict[int, int]:
    """The offsets of the objects in use, from the classic cross-reference table at
    ``at``."""
    lines = iter(pdf[at:].split(b"\n"))
    if next(lines).strip() != b"xref":
        raise ValueError("no cross-reference table where startxref points")
    offsets: dict[int, int] = {}
    for line in lines:
        head = line.split()
        if head == [b"trailer"] or not head or head[0] == b"trailer":
            break
        first, count = int(head[0]), int(head[1])
        for obj in range(first, first + count):
            entry = next(lines).split()
            if entry[2] == b"n":
                offsets[obj] = int(entry[0])
    return offsets
