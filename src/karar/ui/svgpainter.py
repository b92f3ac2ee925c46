"""A painter that writes SVG: the part of the :class:`QPainter` API the node decorations
(:mod:`karar.ui.decorations`) and the edge painter (:mod:`karar.ui.edges`) call, each call
one compact SVG element.

The SVG export draws the map with the same paint code as the canvas, through this painter
instead of a :class:`QGraphicsScene` rendered into :class:`QSvgGenerator` (which took most of
a big map's export and wrote a ``<g>`` with every state for each element, empty ones
included). Styles shared by many elements become CSS classes, numbers are rounded to
0.01 px, and the characters of each font face are gathered as the labels are written (for
:mod:`karar.core.svgfonts`). Labels stay ``<text>``, sized in pixels.

Duck-typed: the decorations and the edge painter take a ``QPainter``; what they call on it
is implemented here, and :mod:`karar.ui.svgexport` passes this painter in its place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from karar.core.svgfonts import Face
from karar.ui.icons import draw_icon, resolve

_CAPS = {
    Qt.PenCapStyle.FlatCap: "butt",
    Qt.PenCapStyle.SquareCap: "square",
    Qt.PenCapStyle.RoundCap: "round",
}
_JOINS = {
    Qt.PenJoinStyle.MiterJoin: "miter",
    Qt.PenJoinStyle.SvgMiterJoin: "miter",
    Qt.PenJoinStyle.BevelJoin: "bevel",
    Qt.PenJoinStyle.RoundJoin: "round",
}
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_NO_BRUSH_BRUSH = QBrush()
_H_CENTRE = Qt.AlignmentFlag.AlignHCenter.value
_RIGHT = Qt.AlignmentFlag.AlignRight.value
_V_CENTRE = Qt.AlignmentFlag.AlignVCenter.value
_BOTTOM = Qt.AlignmentFlag.AlignBottom.value
#: characters XML 1.0 does not allow in a document (a label cannot carry them into an SVG)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_IDENTITY = (1.0, 0.0, 0.0, 1.0)
#: the element counts of the paths QPainterPath.addRoundedRect, addEllipse and addRect make
_PRIMITIVES = (17, 13, 5)


def num(v: float) -> str:
    """``v`` rounded to 0.01, without trailing zeros ("12", "0.5", "-3.25")."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def _colour(c: QColor) -> tuple[str, float]:
    """A colour as ``#rrggbb`` and its alpha (0–1)."""
    return c.name(), c.alphaF()


def _paint(prop: str, colour: QColor) -> str:
    name, alpha = _colour(colour)
    if alpha >= 1.0:
        return f"{prop}:{name}"
    return f"{prop}:{name};{prop}-opacity:{num(alpha)}"


def _pen_css(pen: QPen) -> str:
    """The stroke of ``pen`` as CSS (Qt's defaults, square caps and bevel joins, unsaid)."""
    if pen.style() == _NO_PEN:
        return "stroke:none"
    width = pen.widthF() or 1.0  # a cosmetic pen: one pixel at scale 1
    css = f"{_paint('stroke', pen.color())};stroke-width:{num(width)}"
    cap = _CAPS.get(pen.capStyle(), "square")
    join = _JOINS.get(pen.joinStyle(), "bevel")
    if cap != "square":
        css += f";stroke-linecap:{cap}"
    if join != "bevel":
        css += f";stroke-linejoin:{join}"
        if join == "miter":
            css += f";stroke-miterlimit:{num(pen.miterLimit())}"
    return css


class _Font:
    """What an SVG label needs to know of a :class:`QFont`: its CSS, face and metrics."""

    __slots__ = ("ascent", "css", "face", "font", "height", "metrics", "weight")

    def __init__(self, font: QFont) -> None:
        self.font = font  # kept alive: its id keys the painter's cache
        families = ",".join(
            f'"{f}"' if " " in f else f for f in (font.families() or [font.family()])
        )
        size = font.pixelSize()
        px = float(size) if size > 0 else font.pointSizeF() * 96 / 72
        self.css = f"font-family:{families};font-size:{num(px)}px"
        weight = int(font.weight().value)
        self.weight = f' font-weight="{weight}"' if weight != 400 else ""
        if font.italic():
            self.weight += ' font-style="italic"'
        self.face: Face = (weight >= 600, font.italic())
        self.metrics = QFontMetricsF(font)
        self.ascent = self.metrics.ascent()
        self.height = self.metrics.height()


class SvgPainter:
    """Paints into a list of SVG elements, as a :class:`QPainter` would paint into a device.

    Pens, brushes, fonts, opacity and translations (rotations too, as a ``transform``)
    apply as in Qt; render hints are ignored (a viewer antialiases). The picture is
    :meth:`elements`, with :meth:`style_sheet` and :meth:`definitions` for its head.

    Args:
        dx, dy: Where the origin is (the picture's top-left is at (-dx, -dy) in scene
            coordinates: pass the source rect's negated corner).
    """

    def __init__(self, dx: float = 0.0, dy: float = 0.0) -> None:
        self._out: list[str] = []
        self._classes: dict[str, str] = {}
        self._fonts: dict[int, _Font] = {}
        self._icons: dict[tuple[str, str], str] = {}
        self._defs: list[str] = []
        #: the characters drawn in each face, by (bold, italic)
        self.characters: dict[Face, set[str]] = {}
        self._pens: dict[tuple[int, float], list[tuple[QPen, str]]] = {}
        self._fills: dict[int, str] = {}
        self._pen = QPen(QColor("#000000"))
        self._stroke = _pen_css(self._pen)
        self._ink = ""  # the text fill of the pen (made at the first text)
        self._brush: QBrush | QColor = QBrush()
        self._fill = "fill:none"
        self._font_state: _Font | None = None
        self._opacity = 1.0
        self._linear = _IDENTITY
        self._tx, self._ty = dx, dy
        self._stack: list[tuple[Any, ...]] = []

    # ------------------------------------------------------------------ state

    def _pen_css(self, pen: QPen) -> str:
        """The stroke CSS of ``pen``; asked of few pens (Qt's enum getters cost most)."""
        colour = pen.color()
        # a pen is found by its colour and width, then told from the others by ==
        key = (colour.rgba(), pen.widthF())
        known = self._pens.get(key)
        if known is None:
            known = self._pens[key] = []
        for other, css in known:
            if other == pen:
                return css
        css = _pen_css(pen)
        known.append((QPen(pen), css))
        return css

    def setPen(self, pen: QPen | QColor | Qt.PenStyle) -> None:
        if pen is self._pen:
            return
        if not isinstance(pen, QPen):
            pen = QPen(pen)
        self._pen = pen
        self._stroke = self._pen_css(pen)
        self._ink = ""

    def pen(self) -> QPen:
        return self._pen

    def setBrush(self, brush: QBrush | QColor | Qt.BrushStyle | Qt.GlobalColor) -> None:
        if isinstance(brush, QColor):
            self._brush = brush
            self._fill = self._fill_css(brush)
            return
        if brush is _NO_BRUSH:
            self._brush = _NO_BRUSH_BRUSH
            self._fill = "fill:none"
            return
        if not isinstance(brush, QBrush):
            brush = QBrush(brush)
        self._brush = brush
        self._fill = "fill:none" if brush.style() == _NO_BRUSH else self._fill_css(brush.color())

    def _fill_css(self, colour: QColor) -> str:
        key = colour.rgba()
        css = self._fills.get(key)
        if css is None:
            css = self._fills[key] = _paint("fill", colour)
        return css

    def brush(self) -> QBrush:
        return QBrush(self._brush)

    def setFont(self, font: QFont) -> None:
        known = self._fonts.get(id(font))
        if known is None or known.font is not font:
            known = self._fonts[id(font)] = _Font(font)
        self._font_state = known

    def font(self) -> QFont:
        return self._current_font().font

    def _current_font(self) -> _Font:
        if self._font_state is None:
            self._font_state = _Font(QFont())  # QPainter's default: the application's
        return self._font_state

    def setOpacity(self, opacity: float) -> None:
        self._opacity = max(0.0, min(1.0, opacity))

    def opacity(self) -> float:
        return self._opacity

    def setRenderHint(self, hint: QPainter.RenderHint, on: bool = True) -> None:
        """Ignored: the viewer antialiases."""

    def setRenderHints(self, hints: QPainter.RenderHint, on: bool = True) -> None:
        """Ignored: the viewer antialiases."""

    def save(self) -> None:
        self._stack.append(
            (
                self._pen,
                self._stroke,
                self._brush,
                self._fill,
                self._font_state,
                self._ink,
                self._opacity,
                self._linear,
                self._tx,
                self._ty,
            )
        )

    def restore(self) -> None:
        (
            self._pen,
            self._stroke,
            self._brush,
            self._fill,
            self._font_state,
            self._ink,
            self._opacity,
            self._linear,
            self._tx,
            self._ty,
        ) = self._stack.pop()

    def translate(self, by: float | QPointF, dy: float = 0.0) -> None:
        if isinstance(by, QPointF):
            dx, dy = by.x(), by.y()
        else:
            dx = by
        a, b, c, d = self._linear
        self._tx += a * dx + c * dy
        self._ty += b * dx + d * dy

    def rotate(self, degrees: float) -> None:
        from math import cos, radians, sin

        r = radians(degrees)
        co, si = cos(r), sin(r)
        a, b, c, d = self._linear
        self._linear = (a * co + c * si, b * co + d * si, c * co - a * si, d * co - b * si)

    # ------------------------------------------------------------------ output

    def _cls(self, css: str) -> str:
        """The class of elements drawn in ``css`` (and the current opacity)."""
        if self._opacity < 1.0:
            css = f"{css};opacity:{num(self._opacity)}" if css else f"opacity:{num(self._opacity)}"
        return self._name(css)

    def _name(self, css: str) -> str:
        """The class of ``css``, ``s0``, ``s1`` … in the order they are first used."""
        name = self._classes.get(css)
        if name is None:
            name = self._classes[css] = f"s{len(self._classes)}"
        return name

    def _shape(self, tag: str, attrs: str) -> None:
        """One shape in the current pen and brush, at ``attrs`` in local coordinates."""
        stroke, fill = self._stroke, self._fill
        if stroke == "stroke:none" and fill == "fill:none":
            return
        cls = self._cls(f"{fill};{stroke}")
        attrs = attrs.replace(".00", "")  # "%.2f" numbers only: ".00" ends one
        if self._linear is _IDENTITY:
            self._out.append(f'<{tag} class="{cls}" {attrs}/>')
        else:
            self._out.append(f'<{tag} class="{cls}" transform="{self._matrix()}" {attrs}/>')

    def _matrix(self) -> str:
        a, b, c, d = self._linear
        return f"matrix({num(a)} {num(b)} {num(c)} {num(d)} {num(self._tx)} {num(self._ty)})"

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        """Where local (x, y) is written: moved by the translation, unless a rotation
        makes the element carry the whole transform."""
        if self._linear is _IDENTITY:
            return x + self._tx, y + self._ty
        return x, y

    # ------------------------------------------------------------------ drawing

    def drawRect(self, rect: QRectF) -> None:
        x, y = self._xy(rect.x(), rect.y())
        self._shape(
            "rect",
            f'x="{x:.2f}" y="{y:.2f}" width="{rect.width():.2f}" height="{rect.height():.2f}"',
        )

    def drawRects(self, rects: Sequence[QRectF]) -> None:
        for rect in rects:
            self.drawRect(rect)

    def fillRect(self, rect: QRectF, colour: QColor | QBrush) -> None:
        self.save()
        self.setPen(_NO_PEN)
        self.setBrush(colour)
        self.drawRect(rect)
        self.restore()

    def drawRoundedRect(self, rect: QRectF, rx: float, ry: float) -> None:
        x, y = self._xy(rect.x(), rect.y())
        w, h = rect.width(), rect.height()
        rx, ry = min(rx, w / 2), min(ry, h / 2)
        self._shape(
            "rect",
            f'x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" rx="{rx:.2f}" ry="{ry:.2f}"',
        )

    def drawEllipse(self, centre: QPointF | QRectF, rx: float = 0.0, ry: float = 0.0) -> None:
        if isinstance(centre, QRectF):
            rx, ry = centre.width() / 2, centre.height() / 2
            centre = centre.center()
        x, y = self._xy(centre.x(), centre.y())
        self._shape("ellipse", f'cx="{x:.2f}" cy="{y:.2f}" rx="{rx:.2f}" ry="{ry:.2f}"')

    def drawLine(self, a: QPointF, b: QPointF) -> None:
        if self._stroke == "stroke:none":
            return
        x1, y1 = self._xy(a.x(), a.y())
        x2, y2 = self._xy(b.x(), b.y())
        fill, self._fill = self._fill, "fill:none"
        self._shape("path", f'd="M{x1:.2f} {y1:.2f}L{x2:.2f} {y2:.2f}"')
        self._fill = fill

    def drawPath(self, path: QPainterPath) -> None:
        n = path.elementCount()
        if n in _PRIMITIVES and self._primitive(path, n):
            return
        d = self._path_data(path)
        if not d:
            return
        if self._fill != "fill:none" and path.fillRule() == Qt.FillRule.WindingFill:
            self._shape("path", f'fill-rule="nonzero" d="{d}"')
        else:
            self._shape("path", f'd="{d}"')

    def _primitive(self, path: QPainterPath, n: int) -> bool:
        """Draw ``path`` as the rounded rect, ellipse or rect it is, if it is exactly one
        (the shape of most nodes: shorter to write, and to read, than its curves)."""
        bounds = path.boundingRect()
        same = QPainterPath()
        if n == 17:
            first, corner = path.elementAt(0), path.elementAt(3)
            rx, ry = corner.x - bounds.x(), first.y - bounds.y()
            same.addRoundedRect(bounds, rx, ry)
            if same == path:
                self.drawRoundedRect(bounds, rx, ry)
                return True
        elif n == 13:
            same.addEllipse(bounds)
            if same == path:
                self.drawEllipse(bounds)
                return True
        else:
            same.addRect(bounds)
            if same == path:
                self.drawRect(bounds)
                return True
        return False

    def _path_data(self, path: QPainterPath) -> str:
        """``path`` as SVG path data; a subpath ending where it began is closed (as Qt
        strokes it: joined, not capped)."""
        tx, ty = (self._tx, self._ty) if self._linear is _IDENTITY else (0.0, 0.0)
        n = path.elementCount()
        at = path.elementAt
        if n == 4:  # one curve (an edge): the common case, in one go
            a, b, c, d = at(0), at(1), at(2), at(3)
            if a.isMoveTo() and b.isCurveTo():
                return (
                    f"M{a.x + tx:.2f} {a.y + ty:.2f}C{b.x + tx:.2f} {b.y + ty:.2f} "
                    f"{c.x + tx:.2f} {c.y + ty:.2f} {d.x + tx:.2f} {d.y + ty:.2f}"
                )
        parts: list[str] = []
        i = 0
        start = (0.0, 0.0)
        last = (0.0, 0.0)
        open_ = False
        while i < n:
            e = at(i)
            if e.isMoveTo():
                if open_ and last == start:
                    parts.append("Z")
                start = last = (e.x, e.y)
                parts.append(f"M{e.x + tx:.2f} {e.y + ty:.2f}")
                open_ = False
            elif e.isLineTo():
                last = (e.x, e.y)
                parts.append(f"L{e.x + tx:.2f} {e.y + ty:.2f}")
                open_ = True
            else:  # a curve: this element and the two after it
                c2, end = at(i + 1), at(i + 2)
                last = (end.x, end.y)
                parts.append(
                    f"C{e.x + tx:.2f} {e.y + ty:.2f} {c2.x + tx:.2f} {c2.y + ty:.2f} "
                    f"{end.x + tx:.2f} {end.y + ty:.2f}"
                )
                open_ = True
                i += 2
            i += 1
        if open_ and last == start:
            parts.append("Z")
        return "".join(parts)

    def _text(self, x: float, baseline: float, text: str, anchor: str = "") -> None:
        if not text or self._pen.style() == _NO_PEN:
            return
        font = self._current_font()
        self.characters.setdefault(font.face, set()).update(text)
        if not self._ink:
            self._ink = self._fill_css(self._pen.color())
        cls = self._cls(f"{self._ink};{font.css}")
        x, y = self._xy(x, baseline)
        body = text
        if "&" in body or "<" in body or ">" in body:
            body = html.escape(body, quote=False)
        if not body.isprintable():
            body = _NOT_XML.sub("", body)
        where = f'x="{x:.2f}" y="{y:.2f}"'.replace(".00", "")
        if self._linear is not _IDENTITY:
            where = f'transform="{self._matrix()}" {where}'
        self._out.append(f'<text class="{cls}"{font.weight}{anchor} {where}>{body}</text>')

    def drawStaticText(self, at: QPointF, text: Any) -> None:
        """Draw a :class:`QStaticText` (or a str) with its top-left at ``at``."""
        text = text if isinstance(text, str) else text.text()
        self._text(at.x(), at.y() + self._current_font().ascent, text)

    def drawText(self, rect: QRectF, flags: Any, text: str) -> None:
        """Draw one line of ``text`` aligned in ``rect`` (``flags``: Qt's alignment)."""
        value = flags.value if hasattr(flags, "value") else int(flags)
        font = self._current_font()
        if value & _V_CENTRE:
            top = rect.top() + (rect.height() - font.height) / 2
        elif value & _BOTTOM:
            top = rect.bottom() - font.height
        else:
            top = rect.top()
        if value & _H_CENTRE:
            self._text(rect.center().x(), top + font.ascent, text, ' text-anchor="middle"')
        elif value & _RIGHT:
            self._text(rect.right(), top + font.ascent, text, ' text-anchor="end"')
        else:
            self._text(rect.left(), top + font.ascent, text)

    def draw_icon(self, icon: str, rect: QRectF, colour: QColor) -> None:
        """Draw the shipped icon for ``icon`` in ``rect`` as :func:`karar.ui.icons.draw_icon`
        does: its SVG, once in the picture's definitions, placed with ``<use>``."""
        name = resolve(icon)
        if name is None:
            draw_icon(self, icon, rect, colour)  # type: ignore[arg-type]  # its fallback mark
            return
        ref = self._icon_ref((name, colour.name()))
        vx, vy, vw, vh = _icon_source(name)[2]
        sx, sy = rect.width() / vw, rect.height() / vh
        x, y = self._xy(rect.x(), rect.y())
        matrix = f"matrix({num(sx)} 0 0 {num(sy)} {num(x - vx * sx)} {num(y - vy * sy)})"
        if self._linear is not _IDENTITY:
            matrix = f"{self._matrix()} {matrix}"
        style = f' class="{self._cls("")}"' if self._opacity < 1.0 else ""
        self._out.append(f'<use{style} xlink:href="#{ref}" transform="{matrix}"/>')

    def _icon_ref(self, key: tuple[str, str]) -> str:
        """The id of the shipped icon ``key[0]`` in colour ``key[1]`` (``#rrggbb``) in the
        picture's definitions, ``i0``, ``i1`` … in the order they are first used."""
        ref = self._icons.get(key)
        if ref is None:
            ref = self._icons[key] = f"i{len(self._icons)}"
            name, colour = key
            attrs, content, _ = _icon_source(name)
            self._defs.append(
                f'<g id="{ref}"{attrs.replace("#000000", colour)}>'
                f"{content.replace('#000000', colour)}</g>"
            )
        return ref

    # ------------------------------------------------------------------ parts

    def part(self, spans: Mapping[int, tuple[int, int]]) -> Part:
        """What this painter drew between the element indices ``spans`` gives for each
        chunk, for :meth:`absorb` into another painter (picklable: it may be another
        process's)."""
        out = self._out
        return Part(
            {chunk: "\n".join(out[start:end]) for chunk, (start, end) in spans.items()},
            list(self._classes),
            list(self._icons),
            {face: set(chars) for face, chars in self.characters.items()},
        )

    def absorb(self, part: Part, chunks: Iterable[int]) -> None:
        """Append ``chunks`` of ``part``, in that order, as if this painter had drawn them:
        their classes and icons take this painter's names, new ones numbered on in the
        order they are first used, so the picture is the one a single painter draws."""
        classes, icons = part.classes, part.icons

        def rename(found: re.Match[str]) -> str:
            tag, cls, ref = found.groups()
            names = []
            if cls is not None:
                names.append(f'class="{self._name(classes[int(cls)])}"')
            if ref is not None:
                names.append(f'xlink:href="#{self._icon_ref(icons[int(ref)])}"')
            return f"<{tag} {' '.join(names)}"

        for chunk in chunks:
            text = part.texts.get(chunk, "")
            if text:
                self._out.append(_NAMES.sub(rename, text))
        for face, chars in part.characters.items():
            self.characters.setdefault(face, set()).update(chars)

    # ------------------------------------------------------------------ result

    def elements(self) -> list[str]:
        """What was drawn, element by element (the list itself: it is not copied)."""
        return self._out

    def style_sheet(self) -> str:
        """The CSS rules of the classes the elements use."""
        rules = ["path{fill-rule:evenodd}"]
        rules += [f".{name}{{{css}}}" for css, name in self._classes.items()]
        return "\n".join(rules)

    def definitions(self) -> str:
        """The picture's ``<defs>`` content besides the style sheet (the icons it uses)."""
        return "".join(self._defs)


class Part(NamedTuple):
    """Chunks of a picture one :class:`SvgPainter` drew, for another to :meth:`absorb
    <SvgPainter.absorb>`: each chunk's elements, and the styles and icons they name by
    index (``s3`` is ``classes[3]``, ``i1`` is ``icons[1]``)."""

    texts: dict[int, str]
    classes: list[str]
    icons: list[tuple[str, str]]
    characters: dict[Face, set[str]]


#: the names an element gives (its class, an icon's reference), right after its tag: a
#: "<" in a label is written "&lt;", so "<tag " starts an element and nothing else
_NAMES = re.compile(r'<(\w+) (?:class="s(\d+)")?(?: ?xlink:href="#i(\d+)")?')

_ICON_ROOT = re.compile(r"<svg\b([^>]*)>(.*)</svg>", re.S)
_VIEWBOX = re.compile(r'\s*viewBox="([^"]*)"')
_XMLNS = re.compile(r'\s*xmlns(?::\w+)?="[^"]*"')


@lru_cache(maxsize=64)
def _icon_source(name: str) -> tuple[str, str, tuple[float, float, float, float]]:
    """A shipped icon's root attributes (as a group's, without its namespace and viewBox),
    its content, and its viewBox."""
    data = (resources.files("karar.resources") / "icons" / f"{name}.svg").read_text("utf-8")
    match = _ICON_ROOT.search(data)
    if match is None:
        return "", "", (0.0, 0.0, 24.0, 24.0)
    attrs, content = match.groups()
    box = _VIEWBOX.search(attrs)
    parts = box.group(1).replace(",", " ").split() if box is not None else []
    view = tuple(float(p) for p in parts) if len(parts) == 4 else (0.0, 0.0, 24.0, 24.0)
    attrs = _XMLNS.sub("", _VIEWBOX.sub("", attrs))
    attrs = re.sub(r'\s(?:width|height)="[^"]*"', "", attrs)  # not stroke-width
    return attrs, content.strip(), view  # type: ignore[return-value]


__all__ = ["Part", "SvgPainter", "num"]
