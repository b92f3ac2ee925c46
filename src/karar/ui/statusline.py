"""The status bar's live parts: the view filter in effect, how many nodes the map has,
shows, folds and decides (chosen, rejected, open), the zoom, and where the selected node
sits (its breadcrumb and line in the map file).

The status bar draws its message as plain text, on one line: a label's line breaks
become spaces."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.pathnames import single_line
from karar.core.status import Decision
from karar.ui.document import MapDocument
from karar.ui.scene import MapScene
from karar.ui.view import MapView

EMPTY_TEXT = "No map — open one with Ctrl+O or drop a file here"
FILTER_TITLES = {
    "decisions": "Decisions only",
    "open": "Open questions only",
    "hide-rejected": "Rejected hidden",
    "agreed": "Agreed by all",
    "split": "Split votes",
    "no-votes": "Nobody voted",
}
"""How the status bar names a view filter that leaves something out."""


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
        self._on_view_zoom_changed(view.zoom)
        self.update_counts()

    @Slot()
    def update_counts(self) -> None:
        """Show the map's counts as they are now."""
        doc = self.document
        layout = self.scene.layout
        if doc.root is None or layout is None:
            self.counts.setText(EMPTY_TEXT)
            return
        state = doc.map_state
        decided = f"{state.count(Decision.CHOSEN):,} chosen"
        for what, label in ((Decision.REJECTED, "rejected"), (Decision.CONSIDERING, "open")):
            if n := state.count(what):
                decided += f" · {n:,} {label}"
        view_filter = self.scene.filter
        shown = len(layout.boxes)
        title = FILTER_TITLES.get(view_filter.name)
        if title is not None and not view_filter.folds_apply:
            self.counts.setText(f"{title}: {shown:,} of {doc.count:,} nodes · {decided}")
            return
        folded = sum(1 for n in doc.folded if n in layout.boxes)
        counts = f"{doc.count:,} nodes · {shown:,} shown · {folded:,} folded · {decided}"
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
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    @Slot(object)
    def _on_scene_selection_changed(self, node: Node | None) -> None:
        if node is None:
            self.bar.clearMessage()
            return
        where = f" — line {node.line}" if node.line else ""
        self.bar.showMessage(breadcrumb(node) + where)
