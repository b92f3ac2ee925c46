"""SVG font embedding: the characters of each face, and the subset carried in the SVG."""

from __future__ import annotations

import base64
import io
import re
from importlib import resources

from fontTools.ttLib import TTFont

from karar.core.svgfonts import embed_fonts, font_rules, used_characters

SVG = (
    b'<svg><defs>\n</defs><g><text font-weight="400" font-style="normal">Ka&amp;r</text>'
    b'<text font-weight="600" font-style="normal">\xc4\x9e\xc3\xbc</text>'
    b'<text font-weight="400" font-style="italic">i</text></g></svg>'
)


def _font(name: str) -> bytes:
    return (resources.files("karar.resources") / "fonts" / f"NotoSans-{name}.ttf").read_bytes()


def test_characters_by_face() -> None:
    assert used_characters(SVG) == {
        (False, False): {"K", "a", "&", "r"},
        (True, False): {"Ğ", "ü"},
        (False, True): {"i"},
    }


def test_each_face_gets_a_subset_with_its_characters() -> None:
    fonts = {(False, False): _font("Regular"), (True, False): _font("Bold")}
    out = embed_fonts(SVG, fonts)
    faces = re.findall(
        rb"font-weight:(\d+);font-style:(\w+);src:url\(data:font/woff;base64,([^)]+)\)", out
    )
    assert [(w, s) for w, s, _ in faces] == [
        (b"400", b"normal"),
        (b"700", b"normal"),
    ]  # no italic font given
    bold = TTFont(io.BytesIO(base64.b64decode(faces[1][2]))).getBestCmap()
    assert {ord("Ğ"), ord("ü")} <= set(bold) and ord("K") not in bold
    assert len(base64.b64decode(faces[1][2])) < 20_000  # a subset, not the 550 KB font
    assert out.endswith(SVG[SVG.index(b"<g>") :])  # the drawing itself unchanged


def test_a_subset_carries_the_fonts_notice_and_licence() -> None:
    # SIL OFL 1.1: every copy of the font software carries its copyright notice and licence
    out = embed_fonts(SVG, {(False, False): _font("Regular")})
    woff = re.search(rb"base64,([^)]+)\)", out)
    assert woff is not None
    names = TTFont(io.BytesIO(base64.b64decode(woff[1])))["name"]
    assert "Google" in str(names.getDebugName(0))  # copyright
    assert "Open Font License" in str(names.getDebugName(13))  # licence
    assert "OFL" in str(names.getDebugName(14))  # its address


def test_without_defs_or_text_nothing_changes() -> None:
    assert embed_fonts(b"<svg><text>x</text></svg>", {(False, False): _font("Regular")}) == (
        b"<svg><text>x</text></svg>"
    )
    plain = b"<svg><defs>\n</defs><rect/></svg>"
    assert embed_fonts(plain, {(False, False): _font("Regular")}) == plain


def test_rules_for_characters_gathered_while_writing() -> None:
    """A writer that gathered its characters gets the rules embed_fonts would insert."""
    fonts = {(False, False): _font("Regular"), (True, False): _font("Bold")}
    rules = font_rules(used_characters(SVG), fonts)
    faces = re.compile(r"font-weight:(\d+);font-style:(\w+)")
    assert faces.findall(rules) == [("400", "normal"), ("700", "normal")]
    assert len(rules.splitlines()) == 2  # one rule a line
    embedded = embed_fonts(SVG, fonts).decode("utf-8")
    assert faces.findall(embedded) == faces.findall(rules)
    assert font_rules({(False, True): {"i"}}, fonts) == ""  # a face without its font
    assert font_rules({(False, False): set()}, fonts) == ""
