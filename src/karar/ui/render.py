"""What every canvas item needs to paint, shared in one :class:`RenderContext`: the theme,
the fonts, the view's options and filter, the selection and search marks, the badge a
node's fold handle shows, and the vote chip a tally's node shows (:class:`Chip`; hidden
until revealed when the votes are hidden).

Owned by the scene; items hold a reference, so a theme switch is one assignment plus a
repaint.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen, QStaticText

from karar.core.filters import ALL, ViewFilter
from karar.core.layout import Box, LayoutKind, Spacing
from karar.core.model import Node, Shape
from karar.core.votes import Tally, Vote
from karar.ui.measure import Geometry, Measurer, Role, role_of
from karar.ui.theme import Theme, blend

if TYPE_CHECKING:
    from karar.ui.document import MapDocument

#: Below this zoom, labels are unreadable: nodes are drawn as plain boxes by the edge layer.
OVERVIEW_ZOOM = 0.35
#: Below this zoom a checkbox is a few pixels wide: checked ones become plain filled
#: squares and unchecked ones are left out, like small text would be.
CHECK_DETAIL_ZOOM = 0.6

BASE_SPACING = Spacing(sibling_gap=8.0, subtree_gap=16.0, level_gap=64.0)
#: How strongly nodes and edges outside the presentation's focus are drawn (their opacity)
DIM_OPACITY = 0.22


@dataclass(frozen=True, slots=True)
class CanvasOptions:
    """How big the canvas draws the map, settable while it runs (projector type).

    Attributes:
        font_scale: Multiplies every label's font size, and with it the parts beside the
            text and the fold handles.
        spacing_scale: Multiplies the gaps between boxes (on top of ``font_scale``).
    """

    font_scale: float = 1.0
    spacing_scale: float = 1.0

    @property
    def spacing(self) -> Spacing:
        """The layout's gaps at these options."""
        s = self.font_scale * self.spacing_scale
        b = BASE_SPACING
        return Spacing(b.sibling_gap * s, b.subtree_gap * s, b.level_gap * s)


class Badge(NamedTuple):
    """What a node's fold handle says.

    Attributes:
        text: The count shown ("" for a plain handle): hidden nodes ("28"), or the roll-up
            of decisions below, chosen of all and open questions ("3/12 ?1", "?2").
        decided: The count is a roll-up of decisions below.
        folded: The node's children are hidden (the pill is filled).
        tick: A tick is drawn before the text (something below is chosen).
    """

    text: str
    decided: bool
    folded: bool
    tick: bool = False


NO_BADGE = Badge("", False, False)


class Chip(NamedTuple):
    """What a node's vote chip says.

    Attributes:
        vote: The votes shown ("4/6"), coloured by their share.
        below: The strongest vote below a folded branch, not the node's own.
    """

    vote: Vote
    below: bool = False


def compact_count(n: int) -> str:
    """A count for a pill: exact up to 9,999, then in thousands ("12k")."""
    return str(n) if n < 10_000 else f"{n // 1000}k"


class RenderContext:
    """Theme, fonts, filter and marks for every item of one scene."""

    def __init__(self, document: MapDocument, theme: Theme, measurer: Measurer) -> None:
        self.document = document
        self.measurer = measurer
        self.kind = LayoutKind.MINDMAP
        self.filter: ViewFilter = ALL
        self.selected: Node | None = None
        self.matches: set[Node] = set()
        self.current_match: Node | None = None
        #: folded nodes hiding at least one search match
        self.hiding_matches: set[Node] = set()
        #: the votes of a tally (None: the project has none)
        self.tally: Tally | None = None
        #: votes are hidden, but for the branches in :attr:`votes_revealed`
        self.votes_hidden = False
        self.votes_revealed: set[Node] = set()
        #: the first-level branch in focus (presentation): the others are drawn dimmed
        self.focus: Node | None = None
        self._static: OrderedDict[tuple[str, int, int], QStaticText] = OrderedDict()
        self.set_theme(theme)

    @property
    def scale(self) -> float:
        """The canvas's font scale (sizes of handles, marks and pills follow it)."""
        return self.measurer.scale

    def set_measurer(self, measurer: Measurer) -> None:
        """Use new fonts (the canvas options changed)."""
        self.measurer = measurer
        self._static.clear()

    def set_theme(self, theme: Theme) -> None:
        """Use ``theme`` from the next paint on."""
        self.theme = theme
        self.tints = [theme.tinted(i) for i in range(len(theme.branches))]
        self.checked_tints = [theme.checked_fill(i) for i in range(len(theme.branches))]
        self.text_pen = QPen(theme.text)
        self.root_text_pen = QPen(theme.root_text)
        self.muted_pen = QPen(theme.muted)

    @property
    def folds_apply(self) -> bool:
        """Whether the user's folds apply in the current view (not in decisions-only)."""
        return self.filter.folds_apply

    @property
    def folded(self) -> frozenset[Node] | set[Node]:
        """The folds in effect on the canvas."""
        return self.document.folded if self.filter.folds_apply else frozenset()

    def colour(self, branch: int) -> QColor:
        """The branch colour of first-level branch ``branch`` (-1: the root)."""
        return self.theme.branch(branch)

    def is_dimmed(self, node: Node) -> bool:
        """Whether ``node`` is drawn faded: a focus is set and ``node`` is neither the root
        nor in the focused branch."""
        focus = self.focus
        if focus is None or node.parent is None:
            return False
        branch = self.document.branch
        return branch.get(node, -1) != branch.get(focus, -2)

    def edge_colour(self, branch: int) -> QColor:
        """The colour of edges into first-level branch ``branch``: its colour, faded into
        the background outside the focus (opaque, so crossing edges do not darken)."""
        colour = self.theme.branch(branch)
        focus = self.focus
        if focus is not None and branch != self.document.branch.get(focus, -2):
            return blend(self.theme.background, colour, DIM_OPACITY)
        return colour

    def tint(self, branch: int) -> QColor:
        """The light fill of branch ``branch``."""
        if branch < 0:
            return self.theme.root_fill
        return self.tints[branch % len(self.tints)]

    def checked_tint(self, branch: int) -> QColor:
        """The fill of a checked node of branch ``branch``."""
        if branch < 0:
            return self.theme.root_fill
        return self.checked_tints[branch % len(self.checked_tints)]

    def static_text(self, text: str, role: Role, style: int) -> QStaticText:
        """A prepared :class:`QStaticText`, shared by every item showing that text (LRU)."""
        key = (text, role, style)
        st = self._static.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            self._static[key] = st
            if len(self._static) > 4000:
                self._static.popitem(last=False)
        else:
            self._static.move_to_end(key)
        return st

    @staticmethod
    def is_underlined(node: Node, role: Role) -> bool:
        """Whether ``node`` is drawn Mermaid-style as text over a line, not as a shape."""
        return node.shape is Shape.DEFAULT and role is Role.NODE

    def out_anchor(self, node: Node, box: Box) -> tuple[float, float]:
        """Where a node's outgoing edges (and its fold handle) sit, in item coordinates."""
        y = box.h - 1 if self.is_underlined(node, role_of(box.depth)) else box.h / 2
        if box.side > 0:
            return box.w, y
        if box.side < 0:
            return 0.0, y
        if self.kind is LayoutKind.TREE:
            return box.w, y
        return box.w / 2, box.h  # the root of a mind map: below it, clear of the edges

    def badge(self, node: Node) -> Badge:
        """What ``node``'s fold handle shows.

        A subtree holding chosen or considered nodes shows its roll-up: a tick and chosen of
        all ("3/12"), then the open questions ("?1"), each only when there are some;
        otherwise a folded node shows how many nodes it hides, and an open one nothing.
        """
        if not node.children:
            return NO_BADGE
        folded = node in self.folded
        r = self.document.rollup(node)
        if r.checked or r.open:
            parts = []
            if r.checked:
                parts.append(f"{compact_count(r.checked)}/{compact_count(r.total)}")
            if r.open:
                parts.append(f"?{compact_count(r.open)}")
            return Badge(" ".join(parts), True, folded, bool(r.checked))
        if folded:
            return Badge(compact_count(self.document.descendants(node)), False, True)
        return NO_BADGE

    def votes_shown(self, node: Node) -> bool:
        """Whether ``node``'s votes are on show (not hidden, or revealed for its branch)."""
        if not self.votes_hidden:
            return True
        revealed = self.votes_revealed
        return bool(revealed) and (node in revealed or any(a in revealed for a in node.ancestors()))

    def chip(self, node: Node) -> Chip | None:
        """What ``node``'s vote chip shows, None for no chip.

        A node with votes shows them; a folded branch shows the strongest vote below it
        when that is stronger than its own. Nothing while its votes are hidden.
        """
        tally = self.tally
        if tally is None or not self.votes_shown(node):
            return None
        own = tally.vote(node)
        if node.children and node in self.folded:
            below = tally.strongest_below(node)
            if below is not None and (own is None or below.votes > own.votes):
                return Chip(below, True)
        return None if own is None else Chip(own)

    def geometry(self, node: Node, box: Box) -> Geometry:
        """``node``'s measured geometry as drawn at ``box`` (mirrored on the left side, so
        the checkbox faces the root and stays clear of the fold handle)."""
        return self.measurer.geometry(node, box.depth, box.side < 0)
