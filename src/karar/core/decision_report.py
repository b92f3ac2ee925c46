"""The decision document: a project's decisions as one printable, self-contained HTML page.

The document is what gets handed to whoever was not in the room: a title page (the map,
the project file, the participants, the date, how many nodes are in each state), then one
section per first-level branch that holds decisions. A section lists the branch's
*questions* (nodes with a decided child, :func:`karar.core.adr.questions`) as a table —
question · chosen · rejected · considering · who · when — followed by the notes: the
question's own (its context) and each decided option's (the rationale), rendered as
Markdown by :func:`karar.core.notes.render_note` (raw HTML shown as text, no image
fetched, links only to http, https and mailto).

The HTML has its style inline and loads nothing (no font, script, stylesheet or image
from elsewhere; a branch's picture, when given, is an inline ``<svg>`` or a ``data:``
URI), so the one file can be mailed, opened offline or printed. It keeps to the HTML and
CSS that Qt's rich text understands too (tables with ``border``/``cellpadding``
attributes, ``page-break-before``), so :mod:`karar.ui.reportpdf` prints this same string
to PDF. Labels are plain text (:func:`karar.core.labels.plain_text`), escaped.

The document's own words are English; ``lang="tr"`` writes them in Turkish (``karar
export --report --lang tr``), dates then as ``1.12.2026``. Labels and notes are the map's.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from karar.core.adr import questions
from karar.core.labels import plain_text
from karar.core.model import MindMap, Node
from karar.core.notes import render_note
from karar.core.project import NodeState, Project
from karar.core.report import LANGUAGES, format_day
from karar.core.status import Decision

__all__ = [
    "FONT_STACK",
    "ReportSection",
    "break_rows",
    "decision_report_html",
    "project_participants",
    "report_bookmarks",
    "report_sections",
    "section_anchor",
]

FONT_STACK = '"Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif'
"""The document's fonts, Noto Sans (shipped with Karar) first."""

_STYLE = f"""
body {{ font-family: {FONT_STACK}; font-size: 10.5pt; color: #1d1d1f; background: #ffffff;
  margin: 0; padding: 2em; line-height: 1.4; }}
h1 {{ font-size: 22pt; margin: 0 0 0.4em 0; }}
h2 {{ font-size: 15pt; margin: 1.2em 0 0.5em 0; border-bottom: 1px solid #999999; }}
h3 {{ font-size: 12pt; margin: 1em 0 0.3em 0; }}
h4 {{ font-size: 10.5pt; margin: 0.8em 0 0.2em 0; }}
table {{ border-collapse: collapse; margin: 0.4em 0 1em 0; }}
th, td {{ border: 1px solid #999999; padding: 4px 6px; text-align: left; vertical-align: top; }}
th {{ background: #eeeeee; }}
.meta td {{ border: none; padding: 2px 12px 2px 0; }}
.chosen {{ color: #1b6e2a; }}
.rejected {{ color: #a4262c; }}
.considering {{ color: #8a5a00; }}
.notice {{ font-style: italic; color: #555555; }}
.note {{ margin-left: 1em; }}
.picture {{ max-width: 100%; }}
.caption {{ font-size: 9pt; color: #555555; margin: 0.2em 0 1em 0; }}
td, th {{ font-size: 9pt; line-height: 125%; }}
.when {{ white-space: nowrap; }}
.section {{ page-break-before: always; }}
@media print {{ body {{ padding: 0; }} a {{ color: #1d1d1f; }} }}
"""


_TITLE_ANCHOR = "summary"

_COLUMNS = (
    ("Question", 21),
    ("Chosen", 19),
    ("Rejected", 19),
    ("Considering", 17),
    ("Who", 12),
    ("When", 12),
)

_TURKISH = {
    "Question": "Soru",
    "Chosen": "Seçilen",
    "Rejected": "Reddedilen",
    "Considering": "Değerlendirilen",
    "Who": "Kim",
    "When": "Ne zaman",
    "Project": "Proje",
    "Participants": "Katılımcılar",
    "Date": "Tarih",
    "Undecided": "Karar verilmedi",
    "Questions": "Sorular",
    "Decision report": "Karar raporu",
    "decisions": "kararlar",
    "Summary": "Özet",
    "Mind map": "Zihin haritası",
    "No decisions have been taken yet.": "Henüz hiçbir karar verilmedi.",
    "{label} on the map. Ticked: chosen; crossed out: rejected; marked ?: under consideration.": (
        "{label} haritada. İşaretli: seçildi; üstü çizili: reddedildi; ? ile işaretli: "
        "değerlendiriliyor."
    ),
    "chosen": "seçildi",
    "rejected": "reddedildi",
    "considering": "değerlendiriliyor",
    "by {who}": "({who})",  # "seçildi (Ayşe)": Turkish says who in passing, not "by"
}
"""The document's words in Turkish, by their English."""


def _t(text: str, lang: str) -> str:
    """``text`` (one of the document's English words) in ``lang``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    return _TURKISH.get(text, text) if lang == "tr" else text


@dataclass(frozen=True)
class ReportSection:
    """One first-level branch of the document.

    Attributes:
        branch: The first-level node (the root itself for questions the root asks).
        questions: The branch's questions in map order.
    """

    branch: Node
    questions: tuple[Node, ...]


def report_sections(mind_map: MindMap, entries: Mapping[Node, NodeState]) -> list[ReportSection]:
    """The document's sections in map order: each first-level branch holding questions
    (and, first, the root when its own children are decided)."""
    root = mind_map.root
    if root is None:
        return []
    by_branch: dict[Node, list[Node]] = {}
    for question in questions(mind_map, entries):
        if question is root:
            branch = root
        else:
            *_, branch = (question, *question.ancestors())[:-1]
        by_branch.setdefault(branch, []).append(question)
    order = [root, *root.children]
    return [ReportSection(b, tuple(by_branch[b])) for b in order if b in by_branch]


def project_participants(project: Project) -> list[str]:
    """The people a project names: a tally's participants, else its participant."""
    if project.participants:
        return list(project.participants)
    return [project.participant] if project.participant else []


def _label(node: Node) -> str:
    return html.escape(plain_text(node.label, node.markdown))


def _decision(entries: Mapping[Node, NodeState], node: Node) -> Decision | None:
    state = entries.get(node)
    return None if state is None else state.decision


def _options(nodes: Iterable[Node], css: str) -> str:
    return "<br>".join(f'<span class="{css}">{_label(n)}</span>' for n in nodes)


def _counts(mind_map: MindMap, entries: Mapping[Node, NodeState]) -> dict[Decision | None, int]:
    counts: dict[Decision | None, int] = dict.fromkeys(Decision, 0)
    counts[None] = 0
    root = mind_map.root
    for node in () if root is None else root.walk():
        if node is not root:
            counts[_decision(entries, node)] += 1
    return counts


def _participants(named: Sequence[str], entries: Mapping[Node, NodeState]) -> list[str]:
    """Everyone named by the project, then whoever decided something and is not named."""
    people = list(dict.fromkeys(p for p in named if p))
    for state in entries.values():
        if state.decision is not None and state.by and state.by not in people:
            people.append(state.by)
    return people


def _note_html(text: str) -> str:
    rendered = render_note(text)
    out = rendered.html
    if rendered.notice:
        out += f'<p class="notice">{html.escape(rendered.notice)}</p>'
    return f'<div class="note">{out}</div>'


def _question_row(question: Node, entries: Mapping[Node, NodeState], lang: str = "en") -> str:
    by_state: dict[Decision, list[Node]] = {d: [] for d in Decision}
    who: list[str] = []
    dates: list[_dt.date] = []
    for child in question.children:
        state = entries.get(child)
        if state is None or state.decision is None:
            continue
        by_state[state.decision].append(child)
        if state.by and state.by not in who:
            who.append(state.by)
        if state.date is not None:
            dates.append(state.date)
    when = format_day(max(dates), lang) if dates else ""
    cells = [
        _label(question),
        _options(by_state[Decision.CHOSEN], "chosen"),
        _options(by_state[Decision.REJECTED], "rejected"),
        _options(by_state[Decision.CONSIDERING], "considering"),
        html.escape(", ".join(who)),
        when,
    ]
    *first, last = cells
    return "<tr>" + "".join(f"<td>{c}</td>" for c in first) + f'<td class="when">{last}</td></tr>'


def _state_words(state: NodeState, lang: str = "en") -> str:
    assert state.decision is not None
    words = _t(state.decision.value, lang)
    if state.by:
        words += " " + _t("by {who}", lang).format(who=state.by)
    if state.date is not None:
        words += f", {format_day(state.date, lang)}"
    return html.escape(words)


def report_bookmarks(
    mind_map: MindMap, entries: Mapping[Node, NodeState], lang: str = "en"
) -> list[tuple[str, str]]:
    """The document's bookmarks, (anchor name, title): the title page, then each section's
    branch (its label as plain text)."""
    sections = report_sections(mind_map, entries)
    marks = [(_TITLE_ANCHOR, _t("Summary", lang))]
    for number, section in enumerate(sections, 1):
        branch = section.branch
        marks.append((section_anchor(number), plain_text(branch.label, branch.markdown)))
    return marks


def section_anchor(number: int) -> str:
    """The name of the anchor that opens the ``number``-th section (from 1) of the
    document: where a PDF bookmark of the branch points."""
    return f"branch-{number}"


def _picture_html(branch: Node, picture: bytes | str, lang: str = "en") -> list[str]:
    """The branch's picture and its caption (what the marks on it mean)."""
    if isinstance(picture, bytes):
        data = base64.b64encode(picture).decode("ascii")
        shown = f'<p><img class="picture" alt="" src="data:image/png;base64,{data}"></p>'
    else:
        shown = f'<div class="picture">{picture}</div>'
    said = _t(
        "{label} on the map. Ticked: chosen; crossed out: rejected; marked ?: under consideration.",
        lang,
    )
    caption = f'<p class="caption">{said.format(label=_label(branch))}</p>'
    return [shown, caption]


_ROW_MARK = "<!--row {}-->"


def _table_start(style: str = "", lang: str = "en", head: str | None = None) -> str:
    """The opening of a question table, its head (``head``, else ``lang``'s) included."""
    style = f' style="{style}"' if style else ""
    if head is None:
        # Column widths as attributes: Qt's rich text (the PDF) shares a table out evenly else.
        cells = "".join(f'<th width="{w}%">{_t(name, lang)}</th>' for name, w in _COLUMNS)
        head = f"<thead><tr>{cells}</tr></thead>"  # Qt repeats the head on every page
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%"{style}>{head}'


_HEAD = re.compile(r"<thead>.*?</thead>")


def break_rows(document: str, rows: Iterable[int]) -> str:
    """``document`` (as :func:`decision_report_html` makes it) with a new page before each
    of the question ``rows`` (counted from 0 through the document's tables): the table is
    closed there and opened again, head and all, on the next page. Qt's rich text cuts a
    row that meets a page's foot between its lines; the PDF printer finds those rows and
    moves them whole.
    """
    found = _HEAD.search(document)  # the head in the document's language
    head = found.group(0) if found is not None else None
    start, moved = _table_start(head=head), _table_start("page-break-before: always", head=head)
    for row in rows:
        mark = _ROW_MARK.format(row)
        if start + mark in document:  # the table's first row: the whole table moves
            document = document.replace(start + mark, moved + mark, 1)
        else:
            document = document.replace(mark, f"</table>{moved}{mark}", 1)
    return document


def _section_html(
    number: int,
    section: ReportSection,
    entries: Mapping[Node, NodeState],
    picture: bytes | str | None,
    first_row: int = 0,
    lang: str = "en",
) -> list[str]:
    out = [
        f'<h2 class="section"><a name="{section_anchor(number)}"></a>{_label(section.branch)}</h2>'
    ]
    if picture:
        out.extend(_picture_html(section.branch, picture, lang))
    rows = (
        f"{_ROW_MARK.format(row)}{_question_row(question, entries, lang)}"
        for row, question in enumerate(section.questions, first_row)
    )
    out.append(_table_start(lang=lang) + "\n".join(rows) + "</table>")
    for question in section.questions:
        decided = [
            (child, entries[child])
            for child in question.children
            if _decision(entries, child) is not None
        ]
        context = entries.get(question)
        notes = [(c, s) for c, s in decided if s.note.strip()]
        if not notes and (context is None or not context.note.strip()):
            continue
        out.append(f"<h3>{_label(question)}</h3>")
        if context is not None and context.note.strip():
            out.append(_note_html(context.note))
        for child, state in notes:
            css = state.decision.value if state.decision else ""
            out.append(
                f'<h4><span class="{css}">{_label(child)}</span> — {_state_words(state, lang)}</h4>'
            )
            out.append(_note_html(state.note))
    return out


def decision_report_html(
    mind_map: MindMap,
    entries: Mapping[Node, NodeState],
    *,
    project_name: str = "",
    participants: Sequence[str] = (),
    today: _dt.date | None = None,
    pictures: Mapping[Node, bytes | str] | None = None,
    lang: str = "en",
) -> str:
    """The decision document as one self-contained HTML page.

    Args:
        mind_map: The map.
        entries: What the project records per node (decision, who, when, note).
        project_name: The project file's name, shown on the title page.
        participants: The people the project names (its participant or, for a tally,
            its participants); anyone else who decided something is added after them.
        today: The date on the title page (default: today).
        pictures: A picture per section branch, shown under the branch's heading: a PNG
            (bytes, inlined as a ``data:`` URI) or markup (str, trusted: made by the
            caller, e.g. an inline ``<svg>``, inserted as it is).
        lang: The language of the document's own words, one of
            :data:`karar.core.report.LANGUAGES`.

    Returns:
        The HTML document (UTF-8 text, style inline, nothing loaded from elsewhere).
    """
    date = format_day(today or _dt.date.today(), lang)
    root = mind_map.root
    if mind_map.title or root is None:
        title = html.escape(mind_map.title or _t("Mind map", lang))
    else:
        title = _label(root)
    counts = _counts(mind_map, entries)
    people = _participants(participants, entries)
    sections = report_sections(mind_map, entries)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{title} — {_t('decisions', lang)}</title>",
        f"<style>{_STYLE}</style>",
        "</head><body>",
        f'<h1><a name="{_TITLE_ANCHOR}"></a>{title}</h1>',
        f"<p>{_t('Decision report', lang)}</p>",
        '<table class="meta" border="0" cellpadding="2">',
    ]
    meta = [
        ("Project", html.escape(project_name) or "—"),
        ("Participants", html.escape(", ".join(people)) or "—"),
        ("Date", date),
        ("Chosen", str(counts[Decision.CHOSEN])),
        ("Rejected", str(counts[Decision.REJECTED])),
        ("Considering", str(counts[Decision.CONSIDERING])),
        ("Undecided", str(counts[None])),
        ("Questions", str(sum(len(s.questions) for s in sections))),
    ]
    out.extend(f"<tr><td><b>{_t(k, lang)}</b></td><td>{v}</td></tr>" for k, v in meta)
    out.append("</table>")
    if not sections:
        out.append(f"<p>{_t('No decisions have been taken yet.', lang)}</p>")
    pictures = pictures or {}
    row = 0
    for number, section in enumerate(sections, 1):
        picture = pictures.get(section.branch)
        out.extend(_section_html(number, section, entries, picture, row, lang))
        row += len(section.questions)
    out.append("</body></html>")
    return "\n".join(out) + "\n"
