"""The fonts an SVG picture needs, inside it: a subset of the shipped Noto Sans per face.

An SVG names its fonts; a viewer without Noto Sans (a browser on a machine that lacks it)
would draw the labels in a wider font, and they would overflow their boxes. So the picture
carries, in an ``@font-face`` rule per face, a WOFF subset of the shipped font holding only the
characters its labels use (a few tens of kilobytes), and its labels stay real ``<text>``:
selectable, searchable, the same everywhere. Subsetting is fontTools' (the library font
tools are built on); pure Python, no Qt.
"""

from __future__ import annotations

import base64
import html
import io
import os
import pickle
import re
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from karar.core.forked import as_child, end_child, fork, read_all

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

Face = tuple[bool, bool]
"""(bold, italic)."""

_TEXT = re.compile(rb"<text\b([^>]*)>(.*?)</text>", re.S)
_WEIGHT = re.compile(rb'font-weight="(\d+)"')
_ITALIC = re.compile(rb'font-style="(?:italic|oblique)"')
_DEFS = b"<defs>\n</defs>"
FAMILY = "Noto Sans"
_OK = b"rules\n"  # a FontWorker's answer begins so: a child that died mid-way is told apart


def used_characters(svg: bytes) -> dict[Face, set[str]]:
    """The characters of the SVG's ``<text>`` elements, by the face they are drawn in
    (a weight of 600 or more is the bold face)."""
    out: dict[Face, set[str]] = {}
    for match in _TEXT.finditer(svg):
        attrs, content = match.groups()
        weight = _WEIGHT.search(attrs)
        bold = weight is not None and int(weight.group(1)) >= 600
        italic = _ITALIC.search(attrs) is not None
        text = html.unescape(content.decode("utf-8"))
        out.setdefault((bold, italic), set()).update(text)
    return out


def embed_fonts(svg: bytes, fonts: Mapping[Face, bytes]) -> bytes:
    """``svg`` with an ``@font-face`` rule for each face its labels use, holding the subset
    of that face's font (TrueType bytes in ``fonts``) with their characters. An SVG
    without text, or without the ``<defs>`` QSvgGenerator writes, is returned as it was."""
    if _DEFS not in svg:
        return svg
    rules = font_rules(used_characters(svg), fonts)
    if not rules:
        return svg
    style = "<defs>\n<style>" + rules + "</style>\n</defs>"
    return svg.replace(_DEFS, style.encode("ascii"), 1)


def font_rules(characters: Mapping[Face, set[str]], fonts: Mapping[Face, bytes]) -> str:
    """The ``@font-face`` rules (one a line, "" for none) embedding, for each face of
    ``characters`` that ``fonts`` has, the subset of its font with those characters: for
    an SVG writer that gathered its labels' characters as it wrote them."""
    return _rules(characters, {face: _Font(data) for face, data in fonts.items()})


class FontWorker:
    """:func:`font_rules` made on the other core while the picture is drawn: a child
    process imports fontTools (0.1 s alone), reads the fonts and subsets them with the
    ``expected`` characters (say, those of the labels) as soon as the worker is made.

    :meth:`rules` gives the subset of each face with the characters drawn in it and the
    face's expected ones: the child's, when those were all, at once; anything else, anew.
    The fonts depend on the characters alone, made by the child or not.

    Only on Linux (forking elsewhere is unsafe or impossible); anywhere else, and whenever
    the child cannot be made or does not answer, :meth:`rules` does the work itself.
    """

    def __init__(
        self, fonts: Mapping[Face, bytes], expected: Mapping[Face, set[str]] | None = None
    ) -> None:
        self._fonts = dict(fonts)
        self._expected = {face: set(chars) for face, chars in (expected or {}).items()}
        self._pid = 0
        self._request = self._reply = -1
        if sys.platform.startswith("linux"):
            self._fork()

    def _fork(self) -> None:
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        try:
            # the child runs only fontTools, and a child that hangs is given up on (rules)
            pid = fork()
        except OSError:
            for fd in (request_r, request_w, reply_r, reply_w):
                os.close(fd)
            return
        if pid == 0:

            def serve() -> None:
                os.close(request_w)
                os.close(reply_r)
                _serve(self._fonts, self._expected, request_r, reply_w)

            as_child(serve)
        os.close(request_r)
        os.close(reply_w)
        self._pid, self._request, self._reply = pid, request_w, reply_r

    def rules(self, characters: Mapping[Face, set[str]], timeout: float = 30.0) -> str:
        """The rules of :func:`font_rules` for ``characters`` (those drawn, by face), each
        face's expected characters added."""
        wanted = {
            face: self._expected.get(face, set()) | chars
            for face, chars in characters.items()
            if chars
        }
        answer = self._ask(wanted, timeout) if self._pid else None
        return font_rules(wanted, self._fonts) if answer is None else answer

    def _ask(self, characters: dict[Face, set[str]], timeout: float) -> str | None:
        try:
            with os.fdopen(self._request, "wb") as request:
                self._request = -1
                pickle.dump(characters, request)
            answer = read_all(self._reply, timeout)  # None: given up on (close kills it)
            if answer is None or not answer.startswith(_OK):
                return None
            return answer[len(_OK) :].decode("ascii")
        except (OSError, pickle.PickleError):
            return None
        finally:
            self.close()

    def close(self) -> None:
        """End the child (the rules not asked for, or given up on)."""
        for fd in (self._request, self._reply):
            if fd >= 0:
                os.close(fd)
        self._request = self._reply = -1
        if self._pid:
            pid, self._pid = self._pid, 0
            end_child(pid)

    def __del__(self) -> None:
        self.close()


def _serve(
    fonts: Mapping[Face, bytes], expected: Mapping[Face, set[str]], request_fd: int, reply_fd: int
) -> None:
    """The child of a :class:`FontWorker`: subset the fonts with the expected characters,
    then answer one request."""
    prepared = {face: _Font(data) for face, data in fonts.items()}
    for face in ((False, False), (True, False)):  # the faces of nearly every label
        if face in prepared:
            prepared[face].load()
    for face, chars in expected.items():
        if face in prepared and chars:
            prepared[face].subset(chars)
    with os.fdopen(request_fd, "rb") as request:
        characters = pickle.load(request)
    rules = _rules(characters, prepared)
    with os.fdopen(reply_fd, "wb") as reply:
        reply.write(_OK + rules.encode("ascii"))


def _rules(characters: Mapping[Face, set[str]], fonts: Mapping[Face, _Font]) -> str:
    rules = []
    for face, chars in sorted(characters.items()):
        font = fonts.get(face)
        if font is None or not chars:
            continue
        woff = base64.b64encode(font.subset(chars)).decode("ascii")
        bold, italic = face
        rules.append(
            f'@font-face{{font-family:"{FAMILY}";font-weight:{700 if bold else 400};'
            f"font-style:{'italic' if italic else 'normal'};"
            f'src:url(data:font/woff;base64,{woff}) format("woff")}}'
        )
    return "\n".join(rules)


class _Font:
    """One shipped face, read by fontTools on first use; its last subset kept."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._font: TTFont | None = None
        self._made: tuple[frozenset[str], bytes] | None = None

    def load(self) -> TTFont:
        """The font, its tables the subsetter reads decompiled."""
        if self._font is None:
            from fontTools.ttLib import TTFont

            # the shipped modification date kept: the same picture gives the same file
            font = self._font = TTFont(io.BytesIO(self._data), lazy=True, recalcTimestamp=False)
            for tag in ("cmap", "GSUB", "GPOS", "GDEF", "hmtx", "name", "OS/2", "post"):
                if tag in font:
                    font[tag]  # decompiled now, not when subsetting
        return self._font

    def subset(self, chars: set[str]) -> bytes:
        """A WOFF font holding the glyphs of ``chars`` (and what shaping them needs)."""
        key = frozenset(chars)
        if self._made is not None and self._made[0] == key:
            return self._made[1]
        from fontTools import subset

        options = subset.Options()
        options.flavor = "woff"
        # kerning and ligatures, as Qt shaped the labels; hinting means nothing to an SVG
        # viewer's scaled outlines (and keeping it, or every feature, costs three times as
        # long)
        options.layout_features = ["kern", "liga"]
        options.hinting = False
        options.notdef_outline = True
        # the copyright, the names, and the licence and its address: the OFL asks every
        # copy of the font, a subset included, to carry its notice and licence
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
        font = self.load()
        self._font = None  # the subsetter changes it: another subset reads it afresh
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(chars)))
        subsetter.subset(font)
        out = io.BytesIO()
        font.flavor = "woff"
        font.save(out)
        self._made = (key, out.getvalue())
        return self._made[1]
