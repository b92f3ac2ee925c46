"""What a screenshot shows, as data: the ``--describe OUT.json`` description (CONTRACT.md,
"Screenshot description").

:func:`describe` reads the window as it is drawn — its size, theme, layout, zoom, which
parts of the chrome are visible — and lists every node drawn at least partly inside the
map view, in map order, with its box in window pixels, its label's font size on screen,
its side in a mind map, and its fold and decision fields. Tests and checks assert layout
and presentation with it instead of guessing from pixels.

Imported only when ``--describe`` is given: a normal start never pays for it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtWidgets import QDockWidget, QToolBar

from karar.core.layout import LayoutKind
from karar.ui import i18n
from karar.ui.measure import role_of

if TYPE_CHECKING:
    from karar.ui.mainwindow import MainWindow

_SIDES = {1: "right", -1: "left"}


def describe(window: MainWindow) -> dict[str, Any]:
    """The description of what ``window`` shows now (the CONTRACT.md shape).

    Args:
        window: A shown main window with its map laid out.

    Returns:
        A JSON-ready dict: ``window``, ``theme``, ``layout``, ``language``, ``zoom``,
        ``chrome``, ``present`` (None outside the presentation mode) and ``nodes``.
    """
    view = window.view
    scene = window.map_scene
    return {
        "window": {"width": window.width(), "height": window.height()},
        "theme": scene.theme.name,
        "layout": scene.kind.value,
        "language": i18n.current_language(),
        "zoom": round(view.zoom, 4),
        "chrome": _chrome(window),
        "present": _present(window),
        "nodes": _nodes(window),
    }


def dumps(description: dict[str, Any]) -> str:
    """The description as JSON text (UTF-8 labels kept as they are, one trailing newline)."""
    return json.dumps(description, ensure_ascii=False, indent=1) + "\n"


def window_box(window: MainWindow, rect: QRectF) -> QRect:
    """A scene rectangle in window pixels: through the view's transform, then by where the
    viewport sits in the window. Each edge is rounded as ``QGraphicsView.mapFromScene``
    rounds a point, so the box matches what the view maps its corners to."""
    view = window.view
    offset = view.viewport().mapTo(window, QPoint(0, 0))
    top_left = view.mapFromScene(rect.topLeft()) + offset
    bottom_right = view.mapFromScene(rect.bottomRight()) + offset
    return QRect(
        top_left.x(),
        top_left.y(),
        bottom_right.x() - top_left.x(),
        bottom_right.y() - top_left.y(),
    )


def _chrome(window: MainWindow) -> dict[str, Any]:
    bar = window.menuBar()
    return {
        "menubar": bar.isVisible(),
        "toolbar": any(t.isVisible() for t in window.findChildren(QToolBar)),
        "statusbar": window.statusBar().isVisible(),
        "docks": [d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()],
        "overview": window.view.minimap.isVisible(),
        "menus": [_shown_title(a.text()) for a in bar.actions() if a.isVisible() and a.text()],
        "fullscreen": window.isFullScreen(),
    }


def _present(window: MainWindow) -> dict[str, Any] | None:
    """The presentation's step, its number of steps and the focused branch's path."""
    presentation = window.presentation
    if not presentation.active:
        return None
    focus = presentation.focus
    return {
        "step": presentation.step,
        "steps": presentation.steps,
        "focus": list(window.document.path_of(focus)) if focus is not None else None,
    }


def _shown_title(text: str) -> str:
    """A menu title as shown: the mnemonic ``&`` dropped, ``&&`` shown as ``&``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _nodes(window: MainWindow) -> list[dict[str, Any]]:
    view = window.view
    scene = window.map_scene
    layout = scene.layout
    if layout is None:
        return []
    seen = view.visible_scene_rect()
    viewport = QRect(view.viewport().mapTo(window, QPoint(0, 0)), view.viewport().size())
    zoom = view.zoom
    document = window.document
    mind_map = layout.kind is LayoutKind.MINDMAP
    folds_apply = scene.filter.folds_apply
    measurer = scene.measurer
    out = []
    for node in layout.visible_in(seen.x(), seen.y(), seen.width(), seen.height()):
        b = layout.boxes[node]
        box = window_box(window, QRectF(b.x, b.y, b.w, b.h))
        # touching the viewport's edge is not being drawn inside it
        if not box.intersects(viewport):
            continue
        entry = document.entry(node)
        state = document.decision(node)
        out.append(
            {
                "path": list(document.path_of(node)),
                "box": [box.x(), box.y(), box.width(), box.height()],
                "font_px": round(measurer.font(role_of(b.depth)).pixelSize() * zoom, 2),
                "side": _SIDES.get(b.side) if mind_map else None,
                # folds mean nothing in a view that ignores them (decisions-only)
                "folded": bool(node.children) and folds_apply and document.is_folded(node),
                "dimmed": scene.ctx.is_dimmed(node),
                "checked": document.is_checked(node),
                "status": state.value if state is not None else None,
                "note": document.has_note(node),
                "votes": entry.votes,
                "voters": list(entry.voters) if entry.voters is not None else None,
            }
        )
    return out
