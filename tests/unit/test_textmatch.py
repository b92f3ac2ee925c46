"""Search normalisation: Turkish case folding, accents, offsets back into the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karar.core.textmatch import Matcher, fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yönetim", "yonetim"),
        ("İSTANBUL", "istanbul"),
        ("ılık", "ilik"),
        ("ILIK", "ilik"),
        ("Işık", "isik"),
        ("Çağrı Şahin", "cagri sahin"),
        ("Ödemeler & Faturalama", "odemeler & faturalama"),
        ("Crème brûlée", "creme brulee"),
        ("Straße", "strasse"),
        ("Øresund Łódź", "oresund lodz"),
        ("ﬁle", "file"),  # compatibility ligature
        ("PostgreSQL", "postgresql"),
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_turkish_i_forms_all_meet() -> None:
    assert {fold(c) for c in "İIiı"} == {"i"}


def test_matcher_words_in_any_order() -> None:
    m = Matcher("  yönetişim  VERİ ")
    assert m.words == ("yonetisim", "veri")
    assert m.matches("25. Veri Yönetişimi & Gizlilik")
    assert not m.matches("25. Veri")
    assert [t for t in ["veri yonetisim", "x", "YÖNETİŞİM veri"] if m.matches(t)] == [
        "veri yonetisim",
        "YÖNETİŞİM veri",
    ]


def test_empty_matcher_matches_nothing() -> None:
    m = Matcher("   ")
    assert not m
    assert not m.matches("anything")


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
