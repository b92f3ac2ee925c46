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
import re
from collections.abc import Mapping

Face = tuple[bool, bool]
"""(bold, italic)."""

_TEXT = re.compile(rb"<text\b([^>]*)>(.*?)</text>", re.S)
_WEIGHT = re.compile(rb'font-weight="(\d+)"')
_ITALIC = re.compile(rb'font-style="(?:italic|oblique)"')
_DEFS = b"<defs>\n</defs>"
FAMILY = "Noto Sans"


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
    rules = []
    for face, chars in sorted(characters.items()):
        data = fonts.get(face)
        if data is None or not chars:
            continue
        woff = base64.b64encode(_subset(data, chars)).decode("ascii")
        bold, italic = face
        rules.append(
            f'@font-face{{font-family:"{FAMILY}";font-weight:{700 if bold else 400};'
            f"font-style:{'italic' if italic else 'normal'};"
            f'src:url(data:font/woff;base64,{woff}) format("woff")}}'
        )
    return "\n".join(rules)


def _subset(data: bytes, chars: set[str]) -> bytes:
    """A WOFF font of ``data`` holding the glyphs of ``chars`` (and what shaping them needs)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    # kerning and ligatures, as Qt shaped the labels; hinting means nothing to an SVG
    # viewer's scaled outlines (and keeping it, or every feature, costs three times as long)
    options.layout_features = ["kern", "liga"]
    options.hinting = False
    options.notdef_outline = True
    # the copyright, the names, and the licence and its address: the OFL asks every copy
    # of the font, a subset included, to carry its notice and licence
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    font = TTFont(io.BytesIO(data), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out)
    return out.getvalue()
