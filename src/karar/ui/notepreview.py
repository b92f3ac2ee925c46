"""Rendering notes for the preview without holding the window up.

:class:`NoteRenderer` turns a note into a :class:`~karar.core.notes.RenderedNote` with
:func:`karar.core.notes.render_note`. A short note (:data:`SYNC_CHARS` characters or
fewer) renders at once on the window's thread, if it can within :data:`SYNC_BUDGET`
seconds; anything else renders on the one worker thread all renderers share, within
:data:`WORKER_BUDGET`, and arrives by :attr:`NoteRenderer.rendered`. The latest request
wins: a render still under way for an older one is told to stop. The last few renderings
are remembered, so going back to a node shows its note at once.

The module also holds what shapes the HTML for Qt's rich text: the style sheet
(:func:`preview_style_sheet`) and code blocks as tables (:func:`padded_code_blocks`).

Qt's own layout is the other half of the cost: it wraps a long run of characters with no
break in it (``<`` × 50,000) in time that grows with the square of the run, and does so
again for every key typed into it. :func:`wrap_mode_for` picks wrapping anywhere for a
text with such a run.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase, QPalette, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser

from karar.core.notes import (
    MARKDOWN_LIMIT,
    NOTICE_FAILED,
    TYPED_LIMIT,
    RenderCancelled,
    RenderedNote,
    plain_note_html,
    render_note,
)
from karar.ui.theme import blend

SYNC_CHARS = 4_000
"""The longest note rendered on the window's thread (longer ones go to the worker)."""

SYNC_BUDGET = 0.025
"""Seconds of the window thread's time a render there may take before the worker takes
it over."""

WORKER_BUDGET = 3.0
"""Seconds of its own time the worker may spend on one note; past them the note is shown
as typed, with a notice."""

LONG_RUN = 1_000
"""Characters without a space from which a text is wrapped anywhere (see the module
docstring)."""

_CACHED = 16
_SWITCH_S = 0.0005
_LAUNCH_MS = 40
_POLL_MS = 10
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN}}}")

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

_executor: ThreadPoolExecutor | None = None


def _worker() -> ThreadPoolExecutor:
    """The one worker thread, started for the first long note (not at start-up)."""
    global _executor
    if _executor is None:
        from concurrent.futures import ThreadPoolExecutor

        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="karar-notes")
    return _executor


def wrap_mode_for(text: str) -> QTextOption.WrapMode:
    """How a view of ``text`` should wrap: at word boundaries, or anywhere when ``text``
    has a run of :data:`LONG_RUN` characters with no white space."""
    if _LONG_RUN.search(text):
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


@dataclass
class _Job:
    text: str
    stop: threading.Event
    future: Future[RenderedNote | None] | None = None  # None: not handed to the worker yet


def _render_in_worker(text: str, stop: threading.Event) -> RenderedNote | None:
    # The interpreter lock passes between threads every 5 ms: while the worker renders,
    # every Python call of the window's thread (a paint, a slot) could wait that long.
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, _SWITCH_S))
    try:
        return render_note(text, budget=WORKER_BUDGET, should_stop=stop.is_set)
    except RenderCancelled:
        return None
    except Exception:  # never lose the preview to a renderer's bug: show the note as typed
        return RenderedNote(plain_note_html(text), NOTICE_FAILED, "failed", text[:TYPED_LIMIT])
    finally:
        sys.setswitchinterval(switch)


class NoteRenderer(QObject):
    """Renders notes for one preview (see the module docstring).

    Signals:
        rendered(str, object): A note given to :meth:`render` that went to the worker is
            rendered; the arguments are its text and its :class:`RenderedNote`. Nothing
            comes for a render stopped by :meth:`cancel`.
    """

    rendered = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: OrderedDict[str, RenderedNote] = OrderedDict()
        self._job: _Job | None = None
        self._waiting: str | None = None  # the newest text, for after the running render
        self._poll = QTimer(self)
        self._poll.setInterval(_POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        # The worker starts a moment later: the window first draws what it shows now,
        # without the worker's competition for the interpreter lock.
        self._launch = QTimer(self)
        self._launch.setSingleShot(True)
        self._launch.setInterval(_LAUNCH_MS)
        self._launch.timeout.connect(self._on_launch_timeout)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)

    @property
    def pending(self) -> bool:
        """Whether a render is under way on the worker."""
        return self._job is not None

    def render(self, text: str) -> RenderedNote | None:
        """The rendering of ``text`` if it is at hand or quick to make; else None, and
        :attr:`rendered` brings it when the worker is done.

        A render already running on the worker is not stopped for a newer text (while
        someone types, the preview would never catch up): it is delivered, and the
        newest text waiting is rendered next. :meth:`cancel` stops it (another note).
        """
        cached = self._cache.get(text)
        if cached is not None:
            self.cancel()  # what is under way is older than this
            self._cache.move_to_end(text)
            return cached
        if len(text) <= SYNC_CHARS or len(text) > MARKDOWN_LIMIT:
            result = render_note(text, budget=SYNC_BUDGET)
            if result.reason != "slow":
                self.cancel()
                self._remember(text, result)
                return result
        job = self._job
        if job is not None and job.future is not None and not job.future.done():
            self._waiting = None if text == job.text else text
            return None
        self.cancel()
        self._job = _Job(text, threading.Event())
        self._launch.start()
        return None

    @Slot()
    def cancel(self) -> None:
        """Forget the render under way and any waiting, and tell the worker to stop."""
        job, self._job = self._job, None
        self._waiting = None
        self._poll.stop()
        self._launch.stop()
        if job is not None:
            job.stop.set()

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the renders under way, delivering them;
        True when none is left (for a screenshot, which shows what is rendered)."""
        deadline = time.monotonic() + timeout
        while (job := self._job) is not None:
            if job.future is None:
                self._launch.stop()
                self._on_launch_timeout()
            assert job.future is not None
            try:
                job.future.result(max(deadline - time.monotonic(), 0.0))
            except TimeoutError:
                return False
            self._on_poll_timeout()
        return True

    def _remember(self, text: str, result: RenderedNote) -> None:
        if len(text) > MARKDOWN_LIMIT:
            return  # cheap to make again, and not worth holding on to
        self._cache[text] = result
        while len(self._cache) > _CACHED:
            self._cache.popitem(last=False)

    @Slot()
    def _on_launch_timeout(self) -> None:
        job = self._job
        if job is not None and job.future is None:
            job.future = _worker().submit(_render_in_worker, job.text, job.stop)
            self._poll.start()

    @Slot()
    def _on_poll_timeout(self) -> None:
        job = self._job
        if job is None or job.future is None or not job.future.done():
            return
        self._poll.stop()
        self._job = None
        result = job.future.result()
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._job = _Job(waiting, threading.Event())
            self._on_launch_timeout()  # at once: the window has drawn since the last one
        if result is None:  # stopped: none is wanted
            return
        self._remember(job.text, result)
        self.rendered.emit(job.text, result)


def fit_wrap(view: QPlainTextEdit | QTextBrowser, text: str) -> None:
    """Wrap ``view`` as :func:`wrap_mode_for` says for ``text`` (a change of mode lays
    the whole text out again: only when it changes)."""
    mode = wrap_mode_for(text)
    if view.wordWrapMode() != mode:
        view.setWordWrapMode(mode)


def padded_code_blocks(html: str, background: str) -> str:
    """Code blocks as one-cell tables: Qt's rich text pads and fills table cells but not
    ``<pre>``. (Every ``<pre>`` here is a code block: raw HTML in a note arrives escaped.)"""
    if "<pre>" not in html:
        return html
    table = (
        f'<table class="code" width="100%" cellspacing="0" cellpadding="0" '
        f'bgcolor="{background}"><tr><td bgcolor="{background}"><pre>'
    )
    html = html.replace("\n</code></pre>", "</code></pre>")  # no blank last line
    return html.replace("<pre>", table).replace("</pre>", "</pre></td></tr></table>")


def preview_style_sheet(pal: QPalette) -> tuple[str, str]:
    """The preview's style sheet for the palette ``pal`` (light or dark), and the
    background of its code blocks."""
    base = pal.color(QPalette.ColorRole.Base)
    text = pal.color(QPalette.ColorRole.Text)
    muted = pal.color(QPalette.ColorRole.PlaceholderText)
    code_bg = blend(base, text, 0.07).name()
    rule = blend(base, text, 0.25).name()
    head_bg = blend(base, text, 0.04).name()
    link = pal.color(QPalette.ColorRole.Link).name()
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    sheet = f"""
        p, ul, ol, pre, table, blockquote {{ margin-top: 0px; margin-bottom: 8px; }}
        h1 {{ font-size: x-large; margin-top: 4px; margin-bottom: 6px; }}
        h2 {{ font-size: large; margin-top: 4px; margin-bottom: 6px; }}
        h3, h4, h5, h6 {{ font-size: medium; margin-top: 4px; margin-bottom: 4px; }}
        li {{ margin-bottom: 2px; }}
        ul.tasks {{ list-style-type: none; }}
        code {{ font-family: '{mono}'; background-color: {code_bg}; }}
        pre {{ font-family: '{mono}'; margin: 0px; }}
        table.code {{ border-style: none; margin-bottom: 8px; }}
        table.code td {{ border-style: none; padding: 6px 8px; }}
        table {{ border-collapse: collapse; border-color: {rule}; border-style: solid; }}
        th {{ background-color: {head_bg}; font-weight: bold; border: 1px solid {rule};
              padding: 3px 6px; }}
        td {{ border: 1px solid {rule}; padding: 3px 6px; }}
        blockquote {{ margin-left: 12px; color: {muted.name()}; }}
        a {{ color: {link}; }}
        .image {{ color: {muted.name()}; font-style: italic; }}
        """
    return sheet, code_bg
