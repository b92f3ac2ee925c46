"""The snapshot's and the decision report's own words in Turkish (``lang="tr"``): the
labels and notes stay the map's, dates are written the Turkish way, English stays the
default, and an unknown language is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from karar.core.decision_report import break_rows, decision_report_html, report_bookmarks
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.project import NodeState
from karar.core.report import decided_item, format_day, markdown_snapshot
from karar.core.status import Decision

DAY = dt.date(2026, 12, 5)
MAP = (
    "mindmap\n  Stack\n    Veri\n      PostgreSQL\n      MySQL\n      SQLite\n    Auth\n      JWT\n"
)


def _map() -> MindMap:
    return parse_mermaid(MAP).map


def _node(mind_map: MindMap, *labels: str) -> Node:
    node = mind_map.find([mind_map.root.label, *labels])  # type: ignore[union-attr]
    assert node is not None, labels
    return node


def _entries(mind_map: MindMap) -> dict[Node, NodeState]:
    return {
        _node(mind_map, "Veri", "PostgreSQL"): NodeState(
            checked=True, by="Ayşe", date=dt.date(2026, 11, 3), note="JSON araması."
        ),
        _node(mind_map, "Veri", "MySQL"): NodeState(status=Decision.REJECTED, by="Can"),
        _node(mind_map, "Veri", "SQLite"): NodeState(status=Decision.CONSIDERING),
    }


def test_days_the_turkish_way() -> None:
    assert format_day(dt.date(2026, 3, 9), "tr") == "9.03.2026"
    assert format_day(dt.date(2026, 3, 9)) == "2026-03-09"


def test_the_snapshot_in_turkish() -> None:
    mind_map = _map()
    text = markdown_snapshot(mind_map, entries=_entries(mind_map), today=DAY, lang="tr")
    lines = text.splitlines()
    assert lines[2] == (
        "_Karar özeti, 5.12.2026: kökün altındaki 6 seçenekten 1 tanesi seçildi, 1 tanesi "
        "reddedildi, 1 tanesi değerlendiriliyor._"
    )
    assert "        - [x] PostgreSQL — seçildi (Ayşe, 3.11.2026)" in lines
    assert "        - [ ] ~~MySQL~~ — reddedildi (Can)" in lines
    assert "        - [ ] SQLite — değerlendiriliyor" in lines
    assert "            JSON araması." in lines  # the note is the map's own
    empty = markdown_snapshot(mind_map, decisions_only=True, today=DAY, lang="tr")
    assert "_Henüz hiçbir karar verilmedi._" in empty


def test_english_stays_the_default() -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    text = markdown_snapshot(mind_map, entries=entries, today=DAY)
    assert text == markdown_snapshot(mind_map, entries=entries, today=DAY, lang="en")
    assert (
        "_Decision snapshot, 2026-12-05: 1 of the 6 options below the root chosen, 1 rejected, "
        "1 under consideration._"
    ) in text
    assert "- [x] PostgreSQL — chosen by Ayşe, 2026-11-03" in text
    state = NodeState(checked=True)
    assert decided_item("A", state) == decided_item("A", state, "en") == "[x] A"


def test_the_report_in_turkish() -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    document = decision_report_html(
        mind_map, entries, project_name="ekip.karar.yaml", today=DAY, lang="tr"
    )
    assert '<html lang="tr">' in document
    assert "<title>Stack — kararlar</title>" in document
    assert "<p>Karar raporu</p>" in document
    for word in ("Proje", "Katılımcılar", "Tarih", "Karar verilmedi", "Sorular"):
        assert f"<td><b>{word}</b></td>" in document
    assert "<td>5.12.2026</td>" in document
    assert '<th width="21%">Soru</th>' in document and ">Ne zaman</th>" in document
    assert "— seçildi (Ayşe), 3.11.2026</h4>" in document
    assert report_bookmarks(mind_map, entries, "tr")[0] == ("summary", "Özet")
    # a table cut for the PDF's pages opens again with its Turkish head
    split = break_rows(document, [0])
    assert split.count('style="page-break-before: always"><thead><tr><th width="21%">Soru') == 1
    english = decision_report_html(mind_map, entries, project_name="ekip.karar.yaml", today=DAY)
    assert "<p>Decision report</p>" in english and "Soru" not in english


def test_an_unknown_language_is_refused() -> None:
    mind_map = _map()
    with pytest.raises(ValueError, match="unknown language 'de'"):
        markdown_snapshot(mind_map, lang="de")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        decision_report_html(mind_map, _entries(mind_map), lang="de")
