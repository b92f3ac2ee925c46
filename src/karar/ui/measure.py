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
from enum import IntEnum
from typing import ClassVar, NamedTuple

from PySide6.QtGui import QFont, QFontMetricsF

from karar.core.labels import Run, paragraphs
from karar.core.model import Node, Shape

MAX_TEXT_WIDTH = 260.0
#: side of a node's checkbox per role (root, branch, node), and the gap after it
CHECK_SIZES = (16.0, 14.0, 13.0)
CHECK_GAP = 6.0
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


def role_of(depth: int) -> Role:
    """The role of a node at ``depth``."""
    return Role(min(depth, 2))


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


class Geometry(NamedTuple):
    """A node's measured size and where its parts go, relative to the node's top-left.

    The content runs left to right: checkbox, icon, text. Nodes on the left of a mind map
    draw it mirrored (see :meth:`mirrored`) so the checkbox faces the root there too.

    Attributes:
        width, height: The node's box (what the layout places).
        text_x, text_y: Top-left of the text block.
        block: The wrapped text.
        icon_x, icon_y, icon_size: Where the icon goes (icon_size 0: no icon).
        check_x, check_y, check_size: The checkbox's square.
    """

    width: float
    height: float
    text_x: float
    text_y: float
    block: TextBlock
    icon_x: float
    icon_y: float
    icon_size: float
    check_x: float
    check_y: float
    check_size: float

    def mirrored(self) -> Geometry:
        """The same content with the checkbox at the right end: icon and text move left by
        the checkbox and its gap."""
        shift = self.check_size + CHECK_GAP
        return self._replace(
            text_x=self.text_x - shift,
            icon_x=self.icon_x - shift,
            check_x=self.width - self.check_x - self.check_size,
        )


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
    font.setPixelSize(round(pixel_size))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class Measurer:
    """Measures labels and sizes nodes for one set of fonts, with caches.

    Args:
        max_text_width: Width at which labels wrap.
    """

    ROLE_FONTS: ClassVar[dict[Role, tuple[float, QFont.Weight]]] = {
        Role.ROOT: (18.0, QFont.Weight.Bold),
        Role.BRANCH: (14.0, QFont.Weight.DemiBold),
        Role.NODE: (13.0, QFont.Weight.Normal),
    }
    COUNT_FONT = (10.5, QFont.Weight.DemiBold)

    def __init__(self, max_text_width: float = MAX_TEXT_WIDTH) -> None:
        self.max_text_width = max_text_width
        #: fonts[role][style] with style bit 1 = bold, bit 2 = italic
        self.fonts: dict[Role, tuple[QFont, QFont, QFont, QFont]] = {}
        self._metrics: dict[tuple[Role, int], QFontMetricsF] = {}
        self._advances: dict[tuple[Role, int], _Advances] = {}
        for role, (size, weight) in self.ROLE_FONTS.items():
            variants = []
            for style in range(4):
                bold = QFont.Weight.Bold if weight < QFont.Weight.DemiBold else QFont.Weight.Black
                f = make_font(size, bold if style & 1 else weight)
                f.setItalic(bool(style & 2))
                variants.append(f)
                metrics = QFontMetricsF(f)
                self._metrics[role, style] = metrics
                self._advances[role, style] = _Advances(metrics)
            self.fonts[role] = (variants[0], variants[1], variants[2], variants[3])
        self.count_font = make_font(*self.COUNT_FONT)
        self._count_advances = _Advances(QFontMetricsF(self.count_font))
        # bounded: a 100,000-node map has as many distinct labels, and only the few
        # hundred near the viewport need their full geometry at any time
        self._blocks: dict[tuple[str, bool, Role, float], TextBlock] = {}
        self._geometry: OrderedDict[tuple[str, bool, Role, Shape, bool], Geometry] = OrderedDict()
        self._line_height = {role: self._metrics[role, 0].lineSpacing() for role in Role}

    # ------------------------------------------------------------------ text

    def advance(self, text: str, role: Role, style: int = 0) -> float:
        """Width of ``text`` in the font of ``role`` and ``style``."""
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
            if len(para) == 1 and not para[0].bold and not para[0].italic:
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
            style = (1 if run.bold else 0) | (2 if run.italic else 0)
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

    def size(self, node: Node, depth: int) -> tuple[float, float]:
        """The box size of ``node`` at ``depth``: :meth:`geometry`'s width and height,
        computed without building the geometry for the common one-line plain label."""
        label = node.label
        plain = node.shape is Shape.DEFAULT and node.icon is None and not node.markdown
        if plain and "<" not in label and "\n" not in label:
            role = role_of(depth)
            check = CHECK_SIZES[role]
            width = self.advance(label, role)
            if width <= self.max_text_width:
                return _box(
                    Shape.DEFAULT,
                    role,
                    math.ceil(width) + check + CHECK_GAP,
                    max(self._line_height[role], check),
                )
            lines = self._wrap_plain(label, role, self.max_text_width)
            if lines is not None:
                widest = math.ceil(max(line.width for line in lines))
                height = max(self._line_height[role] * len(lines), check)
                return _box(Shape.DEFAULT, role, widest + check + CHECK_GAP, height)
        geo = self.geometry(node, depth)
        return geo.width, geo.height

    def geometry(self, node: Node, depth: int) -> Geometry:
        """The measured geometry of ``node`` drawn at ``depth``."""
        role = role_of(depth)
        key = (node.label, node.markdown, role, node.shape, node.icon is not None)
        cache = self._geometry
        geo = cache.get(key)
        if geo is None:
            geo = cache[key] = self._measure(node, role)
            if len(cache) > _CACHE_LIMIT:
                cache.popitem(last=False)
        return geo

    def _measure(self, node: Node, role: Role) -> Geometry:
        shape = node.shape
        if shape is Shape.CIRCLE:
            full = self.text_block(node.label, node.markdown, role, 1e9)
            # wrap to a squarish block so the circle stays small
            target = math.sqrt(max(full.width, 1.0) * full.line_height) * 1.9
            wrap = max(90.0, min(self.max_text_width, target))
            block = self.text_block(node.label, node.markdown, role, wrap)
        else:
            block = self.text_block(node.label, node.markdown, role)
        icon = 0.0
        if node.icon is not None:
            icon = {Role.ROOT: 22.0, Role.BRANCH: 18.0, Role.NODE: 16.0}[role]
        gap = 6.0 if icon else 0.0
        check = CHECK_SIZES[role]
        content_w = check + CHECK_GAP + icon + gap + block.width
        content_h = max(block.height, icon, check)
        w, h = _box(shape, role, content_w, content_h)
        under = 1 if shape is Shape.DEFAULT and role is Role.NODE else 0
        x0 = (w - content_w) / 2
        y_content = (h - content_h) / 2 - under
        text_y = y_content + (content_h - block.height) / 2
        if shape is Shape.DEFAULT and role is not Role.ROOT:
            # a paragraph: the box sits at its first line, like a list's bullet
            check_y = text_y + (block.line_height - check) / 2
        else:
            check_y = y_content + (content_h - check) / 2
        return Geometry(
            width=w,
            height=h,
            text_x=x0 + check + CHECK_GAP + icon + gap,
            text_y=text_y,
            block=block,
            icon_x=x0 + check + CHECK_GAP,
            icon_y=y_content + (content_h - icon) / 2,
            icon_size=icon,
            check_x=x0,
            check_y=check_y,
            check_size=check,
        )


def _box(shape: Shape, role: Role, content_w: float, content_h: float) -> tuple[float, float]:
    """The box around content of the given size, for ``shape`` drawn in ``role``."""
    if shape is Shape.CIRCLE:
        d = float(math.ceil(math.hypot(content_w, content_h) + 2 * 6))
        return d, d
    pad_x, pad_y = _padding(shape, role, content_h)
    w = float(math.ceil(content_w + 2 * pad_x))
    h = float(math.ceil(content_h + 2 * pad_y))
    if shape is Shape.DEFAULT and role is Role.NODE:
        h += 2  # the underline
    return w, h


def _padding(shape: Shape, role: Role, content_h: float) -> tuple[float, float]:
    """Horizontal and vertical padding around the content for ``shape``."""
    if shape is Shape.DEFAULT:
        if role is Role.ROOT:
            return 18.0, 12.0
        if role is Role.BRANCH:
            return 11.0, 6.0
        return 4.0, 3.0
    if shape is Shape.HEXAGON:
        return content_h / 2 + 10.0, 7.0
    if shape in (Shape.BANG, Shape.CLOUD):
        return 20.0, 14.0
    return 11.0, 7.0
