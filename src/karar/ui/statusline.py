"""The status bar's live parts: the view filter in effect, how many nodes the map has,
shows, folds and decides (chosen, rejected, open), the zoom, and where the selected node
sits (its breadcrumb and line in the map file).

The status bar draws its message as plain text, on one line: a label's line breaks
become spaces."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.pathnames import single_line
from karar.core.status import Decision
from karar.ui import i18n
from karar.ui.document import MapDocument
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.scene import MapScene
from karar.ui.view import MapView

EMPTY_TEXT = QT_TRANSLATE_NOOP("StatusLine", "No map — open one with Ctrl+O or drop a file here")
FILTER_TITLES = {
    "decisions": QT_TRANSLATE_NOOP("StatusLine", "Decisions only"),
    "open": QT_TRANSLATE_NOOP("StatusLine", "Open questions only"),
    "hide-rejected": QT_TRANSLATE_NOOP("StatusLine", "Rejected hidden"),
    "agreed": QT_TRANSLATE_NOOP("StatusLine", "Agreed by all"),
    "split": QT_TRANSLATE_NOOP("StatusLine", "Split votes"),
    "no-votes": QT_TRANSLATE_NOOP("StatusLine", "Nobody voted"),
}
"""How the status bar names a view filter that leaves something out (English source texts:
:func:`_tr` gives them in the window's language)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusLine", text)


def _number(n: int) -> str:
    return i18n.locale().toString(n)


def breadcrumb(node: Node, depth: int = 4, limit: int = 200) -> str:
    """The last ``depth`` labels from the root down to ``node``, as a reader sees them."""
    chain = [node, *node.ancestors()][:depth]
    return " › ".join(single_line(plain_text(n.label, n.markdown)) for n in reversed(chain))[:limit]


class StatusLine(QObject):
    """Keeps the counts, the zoom and the selection's breadcrumb of a status bar current."""

    def __init__(
        self, bar: QStatusBar, document: MapDocument, scene: MapScene, view: MapView
    ) -> None:
        super().__init__(bar)
        self.bar = bar
        self.document = document
        self.scene = scene
        self.counts = QLabel(bar)
        self.zoom_label = QLabel(bar)
        self.zoom_label.setMinimumWidth(44)
        bar.addPermanentWidget(self.counts)
        bar.addPermanentWidget(self.zoom_label)
        document.map_replaced.connect(self.update_counts)
        document.folds_changed.connect(self._on_document_folds_changed)
        document.decisions_changed.connect(self._on_document_decisions_changed)
        scene.relaid_out.connect(self._on_scene_relaid_out)
        scene.filter_changed.connect(self._on_scene_filter_changed)
        scene.selection_changed.connect(self._on_scene_selection_changed)
        view.zoom_changed.connect(self._on_view_zoom_changed)
        self._zoom = view.zoom
        self._said = ""  # the selection's breadcrumb as last shown
        self._on_view_zoom_changed(view.zoom)
        self.update_counts()

    def retranslate(self) -> None:
        """Word the counts, the zoom and the selection's line afresh in the window's
        language (the window calls it when the language changes)."""
        self.update_counts()
        self._on_view_zoom_changed(self._zoom)
        if self._said and self.bar.currentMessage() == self._said:
            self._on_scene_selection_changed(self.scene.selected)

    @Slot()
    def update_counts(self) -> None:
        """Show the map's counts as they are now."""
        doc = self.document
        layout = self.scene.layout
        if doc.root is None or layout is None:
            self.counts.setText(_tr(EMPTY_TEXT))
            return
        state = doc.map_state
        decided = QCoreApplication.translate("StatusLine", "{n} chosen").format(
            n=_number(state.count(Decision.CHOSEN))
        )
        for what, label in (
            (Decision.REJECTED, QCoreApplication.translate("StatusLine", "{n} rejected")),
            (Decision.CONSIDERING, QCoreApplication.translate("StatusLine", "{n} open")),
        ):
            if n := state.count(what):
                decided += " · " + label.format(n=_number(n))
        view_filter = self.scene.filter
        shown = len(layout.boxes)
        name = FILTER_TITLES.get(view_filter.name)
        title = _tr(name) if name is not None else None
        if title is not None and not view_filter.folds_apply:
            of = QCoreApplication.translate(
                "StatusLine", "{title}: {shown} of {count} nodes · {decided}"
            )
            self.counts.setText(
                of.format(
                    title=title, shown=_number(shown), count=_number(doc.count), decided=decided
                )
            )
            return
        folded = sum(1 for n in doc.folded if n in layout.boxes)
        counts = QCoreApplication.translate(
            "StatusLine", "{count} nodes · {shown} shown · {folded} folded · {decided}"
        )
        counts = counts.format(
            count=_number(doc.count), shown=_number(shown), folded=_number(folded), decided=decided
        )
        self.counts.setText(f"{title}: {counts}" if title else counts)

    @Slot(object)
    def _on_document_folds_changed(self, _anchor: object) -> None:
        self.update_counts()

    @Slot(object)
    def _on_document_decisions_changed(self, _nodes: object) -> None:
        self.update_counts()

    @Slot(object, float, float)
    def _on_scene_relaid_out(self, _anchor: object, _dx: float, _dy: float) -> None:
        self.update_counts()

    @Slot(object)
    def _on_scene_filter_changed(self, _filter: object) -> None:
        self.update_counts()

    @Slot(float)
    def _on_view_zoom_changed(self, zoom: float) -> None:
        self._zoom = zoom
        shown = QCoreApplication.translate("StatusLine", "{percent}%")
        self.zoom_label.setText(shown.format(percent=f"{zoom * 100:.0f}"))

    @Slot(object)
    def _on_scene_selection_changed(self, node: Node | None) -> None:
        if node is None:
            self.bar.clearMessage()
            return
        line = QCoreApplication.translate("StatusLine", " — line {line}")
        where = line.format(line=node.line) if node.line else ""
        self._said = breadcrumb(node) + where
        self.bar.showMessage(self._said)
