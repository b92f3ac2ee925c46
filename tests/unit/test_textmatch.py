"""Search normalisation: Turkish case folding, accents, offsets back into the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karar.core.textmatch import Matcher, find_spans, fold, fold_with_offsets


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


def test_fold_with_offsets_points_back_into_text() -> None:
    folded, offsets = fold_with_offsets("Aİß")
    assert folded == "aiss"
    assert offsets == [0, 1, 2, 2]


def test_find_spans_on_original_text() -> None:
    text = "7. Depolama / Media / Asset Yönetimi"
    spans = find_spans(text, "yonetim")
    assert spans == [(28, 35)]
    assert text[28:35] == "Yönetim"


def test_find_spans_many_and_none() -> None:
    assert find_spans("a-A-ä", "a") == [(0, 1), (2, 3), (4, 5)]
    assert find_spans("abc", "") == []
    assert find_spans("abc", "x") == []


def test_matcher_words_in_any_order() -> None:
    m = Matcher("  yönetişim  VERİ ")
    assert m.words == ("yonetisim", "veri")
    assert m.matches("25. Veri Yönetişimi & Gizlilik")
    assert not m.matches("25. Veri")
    assert m.filter(["veri yonetisim", "x", "YÖNETİŞİM veri"]) == [0, 2]


def test_empty_matcher_matches_nothing() -> None:
    m = Matcher("   ")
    assert not m
    assert not m.matches("anything")


def test_matcher_spans_are_merged() -> None:
    assert Matcher("ab bc").spans("xabcx") == [(1, 4)]
    assert Matcher("ış").spans("Işık Işık") == [(0, 2), (5, 7)]


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    assert len(folded) == len(offsets)
    assert offsets == sorted(offsets)
    assert all(0 <= i < len(text) for i in offsets)


@given(st.text(min_size=1), st.text(), st.text())
def test_a_text_contains_itself(query: str, before: str, after: str) -> None:
    if fold(query):
        assert find_spans(before + query + after, query)
