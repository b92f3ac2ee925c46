"""Text measurement and node sizes: the first of the three steps measure → lay out → draw.

Measuring text costs as much as laying the tree out, so everything here is cached per
(label, role). Plain Latin/Greek/Cyrillic text is measured by summing cached per-character
advances (4x faster than asking Qt per string and never narrower than Qt's own result,
since kerning only tightens); anything else (combining marks, emoji, complex scripts) asks
:class:`QFontMetricsF`. Labels wrap at :data:`MAX_TEXT_WIDTH` pixels.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import ClassVar, NamedTuple

from PySide6.QtGui import QFont, QFontMetricsF

from karar.core.labels import Run, paragraphs
from karar.core.model import Node, Shape

MAX_TEXT_WIDTH = 260.0
# Noto Sans ships with Karar (resources/fonts, registered by karar.ui.app.make_app); the
# others only cover glyphs it lacks.
FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI"]
_TOKEN = re.compile(r"\S+\s*|\s+")
# Latin, Latin-1, Latin Extended, IPA: summing per-character advances is safe. Anything else
# (combining marks from U+0300, other scripts, emoji) is measured as a whole by Qt.
_COMPLEX = re.compile("[^\x00-\u02ff]")
_CACHE_LIMIT = 8192


class Role(IntEnum):
    """How prominent a node is drawn: the root, a first-level branch, or any other node."""

    ROOT = 0
    BRANCH = 1
    NODE = 2


_ROLES = (Role.ROOT, Role.BRANCH, Role.NODE)


def role_of(depth: int) -> Role:
    """The role of a node at ``depth``."""
    return _ROLES[min(depth, 2)]


class Line(NamedTuple):
    """One drawn line of a label: its runs (text and style 0–3: bit 1 bold, bit 2 italic)
    and its width."""

    runs: tuple[tuple[str, int], ...]
    width: float


class TextBlock(NamedTuple):
    """A measured, wrapped label."""

    lines: tuple[Line, ...]
    width: float
    height: float
    line_height: float
    ascent: float


class Part(NamedTuple):
    """Room a decoration reserves beside a node's text (see :class:`Measurer`).

    Attributes:
        key: The decoration's name (``check``, ``icon``...), how painters find their part.
        w, h: Its size.
        place: ``inner`` (toward the root: first in the row, last when mirrored), ``lead``
            (right before the text, on either side) or ``outer`` (after the text, away from
            the root).
        first_line: Sit at the label's first line (a paragraph's bullet) instead of centred.
    """

    key: str
    w: float
    h: float
    place: str = "inner"
    first_line: bool = False


class Geometry(NamedTuple):
    """A node's measured size and where its parts go, relative to the node's top-left.

    The content runs in one row: the inner parts (the checkbox, facing the root), the lead
    parts (the icon), the text, the outer parts. Nodes on the left of a mind map are
    measured mirrored, so what faces the root still does.

    Attributes:
        width, height: The node's box (what the layout places).
        text_x, text_y: Top-left of the text block.
        block: The wrapped text.
        parts: Where each reserved part goes: key -> (x, y, w, h).
    """

    width: float
    height: float
    text_x: float
    text_y: float
    block: TextBlock
    parts: dict[str, tuple[float, float, float, float]]

    def part(self, key: str) -> tuple[float, float, float, float] | None:
        """The rectangle of part ``key``, None when the node has none."""
        return self.parts.get(key)


Reserver = Callable[[Node, "Role"], "Part | None"]
"""What a decoration that takes room beside the text answers for a node drawn in a role:
the part it needs, or None when it draws nothing there."""


class _Advances(dict[str, float]):
    """Per-character advance widths of one font, measured on first use."""

    def __init__(self, metrics: QFontMetricsF) -> None:
        super().__init__()
        self._metrics = metrics

    def __missing__(self, ch: str) -> float:
        w = self._metrics.horizontalAdvance(ch)
        self[ch] = w
        return w


def make_font(pixel_size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """The map font at ``pixel_size`` scene pixels (pixels, so sizes do not depend on DPI)."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


#: text style bits (karar.core.labels.Style): bold, italic, underline, strike, code, sub, sup
BOLD, ITALIC, UNDERLINE, STRIKE, CODE, SUB, SUP = 1, 2, 4, 8, 16, 32, 64
#: sub- and superscripts are drawn this much smaller, and raised or lowered by a share of
#: the line's ascent
SCRIPT_SCALE = 0.75
SCRIPT_SHIFT = {SUB: 0.22, SUP: -0.38}
_MONO_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "monospace"]


class Measurer:
    """Measures labels and sizes nodes for one set of fonts, with caches.

    Args:
        max_text_width: Width at which labels wrap (at ``scale`` 1).
        scale: Multiplies every font size, gap and wrap width (projector type).
        reservers: Decorations that take room beside the text, in row order (see
            :class:`Part`). None reserves nothing (text only).
    """

    ROLE_FONTS: ClassVar[dict[Role, tuple[float, QFont.Weight]]] = {
        Role.ROOT: (18.0, QFont.Weight.Bold),
        Role.BRANCH: (14.0, QFont.Weight.DemiBold),
        Role.NODE: (13.0, QFont.Weight.Normal),
    }
    COUNT_FONT = (10.5, QFont.Weight.DemiBold)
    GAP = 6.0
    """Between the parts of a node's row (checkbox, icon, text...)."""

    def __init__(
        self,
        max_text_width: float = MAX_TEXT_WIDTH,
        *,
        scale: float = 1.0,
        reservers: Sequence[Reserver] | None = None,
    ) -> None:
        self.scale = scale
        self.max_text_width = max_text_width * scale
        self.gap = self.GAP * scale
        self.reservers = tuple(reservers or ())
        self._fonts: dict[tuple[Role, int], QFont] = {}
        self._metrics: dict[tuple[Role, int], QFontMetricsF] = {}
        self._advances: dict[tuple[Role, int], _Advances] = {}
        for role in Role:
            self._font(role, 0)
        self.count_font = make_font(self.COUNT_FONT[0] * scale, self.COUNT_FONT[1])
        self._count_advances = _Advances(QFontMetricsF(self.count_font))
        # bounded: a 100,000-node map has as many distinct labels, and only the few
        # hundred near the viewport need their full geometry at any time
        self._blocks: dict[tuple[str, bool, Role, float], TextBlock] = {}
        self._geometry: OrderedDict[tuple[object, ...], Geometry] = OrderedDict()
        self._line_height = {role: self._metrics[role, 0].lineSpacing() for role in Role}

    # ------------------------------------------------------------------ fonts

    def font(self, role: Role, style: int = 0) -> QFont:
        """The font of ``role`` in text ``style`` (style bits as in core.labels.Style)."""
        font = self._fonts.get((role, style))
        return font if font is not None else self._font(role, style)

    def _font(self, role: Role, style: int) -> QFont:
        size, weight = self.ROLE_FONTS[role]
        size *= self.scale
        if style & (SUB | SUP):
            size *= SCRIPT_SCALE
        if style & BOLD:
            weight = QFont.Weight.Bold if weight < QFont.Weight.DemiBold else QFont.Weight.Black
        font = make_font(size, weight)
        if style & CODE:
            font.setFamilies(_MONO_FAMILIES)
            font.setPixelSize(max(1, round(size * 0.92)))
        font.setItalic(bool(style & ITALIC))
        font.setUnderline(bool(style & UNDERLINE))
        font.setStrikeOut(bool(style & STRIKE))
        metrics = QFontMetricsF(font)
        self._fonts[role, style] = font
        self._metrics[role, style] = metrics
        self._advances[role, style] = _Advances(metrics)
        return font

    def baseline_shift(self, role: Role, style: int) -> float:
        """How far a run of ``style`` sits below (+) or above (-) the line's top."""
        if style & SUB:
            return self._metrics[role, 0].ascent() * SCRIPT_SHIFT[SUB]
        if style & SUP:
            return self._metrics[role, 0].ascent() * SCRIPT_SHIFT[SUP] + (
                self._metrics[role, 0].ascent() * (1 - SCRIPT_SCALE)
            )
        return 0.0

    def rules(self, role: Role, style: int) -> list[float]:
        """Where the underline and the strike-through lines of ``style`` go, below the
        top of the run's line."""
        metrics = self._metrics.get((role, style)) or self._metrics[role, 0]
        out = []
        if style & UNDERLINE:
            out.append(metrics.ascent() + max(1.0, metrics.underlinePos()))
        if style & STRIKE:
            out.append(metrics.ascent() - metrics.strikeOutPos())
        return out

    def rule_width(self, role: Role, style: int) -> float:
        """How thick the underline and strike-through of ``style`` are."""
        metrics = self._metrics.get((role, style)) or self._metrics[role, 0]
        return max(1.0, metrics.lineWidth())

    # ------------------------------------------------------------------ text

    def advance(self, text: str, role: Role, style: int = 0) -> float:
        """Width of ``text`` in the font of ``role`` and ``style``."""
        if (role, style) not in self._advances:
            self._font(role, style)
        if text.isascii() or _COMPLEX.search(text) is None:
            return sum(map(self._advances[role, style].__getitem__, text))
        return self._metrics[role, style].horizontalAdvance(text)

    def count_width(self, text: str) -> float:
        """Width of a fold badge's text."""
        return sum(map(self._count_advances.__getitem__, text))

    def text_block(
        self, label: str, markdown: bool, role: Role, wrap: float | None = None
    ) -> TextBlock:
        """The label wrapped at ``wrap`` pixels (default: the measurer's maximum)."""
        wrap = self.max_text_width if wrap is None else wrap
        key = (label, markdown, role, wrap)
        block = self._blocks.get(key)
        if block is None:
            if len(self._blocks) > _CACHE_LIMIT:
                self._blocks.clear()
            block = self._blocks[key] = self._wrap(paragraphs(label, markdown), role, wrap)
        return block

    def _wrap(self, paras: tuple[tuple[Run, ...], ...], role: Role, wrap: float) -> TextBlock:
        metrics = self._metrics[role, 0]
        lines: list[Line] = []
        for para in paras:
            if len(para) == 1 and not int(para[0].style):
                text = para[0].text
                width = self.advance(text, role)
                if width <= wrap:
                    lines.append(Line(((text, 0),), width))
                    continue
                plain = self._wrap_plain(text, role, wrap)
                if plain is not None:
                    lines.extend(plain)
                    continue
            lines.extend(self._wrap_runs(para, role, wrap))
        width = max((ln.width for ln in lines), default=0.0)
        line_height = metrics.lineSpacing()
        return TextBlock(
            tuple(lines), math.ceil(width), line_height * len(lines), line_height, metrics.ascent()
        )

    def _wrap_plain(self, text: str, role: Role, wrap: float) -> list[Line] | None:
        """Greedy word wrap of unstyled Latin text (the common case, kept fast); None when
        the text needs :meth:`_wrap_runs` (other scripts, a word wider than a line)."""
        if not (text.isascii() or _COMPLEX.search(text) is None):
            return None
        table = self._advances[role, 0]
        get = table.__getitem__
        space = get(" ")
        lines: list[Line] = []
        current: list[str] = []
        x = 0.0
        for word in text.split(" "):
            w = sum(map(get, word))
            if w > wrap:
                return None
            if current and x + space + w > wrap:
                lines.append(Line(((" ".join(current), 0),), x))
                current, x = [word], w
            elif current:
                current.append(word)
                x += space + w
            else:
                current, x = [word], w
        if current:
            lines.append(Line(((" ".join(current), 0),), x))
        return lines

    def _wrap_runs(self, para: tuple[Run, ...], role: Role, wrap: float) -> list[Line]:
        """Greedy word wrap of styled runs; a word longer than a line is cut by characters."""
        lines: list[Line] = []
        current: list[tuple[str, int]] = []
        x = 0.0
        trailing = 0.0  # width of the current line's trailing whitespace

        def flush() -> None:
            nonlocal current, x, trailing
            if current:
                text, style = current[-1]
                current[-1] = (text.rstrip(), style)
                lines.append(Line(tuple(current), x - trailing))
            current, x, trailing = [], 0.0, 0.0

        def put(token: str, style: int, width: float, space: float) -> None:
            nonlocal x, trailing
            if current and current[-1][1] == style:
                current[-1] = (current[-1][0] + token, style)
            else:
                current.append((token, style))
            x += width
            trailing = space

        for run in para:
            style = int(run.style)
            for token in _TOKEN.findall(run.text):
                width = self.advance(token, role, style)
                word = token.rstrip()
                word_width = self.advance(word, role, style) if word != token else width
                if current and x + word_width > wrap:
                    flush()
                    if not word:
                        continue
                if word_width <= wrap:
                    put(token, style, width, width - word_width)
                    continue
                for ch in token:  # one word wider than a line: cut it
                    cw = self.advance(ch, role, style)
                    if current and x + cw > wrap:
                        flush()
                    put(ch, style, cw, cw if ch.isspace() else 0.0)
        flush()
        return lines or [Line((("", 0),), 0.0)]

    # ------------------------------------------------------------------ nodes

    def _parts(self, node: Node, role: Role) -> tuple[Part, ...]:
        parts = []
        for reserve in self.reservers:  # a loop: asked for every node measured and drawn
            part = reserve(node, role)
            if part is not None:
                parts.append(part)
        return tuple(parts)

    def _row(self, parts: tuple[Part, ...]) -> tuple[float, float]:
        """Width and height the parts take beside the text, gaps included."""
        gap = self.gap
        return sum(p.w + gap for p in parts), max((p.h for p in parts), default=0.0)

    def size(self, node: Node, depth: int) -> tuple[float, float]:
        """The box size of ``node`` at ``depth``: :meth:`geometry`'s width and height,
        computed without building the geometry for the common plain label."""
        label = node.label
        if (
            node.shape is Shape.DEFAULT
            and not node.markdown
            and "<" not in label
            and "&" not in label
        ):
            role = role_of(depth)
            parts_w, parts_h = self._row(self._parts(node, role))
            width = self.advance(label, role)
            if width <= self.max_text_width:
                return self._box(
                    Shape.DEFAULT,
                    role,
                    math.ceil(width) + parts_w,
                    max(self._line_height[role], parts_h),
                )
            lines = self._wrap_plain(label, role, self.max_text_width)
            if lines is not None:
                widest = math.ceil(max(line.width for line in lines))
                height = max(self._line_height[role] * len(lines), parts_h)
                return self._box(Shape.DEFAULT, role, widest + parts_w, height)
        geo = self.geometry(node, depth)
        return geo.width, geo.height

    def geometry(self, node: Node, depth: int, mirrored: bool = False) -> Geometry:
        """The measured geometry of ``node`` drawn at ``depth``; ``mirrored`` for the
        left side of a mind map (what faces the root moves to the right end)."""
        role = role_of(depth)
        parts = self._parts(node, role)
        key = (node.label, node.markdown, role, node.shape, parts, mirrored)
        cache = self._geometry
        geo = cache.get(key)
        if geo is None:
            geo = cache[key] = self._measure(node, role, parts, mirrored)
            if len(cache) > _CACHE_LIMIT:
                cache.popitem(last=False)
        return geo

    def _measure(self, node: Node, role: Role, parts: tuple[Part, ...], mirrored: bool) -> Geometry:
        shape = node.shape
        if shape is Shape.CIRCLE:
            full = self.text_block(node.label, node.markdown, role, 1e9)
            # wrap to a squarish block so the circle stays small
            target = math.sqrt(max(full.width, 1.0) * full.line_height) * 1.9
            wrap = max(90.0 * self.scale, min(self.max_text_width, target))
            block = self.text_block(node.label, node.markdown, role, wrap)
        else:
            block = self.text_block(node.label, node.markdown, role)
        parts_w, parts_h = self._row(parts)
        content_w = parts_w + block.width
        content_h = max(block.height, parts_h)
        w, h = self._box(shape, role, content_w, content_h)
        under = 1 if shape is Shape.DEFAULT and role is Role.NODE else 0
        x = (w - content_w) / 2
        y_content = (h - content_h) / 2 - under
        text_y = y_content + (content_h - block.height) / 2
        inner = [p for p in parts if p.place == "inner"]
        lead = [p for p in parts if p.place == "lead"]
        outer = [p for p in parts if p.place == "outer"]
        row: list[Part | None] = (
            [*reversed(outer), *lead, None, *reversed(inner)]
            if mirrored
            else [*inner, *lead, None, *outer]
        )
        placed: dict[str, tuple[float, float, float, float]] = {}
        text_x = x
        for part in row:
            if part is None:
                text_x = x
                x += block.width + self.gap
                continue
            if part.first_line:
                py = text_y + (block.line_height - part.h) / 2
            else:
                py = y_content + (content_h - part.h) / 2
            placed[part.key] = (x, py, part.w, part.h)
            x += part.w + self.gap
        return Geometry(w, h, text_x, text_y, block, placed)

    def _box(
        self, shape: Shape, role: Role, content_w: float, content_h: float
    ) -> tuple[float, float]:
        """The box around content of the given size, for ``shape`` drawn in ``role``."""
        s = self.scale
        if shape is Shape.CIRCLE:
            d = float(math.ceil(math.hypot(content_w, content_h) + 12 * s))
            return d, d
        pad_x, pad_y = _padding(shape, role, content_h, s)
        w = float(math.ceil(content_w + 2 * pad_x))
        h = float(math.ceil(content_h + 2 * pad_y))
        if shape is Shape.DEFAULT and role is Role.NODE:
            h += 2  # the underline
        return w, h


def _padding(shape: Shape, role: Role, content_h: float, s: float) -> tuple[float, float]:
    """Horizontal and vertical padding around the content for ``shape`` (at scale ``s``)."""
    if shape is Shape.DEFAULT:
        if role is Role.ROOT:
            return 18.0 * s, 12.0 * s
        if role is Role.BRANCH:
            return 11.0 * s, 6.0 * s
        return 4.0 * s, 3.0 * s
    if shape is Shape.HEXAGON:
        return content_h / 2 + 10.0 * s, 7.0 * s
    if shape in (Shape.BANG, Shape.CLOUD):
        return 20.0 * s, 14.0 * s
    return 11.0 * s, 7.0 * s
