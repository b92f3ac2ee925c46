"""A node on the canvas as a stack of small decorations: highlight, body, selection ring,
checkbox, icon, label, vote chip, fold handle (with its roll-up pill) and note sheet.

A node's decision state shows in three of them, never by colour alone: a **chosen** node
has a ticked box, a stronger fill and a bolder outline; a **rejected** one a cross in the
box, a muted fill and its label struck through; one under **consideration** a question
mark in the box and an amber outline (:attr:`~karar.ui.theme.Theme.considering`).

In a tally a voted node shows a **vote chip** after its label ("4/6": votes of
participants) and its fill warms with the share (:func:`~karar.ui.theme.heat_tint`); a
folded branch's chip shows the strongest vote below it, drawn as a stack of two chips.
Hidden votes take no room (the chip reserves it only while shown), so nothing on the canvas
tells where the votes are until they are revealed.

Each decoration paints one thing. One that needs room beside the text (the checkbox, the
icon) *reserves* it: :meth:`Decoration.reserve` answers a :class:`~karar.ui.measure.Part`
the measurer lays out in the node's row, so nothing overlaps and a box's size says
everything it holds. One that reaches outside the box (the handle, the note sheet) says so
with :meth:`Decoration.extent`, which the item's bounding rect takes in. A new mark on
nodes — a vote chip, a decision state — is one more decoration in :data:`DECORATIONS`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from karar.core.layout import Box, LayoutKind
from karar.core.model import Node, Shape
from karar.core.status import Decision
from karar.ui.icons import draw_icon
from karar.ui.measure import STRIKE, UNDERLINE, Measurer, Part, Reserver, Role, make_font
from karar.ui.render import CHECK_DETAIL_ZOOM, RenderContext
from karar.ui.shapes import shape_path
from karar.ui.theme import heat_chip, heat_tint, ink_on

if TYPE_CHECKING:
    from karar.ui.items import NodeItem

#: side of a node's checkbox per role (root, branch, node) at scale 1
CHECK_SIZES = (16.0, 14.0, 13.0)
#: side of a node's icon per role at scale 1
ICON_SIZES = (22.0, 18.0, 16.0)
HANDLE_R = 5.5
PILL_H = 16.0
#: width of the tick drawn in a roll-up pill, and the gap after it
TICK_W = 8.0
TICK_GAP = 3.0
#: the extra room between a roll-up's chosen and open parts ("3/12  ?1")
PART_GAP = 4.0
#: the note sheet: its size, and how far it reaches into the node and above it
NOTE_W = 9.0
NOTE_H = 11.0
NOTE_INSET = 3.0
NOTE_RISE = 6.0
_NO_PEN = QPen(Qt.PenStyle.NoPen)


class Decoration:
    """One part of a node's picture."""

    key = ""

    def reserve(self, node: Node, role: Role, scale: float) -> Part | None:
        """The room this decoration takes beside the text (None: none)."""
        return None

    def extent(self, ctx: RenderContext, node: Node, box: Box) -> QRectF | None:
        """What it paints outside the node's box, in item coordinates (None: nothing)."""
        return None

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        """Paint on ``item`` (``painter`` in item coordinates, at level of detail ``lod``)."""


class MatchHighlight(Decoration):
    """A search match: a band under the node (stronger for the current match)."""

    key = "match"

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        ctx = item.ctx
        node, box = item.node, item.box
        if node not in ctx.matches or box is None:
            return
        theme = ctx.theme
        painter.setPen(_NO_PEN)
        painter.setBrush(theme.current_match if node is ctx.current_match else theme.match)
        painter.drawRoundedRect(QRectF(-4, -3, box.w + 8, box.h + 6), 6, 6)


class Body(Decoration):
    """The node's shape (or, for Mermaid's default nodes, the line under the text): a
    chosen node gets a stronger fill and outline, a rejected one a muted fill and outline,
    one under consideration a bolder amber outline."""

    key = "body"

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        ctx, node, box = item.ctx, item.node, item.box
        if node is None or box is None:
            return
        theme = ctx.theme
        w, h = box.w, box.h
        role = item.role
        colour = ctx.colour(item.branch)
        state = ctx.document.decision(node)
        checked = state is Decision.CHOSEN
        bold = state is not None and state is not Decision.REJECTED
        if state is Decision.REJECTED:
            colour = theme.muted
        elif state is Decision.CONSIDERING:
            colour = theme.considering
        # votes warm the fill; a chosen or rejected node keeps the fill of its state
        chip = ctx.chip(node) if not checked and state is not Decision.REJECTED else None
        heat = chip.vote.share if chip is not None and not chip.below else None
        if ctx.is_underlined(node, role):
            if checked or state is Decision.REJECTED or heat is not None:
                # no box to fill: a band behind the text, and the line under it
                painter.setPen(_NO_PEN)
                if heat is not None:
                    painter.setBrush(heat_tint(theme, theme.background, heat))
                else:
                    painter.setBrush(
                        ctx.checked_tint(item.branch) if checked else theme.rejected_fill
                    )
                painter.drawRoundedRect(QRectF(-2, 0, w + 4, h - 1), 4, 4)
            pen = QPen(colour, 3.2 if bold else 2.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(0.5, h - 1), QPointF(w - 0.5, h - 1))
            return
        path = shape_path(node.shape, w, h, (10.0 if role is Role.ROOT else 6.0) * ctx.scale)
        if role is Role.ROOT:
            outline = colour if node.shape is not Shape.DEFAULT else theme.root_fill
            if checked:
                outline = theme.root_text
            elif state is not None:
                outline = colour
            painter.setPen(QPen(outline, 3 if state is not None else 2))
            painter.setBrush(theme.root_fill)
        else:
            width = 1.8 if role is Role.BRANCH else 1.4
            painter.setPen(QPen(colour, width + 1.4 if bold else width))
            if checked:
                painter.setBrush(ctx.checked_tint(item.branch))
            elif state is Decision.REJECTED:
                painter.setBrush(theme.rejected_fill)
            else:
                fill = ctx.tint(item.branch) if theme.tint else theme.node_fill
                painter.setBrush(fill if heat is None else heat_tint(theme, fill, heat))
        painter.drawPath(path)


class SelectionRing(Decoration):
    """A ring around the selected node."""

    key = "selection"

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        box = item.box
        if item.node is not item.ctx.selected or box is None:
            return
        painter.setPen(QPen(item.ctx.theme.selection, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(-4, -4, box.w + 8, box.h + 8), 7, 7)


def _tick(painter: QPainter, colour: QColor, x: float, y: float, s: float, width: float) -> None:
    """A check mark in the square of side ``s`` at (x, y)."""
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath(QPointF(x + s * 0.24, y + s * 0.53))
    tick.lineTo(x + s * 0.43, y + s * 0.72)
    tick.lineTo(x + s * 0.77, y + s * 0.31)
    painter.drawPath(tick)


def _cross(painter: QPainter, colour: QColor, x: float, y: float, s: float, width: float) -> None:
    """A cross (✗) in the square of side ``s`` at (x, y)."""
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    a, b = s * 0.3, s * 0.7
    painter.drawLine(QPointF(x + a, y + a), QPointF(x + b, y + b))
    painter.drawLine(QPointF(x + b, y + a), QPointF(x + a, y + b))


def _question(
    painter: QPainter, colour: QColor, x: float, y: float, s: float, width: float
) -> None:
    """A question mark in the square of side ``s`` at (x, y): a hook and a dot."""
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    cx, r = x + s * 0.5, s * 0.17
    top = y + s * 0.2
    hook = QPainterPath()
    hook.arcMoveTo(QRectF(cx - r, top, 2 * r, 2 * r), 160)
    hook.arcTo(QRectF(cx - r, top, 2 * r, 2 * r), 160, -220)
    hook.lineTo(cx, y + s * 0.6)
    painter.drawPath(hook)
    painter.setPen(_NO_PEN)
    painter.setBrush(colour)
    d = max(width * 0.62, s * 0.075)
    painter.drawEllipse(QPointF(cx, y + s * 0.79), d, d)


#: the mark drawn in a decided node's box, by state
_MARKS = {Decision.CHOSEN: _tick, Decision.REJECTED: _cross, Decision.CONSIDERING: _question}


class CheckBox(Decoration):
    """The "we chose this" box, facing the root: ticked when chosen, a cross when
    rejected, a question mark (on amber) under consideration."""

    key = "check"

    def reserve(self, node: Node, role: Role, scale: float) -> Part | None:
        s = CHECK_SIZES[role] * scale
        return Part(self.key, s, s, "inner", node.shape is Shape.DEFAULT and role is not Role.ROOT)

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        node, geo = item.node, item.geo
        if node is None or geo is None:
            return
        part = geo.part(self.key)
        if part is None:
            return
        ctx = item.ctx
        x, y, s, _ = part
        rect = QRectF(x, y, s, s)
        on_root = item.role is Role.ROOT
        colour = ctx.theme.root_text if on_root else ctx.colour(item.branch)
        state = ctx.document.decision(node)
        if state is Decision.REJECTED:
            colour = ctx.theme.muted
        elif state is Decision.CONSIDERING:
            colour = ctx.theme.considering
        if lod < CHECK_DETAIL_ZOOM:
            if state is not None:
                painter.fillRect(rect, colour)
            return
        radius = s * 0.22
        if state is None:
            painter.setPen(QPen(colour, 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0.7, 0.7, -0.7, -0.7), radius, radius)
            return
        painter.setPen(_NO_PEN)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, radius, radius)
        # the mark in the colour under the box, so it reads as cut out of it
        under = ctx.theme.root_fill if on_root else ctx.theme.background
        _MARKS[state](painter, under, x, y, s, max(1.7, s * 0.15))


class Icon(Decoration):
    """The node's ``::icon()``, before the text."""

    key = "icon"

    def reserve(self, node: Node, role: Role, scale: float) -> Part | None:
        if node.icon is None:
            return None
        s = ICON_SIZES[role] * scale
        return Part(self.key, s, s, "lead")

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        node, geo = item.node, item.geo
        part = geo.part(self.key) if geo is not None else None
        if node is None or part is None:
            return
        ctx = item.ctx
        colour = ctx.theme.root_text if item.role is Role.ROOT else ctx.colour(item.branch)
        # an SVG painter writes the icon's own SVG (a QSvgRenderer cannot draw into it)
        draw = getattr(painter, "draw_icon", None)
        if draw is not None:
            draw(node.icon or "", QRectF(*part), colour)
            return
        draw_icon(painter, node.icon or "", QRectF(*part), colour)


class Label(Decoration):
    """The label's lines: centred in boxed shapes, and for Mermaid's default nodes a
    paragraph ragged towards the outside of the map (right-aligned on the left side). A
    rejected node's label is muted and struck through, line by line."""

    key = "label"

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        node, box, geo = item.node, item.box, item.geo
        if node is None or box is None or geo is None:
            return
        ctx = item.ctx
        role = item.role
        measurer = ctx.measurer
        block = geo.block
        rejected = ctx.document.decision(node) is Decision.REJECTED
        if rejected and role is not Role.ROOT:
            painter.setPen(ctx.muted_pen)
        else:
            painter.setPen(ctx.root_text_pen if role is Role.ROOT else ctx.text_pen)
        y = geo.text_y
        # a painter of SVG writes the text itself: no QStaticText to prepare for it
        text_of = ctx.static_text if isinstance(painter, QPainter) else _as_is
        centred = role is Role.ROOT or node.shape is not Shape.DEFAULT
        right = not centred and box.side < 0
        for line in block.lines:
            if centred:
                x = geo.text_x + (block.width - line.width) / 2
            elif right:
                x = geo.text_x + block.width - line.width
            else:
                x = geo.text_x
            start = x
            for text, style in line.runs:
                painter.setFont(measurer.font(role, style))
                shift = measurer.baseline_shift(role, style) if style else 0.0
                painter.drawStaticText(QPointF(x, y + shift), text_of(text, role, style))
                width = measurer.advance(text, role, style) if style or len(line.runs) > 1 else 0
                if style & (UNDERLINE | STRIKE):
                    # QStaticText draws no text decorations: rule them like the font would
                    rule = QPen(painter.pen().color(), measurer.rule_width(role, style))
                    painter.save()
                    painter.setPen(rule)
                    for at in measurer.rules(role, style):
                        ry = y + shift + at
                        painter.drawLine(QPointF(x, ry), QPointF(x + width, ry))
                    painter.restore()
                x += width
            if rejected:
                self._strike(painter, item, start, y, line.width)
            y += block.line_height

    @staticmethod
    def _strike(painter: QPainter, item: NodeItem, x: float, y: float, width: float) -> None:
        """Strike a whole line of the label through (the line's top at ``y``)."""
        measurer = item.ctx.measurer
        rule = QPen(painter.pen().color(), max(1.2, measurer.rule_width(item.role, STRIKE) * 1.3))
        painter.save()
        painter.setPen(rule)
        for at in measurer.rules(item.role, STRIKE):
            painter.drawLine(QPointF(x - 1, y + at), QPointF(x + width + 1, y + at))
        painter.restore()


def _as_is(text: str, role: Role, style: int) -> str:
    return text


#: a vote chip's text against the role's label font, and its height against the line's
CHIP_FONT_SHARE = 0.92
CHIP_HEIGHT = 1.5
CHIP_PAD = 0.55
"""The chip's padding either side of its text, in heights of its font."""


@functools.lru_cache(maxsize=32)
def chip_font(role: Role, scale: float) -> QFont:
    """The font of a vote chip on a node drawn in ``role`` (bold: numbers read from afar)."""
    size = Measurer.ROLE_FONTS[role][0] * CHIP_FONT_SHARE * scale
    return make_font(size, QFont.Weight.Bold)


@functools.lru_cache(maxsize=256)
def _chip_size(text: str, role: Role, scale: float) -> tuple[float, float]:
    font = chip_font(role, scale)
    metrics = QFontMetricsF(font)
    px = font.pixelSize()
    return float(round(metrics.horizontalAdvance(text) + 2 * CHIP_PAD * px)), float(
        round(px * CHIP_HEIGHT)
    )


class VoteChip(Decoration):
    """A tally's votes for the node, ``votes/participants``, after the label: a pill whose
    crimson grows with the share, ringed in the text colour when everyone voted for it; on
    a folded branch the strongest vote below, as a stack of two pills."""

    key = "votes"

    def room(self, node: Node, role: Role, *, scale: float, widest: ChipText) -> Part | None:
        """The chip's room: as wide as the widest chip of the tally (``widest`` answers its
        text, None where ``node`` shows none), so chips line up and their width tells
        nothing."""
        text = widest(node)
        if text is None:
            return None
        w, h = _chip_size(text, role, scale)
        below = 0.0 if not node.children else round(h * 0.18)
        return Part(self.key, w + below, h + below, "outer", role is not Role.ROOT)

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        node, geo = item.node, item.geo
        part = geo.part(self.key) if geo is not None else None
        if node is None or part is None:
            return
        ctx = item.ctx
        chip = ctx.chip(node)
        if chip is None:
            return
        theme = ctx.theme
        x, y, w, h = part
        fill = heat_chip(theme, chip.vote.share)
        stack = round(_chip_size("0", item.role, ctx.scale)[1] * 0.18) if node.children else 0.0
        rect = QRectF(x, y, w - stack, h - stack)
        if lod < CHECK_DETAIL_ZOOM:
            painter.fillRect(rect, fill)
            return
        r = rect.height() / 2
        s = ctx.scale
        if chip.below:
            # a stack: the strongest of several below
            painter.setPen(QPen(theme.heat, 1.2 * s))
            painter.setBrush(theme.background)
            painter.drawRoundedRect(rect.translated(stack, stack), r, r)
        ring = theme.text if chip.vote.unanimous else theme.heat
        painter.setPen(QPen(ring, (1.8 if chip.vote.unanimous else 1.2) * s))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), r, r)
        painter.setPen(QPen(ink_on(fill, theme.text, theme.background, _WHITE, _BLACK)))
        painter.setFont(chip_font(item.role, ctx.scale))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, chip.vote.text)


ChipText = Callable[[Node], "str | None"]
"""For a node, the text of the widest vote chip it would show now (None: no chip)."""
_WHITE = QColor("#FFFFFF")
_BLACK = QColor("#000000")
VOTE_CHIP = VoteChip()


def vote_chip_rect(ctx: RenderContext, node: Node, box: Box) -> QRectF | None:
    """``node``'s vote chip (item coordinates), None where it shows none."""
    part = ctx.geometry(node, box).part(VoteChip.key)
    return None if part is None or ctx.chip(node) is None else QRectF(*part)


def handle_rect(ctx: RenderContext, node: Node, box: Box) -> QRectF | None:
    """The fold handle of ``node`` (item coordinates), None when it has none.

    A small circle at the outgoing anchor; a pill growing outwards when it has something
    to say (the hidden count of a folded node, or the roll-up of checked nodes below). Where
    folds do not apply (decisions only) only roll-up pills are drawn, and they do not fold.
    """
    if not node.children:
        return None
    ax, ay = ctx.out_anchor(node, box)
    badge = ctx.badge(node)
    s = ctx.scale
    if badge.text:
        ph = PILL_H * s
        extra = (TICK_W + TICK_GAP) * s if badge.tick else 0.0
        if badge.decided and " " in badge.text:
            extra += PART_GAP * s
        pw = max(ph + 2, ctx.measurer.count_width(badge.text) + 12 * s + extra)
        if box.side < 0:
            return QRectF(ax - pw + 3, ay - ph / 2, pw, ph)
        if box.side == 0 and ctx.kind is not LayoutKind.TREE:
            return QRectF(ax - pw / 2, ay - ph / 2, pw, ph)
        return QRectF(ax - 3, ay - ph / 2, pw, ph)
    if not ctx.folds_apply:
        return None
    r = HANDLE_R * s
    return QRectF(ax - r, ay - r, 2 * r, 2 * r)


class FoldHandle(Decoration):
    """The fold handle: a circle where the edges leave, or a pill with what a folded node
    hides ("28") or the roll-up of decisions below: chosen of all and open questions
    ("✓3/12 ?1")."""

    key = "handle"

    def extent(self, ctx: RenderContext, node: Node, box: Box) -> QRectF | None:
        rect = handle_rect(ctx, node, box)
        return None if rect is None else rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        handle = item.handle
        if handle is None or item.node is None:
            return
        ctx = item.ctx
        theme = ctx.theme
        colour = ctx.colour(item.branch)
        badge = item.badge
        if not badge.text:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(theme.background)
            painter.drawEllipse(handle.adjusted(1, 1, -1, -1))
            return
        hiding = item.node in ctx.hiding_matches
        r = handle.height() / 2
        # folded: a filled pill (what it hides); open: an outlined one the edges leave from
        if not badge.folded:
            painter.setPen(QPen(theme.current_match if hiding else colour, 1.6))
            painter.setBrush(theme.background)
            ink = colour
        else:
            # a decided branch gets a ring in the text colour: it stands out from the
            # plain counts of undecided ones at a glance
            ring = theme.text if badge.decided else colour
            painter.setPen(QPen(theme.current_match if hiding else ring, 1.5))
            painter.setBrush(colour)
            # the counts in the background colour, or in the text colour on a light fill
            ink = ink_on(colour, theme.background, theme.text)
        painter.drawRoundedRect(handle.adjusted(0.5, 0.5, -0.5, -0.5), r, r)
        s = ctx.scale
        text_rect = handle.adjusted(6 * s, 0, -6 * s, 0)
        if badge.tick:
            x, cy = text_rect.left(), handle.center().y()
            tw = TICK_W * s
            _tick(painter, ink, x - tw * 0.1, cy - tw * 0.55, tw * 1.1, 1.8 * s)
            text_rect.setLeft(x + tw + TICK_GAP * s)
        painter.setPen(QPen(ink))
        painter.setFont(ctx.measurer.count_font)
        chosen, gap, open_ = badge.text.partition(" ")
        if not (badge.decided and gap):
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, badge.text)
            return
        # chosen and open apart, so "?1" does not read as part of "3/12"
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, left, chosen)
        text_rect.setLeft(text_rect.left() + ctx.measurer.count_width(chosen + " ") + PART_GAP * s)
        painter.drawText(text_rect, left, open_)


def note_rect(ctx: RenderContext, box: Box) -> QRectF:
    """Where a node's note sheet goes (item coordinates): stuck on its outer top corner,
    clear of the text, the checkbox and the fold handle."""
    s = ctx.scale
    w, h = NOTE_W * s, NOTE_H * s
    if box.side < 0:
        return QRectF(NOTE_INSET * s - w, -NOTE_RISE * s, w, h)
    return QRectF(box.w - NOTE_INSET * s, -NOTE_RISE * s, w, h)


class NoteMark(Decoration):
    """A small sheet with a folded corner and two lines of "text": the node has notes."""

    key = "note"

    def extent(self, ctx: RenderContext, node: Node, box: Box) -> QRectF | None:
        return note_rect(ctx, box).adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, item: NodeItem, lod: float) -> None:
        node, box = item.node, item.box
        ctx = item.ctx
        if node is None or box is None or not ctx.document.has_note(node):
            return
        rect = note_rect(ctx, box)
        colour = ctx.colour(item.branch)
        s = ctx.scale
        fold = 3.0 * s
        x, y, r, b = rect.left(), rect.top(), rect.right(), rect.bottom()
        sheet = QPainterPath(QPointF(x, y))
        sheet.lineTo(r - fold, y)
        sheet.lineTo(r, y + fold)
        sheet.lineTo(r, b)
        sheet.lineTo(x, b)
        sheet.closeSubpath()
        painter.setPen(QPen(colour, 1.1))
        painter.setBrush(colour)
        painter.drawPath(sheet)
        painter.setPen(QPen(ctx.theme.background, 1.1))
        for ly in (y + 5.0 * s, y + 7.8 * s):
            painter.drawLine(QPointF(x + 2.0 * s, ly), QPointF(r - 2.0 * s, ly))


def check_rect(ctx: RenderContext, node: Node, box: Box) -> QRectF | None:
    """``node``'s checkbox (item coordinates), None where it has none."""
    part = ctx.geometry(node, box).part(CheckBox.key)
    return None if part is None else QRectF(*part)


#: every node's decorations, in painting order (later ones on top)
DECORATIONS: tuple[Decoration, ...] = (
    MatchHighlight(),
    Body(),
    SelectionRing(),
    CheckBox(),
    Icon(),
    Label(),
    VOTE_CHIP,
    FoldHandle(),
    NoteMark(),
)


def reservers(scale: float, chips: ChipText | None = None) -> list[Reserver]:
    """The decorations that take room beside the text, as the measurer asks them; with
    ``chips``, the vote chip too (``chips`` says which nodes show one now)."""
    out: list[Reserver] = [
        functools.partial(deco.reserve, scale=scale)
        for deco in DECORATIONS
        if type(deco).reserve is not Decoration.reserve
    ]
    if chips is not None:
        out.append(functools.partial(VOTE_CHIP.room, scale=scale, widest=chips))
    return out
