"""SVG font embedding: the characters of each face, and the subset carried in the SVG."""

from __future__ import annotations

import base64
import io
import os
import re
import sys
import time
from importlib import resources

import pytest
from fontTools.ttLib import TTFont

from karar.core import svgfonts
from karar.core.svgfonts import FontWorker, embed_fonts, font_rules, used_characters

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


def _fonts() -> dict[tuple[bool, bool], bytes]:
    folder = resources.files("karar.resources") / "fonts"
    return {
        (False, False): (folder / "NotoSans-Regular.ttf").read_bytes(),
        (True, False): (folder / "NotoSans-Bold.ttf").read_bytes(),
    }


WANTED = {(False, False): set("Veritabanı: PostgreSQL"), (True, False): set("Yığın")}


def test_the_same_characters_give_the_same_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte for byte, whenever made: a subset keeps the font's own modification date."""
    from fontTools.ttLib.tables import _h_e_a_d

    clock = iter(range(3_000_000_000, 3_000_000_100))
    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: next(clock))
    assert font_rules(WANTED, _fonts()) == font_rules(WANTED, _fonts())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker forks on Linux")
def test_the_font_worker_answers_what_font_rules_does_from_a_child() -> None:
    worker = FontWorker(_fonts())
    assert worker._pid  # the child reads the fonts meanwhile
    assert worker.rules(WANTED) == font_rules(WANTED, _fonts())
    assert not worker._pid  # and is gone


def test_a_child_that_dies_or_hangs_is_done_without(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = font_rules(WANTED, _fonts())

    def dies(*_args: object) -> None:
        raise RuntimeError("the child fails")

    monkeypatch.setattr(svgfonts, "_serve", dies)
    assert FontWorker(_fonts()).rules(WANTED) == expected

    def hangs(*_args: object) -> None:
        time.sleep(60)

    monkeypatch.setattr(svgfonts, "_serve", hangs)
    worker = FontWorker(_fonts())
    pid = worker._pid
    started = time.monotonic()
    assert worker.rules(WANTED, timeout=0.5) == expected
    assert time.monotonic() - started < 30
    if pid:  # killed and reaped: no process left behind
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_without_fork_the_worker_does_the_work_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(svgfonts.sys, "platform", "win32")
    worker = FontWorker(_fonts())
    assert not worker._pid
    assert worker.rules(WANTED) == font_rules(WANTED, _fonts())


def test_the_expected_characters_join_those_drawn_whoever_subsets() -> None:
    expected = {(False, False): set("Veritabanı: PostgreSQL 123"), (True, False): set("Yığın")}
    merged = {face: expected[face] | chars for face, chars in WANTED.items()}
    want = font_rules(merged, _fonts())
    assert FontWorker(_fonts(), expected).rules(WANTED) == want  # the child's subsets
    drawn_more = {(False, False): set("Veritabanı: MySQL")}  # not all expected: anew
    merged = {(False, False): expected[False, False] | drawn_more[False, False]}
    assert FontWorker(_fonts(), expected).rules(drawn_more) == font_rules(merged, _fonts())
    # a face expected but not drawn is not embedded
    assert "font-weight:700" not in FontWorker(_fonts(), expected).rules(drawn_more)
