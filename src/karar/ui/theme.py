"""Themes: the colours of the map and of the widgets around it.

Three themes — light, dark and high contrast — each with a palette of 12 branch colours
that stay apart for colour-blind viewers (built from Okabe–Ito and Paul Tol's qualitative
sets, ordered so neighbouring branches differ in hue *and* lightness). The built-in map has
33 first-level branches: the colours cycle. ``None`` as a theme name follows the OS colour
scheme.

Widgets get borders that stand out from what they sit on: :func:`outline_colour` picks a
border colour at least 3:1 against the window and the field colours (WCAG 2.1 non-text
contrast), which the style's own borders (Fusion derives them from the window colour, so
on black they are black) do not promise.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEME_NAMES = ("light", "dark", "contrast")

NON_TEXT_CONTRAST = 3.0
"""WCAG 2.1's least contrast for a control's border against what is next to it (1.4.11)."""

_HIGH_CONTRAST = 20.0

# Okabe–Ito (blue, vermillion, bluish green, reddish purple, orange, sky blue) interleaved
# with Tol's muted set (indigo, green, wine, olive, teal, purple): dark/light and warm/cool
# alternate, so two neighbouring branches never look alike even without red–green vision.
_LIGHT_BRANCHES = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#AA4499",
    "#E69F00",
    "#332288",
    "#44AA99",
    "#882255",
    "#56B4E9",
    "#117733",
    "#CC79A7",
    "#999933",
)
# The same hues lifted for a dark background.
_DARK_BRANCHES = (
    "#56B4E9",
    "#FF8C42",
    "#2DD4A7",
    "#D884C8",
    "#F0C020",
    "#9A8CFF",
    "#66CCBB",
    "#E8708F",
    "#8FD3FF",
    "#7FC97F",
    "#F4A6D0",
    "#C8C860",
)
# Saturated, light-on-black, fewer near neighbours: contrast first.
_CONTRAST_BRANCHES = (
    "#00B7FF",
    "#FF8000",
    "#00FF9C",
    "#FF66FF",
    "#FFE600",
    "#A0A0FF",
    "#00FFFF",
    "#FF5C7A",
    "#C0FF00",
    "#FFB0D0",
    "#FFFFFF",
    "#FFC080",
)


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours and stroke widths of one theme.

    Attributes:
        name: ``light``, ``dark`` or ``contrast``.
        dark: True when the background is dark (widgets get a dark palette).
        background: Scene background.
        text: Label text.
        muted: Secondary text (counts, the status bar's quieter parts).
        root_fill: Fill of the root node.
        root_text: Text on the root node.
        node_fill: Fill of boxed shapes below the first level.
        branches: Branch colours, cycled by first-level branch index.
        selection: Outline of the selected node.
        match: Highlight behind search matches.
        current_match: Highlight of the current search match.
        edge_width: Width of edges at the first level; deeper edges get thinner.
        tint: Alpha (0–255) of a branch colour laid over the background as a node's fill.
        checked_tint: The same for a checked node: clearly stronger than ``tint``, so a
            decision stands out (with its ticked box and bolder outline) in every theme.
        considering: The amber of a node under consideration (its outline and its "?"
            mark), at least 3:1 against ``background`` (WCAG non-text contrast).
        rejected_fill: The muted fill of a rejected node (its label is struck through and
            its mark is a cross: the fill is the third cue, not the only one).
        heat: The colour of votes (a tally's chips and the tint of voted nodes): one hue
            whose strength grows with the share of votes, so it reads by lightness alone
            (colour-blind safe), a crimson apart from the branch colours' orange and
            purple and from the amber of consideration.
    """

    name: str
    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    root_fill: QColor
    root_text: QColor
    node_fill: QColor
    branches: tuple[QColor, ...]
    selection: QColor
    match: QColor
    current_match: QColor
    edge_width: float
    tint: int
    checked_tint: int
    considering: QColor
    rejected_fill: QColor
    heat: QColor

    def branch(self, index: int) -> QColor:
        """Colour of first-level branch ``index`` (cycles; -1, the root, gets the text colour)."""
        if index < 0:
            return self.text
        return self.branches[index % len(self.branches)]

    def tinted(self, index: int) -> QColor:
        """A branch's colour laid over the background, opaque (cheap to paint)."""
        return blend(self.background, self.branch(index), self.tint / 255)

    def checked_fill(self, index: int) -> QColor:
        """The fill of a checked node of branch ``index`` (the root: its own fill)."""
        if index < 0:
            return self.root_fill
        return blend(self.background, self.branch(index), self.checked_tint / 255)


#: the strength of a vote's heat at no votes and at everyone's: chips (on the background;
#: the contrast theme stops short of its bright crimson, so white numbers keep 7:1) and the
#: tint of a voted node's fill, which stays light enough for its label
HEAT_CHIP = {"light": (0.28, 1.0), "dark": (0.28, 1.0), "contrast": (0.25, 0.6)}
HEAT_TINT = {"light": (0.12, 0.54), "dark": (0.12, 0.4), "contrast": (0.12, 0.54)}


def heat_chip(theme: Theme, share: float) -> QColor:
    """The fill of a vote chip for ``share`` (0 to 1) of the participants' votes."""
    lo, hi = HEAT_CHIP.get(theme.name, (0.28, 1.0))
    return blend(theme.background, theme.heat, lo + (hi - lo) * max(0.0, min(1.0, share)))


def heat_tint(theme: Theme, under: QColor, share: float) -> QColor:
    """A voted node's fill: ``under`` (its usual fill) warmed by ``share`` of the votes."""
    lo, hi = HEAT_TINT.get(theme.name, (0.12, 0.4))
    return blend(under, theme.heat, lo + (hi - lo) * max(0.0, min(1.0, share)))


def blend(under: QColor, over: QColor, alpha: float) -> QColor:
    """``over`` at opacity ``alpha`` composited on ``under``, as an opaque colour."""
    a = max(0.0, min(1.0, alpha))
    return QColor(
        round(under.red() + (over.red() - under.red()) * a),
        round(under.green() + (over.green() - under.green()) * a),
        round(under.blue() + (over.blue() - under.blue()) * a),
    )


def relative_luminance(colour: QColor) -> float:
    """The WCAG relative luminance of an opaque colour: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, from 1 (equal) to 21 (black and white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def ink_on(fill: QColor, *inks: QColor) -> QColor:
    """Of ``inks``, the one that reads best on ``fill`` (the highest contrast)."""
    return max(inks, key=lambda ink: contrast_ratio(ink, fill))


def outline_colour(palette: QPalette, minimum: float = NON_TEXT_CONTRAST) -> QColor:
    """The colour for the border of a text field or a check box on ``palette``.

    The border sits between the window colour (outside) and the field colour (``Base``,
    inside), so it is the palette's window colour blended towards its text colour just far
    enough to stand ``minimum``:1 from both: quiet, but visible. On a high-contrast palette
    (window and text at least 20:1, e.g. white on black) it is the text colour itself, as
    high-contrast desktop themes draw their borders.
    """
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.WindowText)
    if contrast_ratio(window, ink) >= _HIGH_CONTRAST:
        return QColor(ink)
    best, best_ratio = QColor(ink), 0.0
    for step in range(1, 101):
        colour = blend(window, ink, step / 100)
        ratio = min(contrast_ratio(colour, window), contrast_ratio(colour, base))
        if ratio >= minimum:
            return colour
        if ratio > best_ratio:
            best, best_ratio = colour, ratio
    return best  # nothing reaches ``minimum`` from both sides: the closest there is


def focus_outline_colour(palette: QPalette, minimum: float = NON_TEXT_CONTRAST) -> QColor:
    """The border of a focused text field: the highlight colour when it stands ``minimum``:1
    from the window and field colours, else the text colour (never a border that fades)."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    sides = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    if all(contrast_ratio(highlight, side) >= minimum for side in sides):
        return QColor(highlight)
    return QColor(palette.color(QPalette.ColorRole.WindowText))


def _theme(
    name: str,
    dark: bool,
    colours: dict[str, str],
    branches: tuple[str, ...],
    *,
    edge_width: float,
    tint: int,
    checked_tint: int,
) -> Theme:
    c = {k: QColor(v) for k, v in colours.items()}
    return Theme(
        name=name,
        dark=dark,
        background=c["background"],
        text=c["text"],
        muted=c["muted"],
        root_fill=c["root_fill"],
        root_text=c["root_text"],
        node_fill=c["node_fill"],
        branches=tuple(QColor(b) for b in branches),
        selection=c["selection"],
        match=c["match"],
        current_match=c["current_match"],
        edge_width=edge_width,
        tint=tint,
        checked_tint=checked_tint,
        considering=c["considering"],
        rejected_fill=c["rejected_fill"],
        heat=c["heat"],
    )


def make_theme(name: str) -> Theme:
    """The theme called ``name`` (one of :data:`THEME_NAMES`)."""
    if name == "dark":
        return _theme(
            "dark",
            True,
            {
                "background": "#1E1F22",
                "text": "#E6E6E6",
                "muted": "#9DA0A6",
                "root_fill": "#3A6EA5",
                "root_text": "#FFFFFF",
                "node_fill": "#2A2C30",
                "selection": "#FFD54F",
                "match": "#6B5A12",
                "current_match": "#B8860B",
                "considering": "#F5B82E",
                "rejected_fill": "#292A2D",
                "heat": "#FF5C6C",
            },
            _DARK_BRANCHES,
            edge_width=2.6,
            tint=56,
            checked_tint=120,
        )
    if name == "contrast":
        return _theme(
            "contrast",
            True,
            {
                "background": "#000000",
                "text": "#FFFFFF",
                "muted": "#E0E0E0",
                "root_fill": "#FFFFFF",
                "root_text": "#000000",
                "node_fill": "#000000",
                "selection": "#FFFF00",
                "match": "#5A4A00",
                "current_match": "#A07800",
                "considering": "#FFB000",
                "rejected_fill": "#1C1C1C",
                "heat": "#FF2E4D",
            },
            _CONTRAST_BRANCHES,
            edge_width=3.2,
            tint=0,
            checked_tint=105,
        )
    if name != "light":
        raise ValueError(f"unknown theme {name!r} (expected one of {', '.join(THEME_NAMES)})")
    return _theme(
        "light",
        False,
        {
            "background": "#FBFBFA",
            "text": "#1F2328",
            "muted": "#59636E",
            "root_fill": "#24476B",
            "root_text": "#FFFFFF",
            "node_fill": "#FFFFFF",
            "selection": "#1A73E8",
            "match": "#FFE58A",
            "current_match": "#FFB300",
            "considering": "#B35C00",
            "rejected_fill": "#ECECEA",
            "heat": "#B2182B",
        },
        _LIGHT_BRANCHES,
        edge_width=2.4,
        tint=34,
        checked_tint=95,
    )


def os_prefers_dark() -> bool:
    """True when the desktop asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(name: str | None) -> Theme:
    """The theme ``name``, or for None the light or dark theme the OS asks for."""
    if name is None:
        return make_theme("dark" if os_prefers_dark() else "light")
    return make_theme(name)


def widget_palette(theme: Theme) -> QPalette:
    """A palette for the window's widgets matching ``theme`` (used for dark themes)."""
    pal = QPalette()
    window = QColor("#000000") if theme.name == "contrast" else QColor("#2B2D31")
    base = theme.background
    text = theme.text
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, theme.muted),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor("#FF5555")),
        (QPalette.ColorRole.Highlight, theme.selection),
        (QPalette.ColorRole.HighlightedText, QColor("#000000")),
        (QPalette.ColorRole.Link, theme.branch(0)),
    ):
        pal.setColor(role, colour)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, theme.muted)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, theme.muted)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, theme.muted)
    return pal


def apply_app_theme(theme: Theme) -> None:
    """Style the application's widgets to match ``theme`` (Fusion; a dark palette when dark)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if theme.dark:
        app.setStyle("Fusion")
        app.setPalette(widget_palette(theme))
    else:
        app.setPalette(app.style().standardPalette())
