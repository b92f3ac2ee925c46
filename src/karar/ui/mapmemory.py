"""What Karar remembers between runs in QSettings (UI state only): the recent files, and
for every map opened without a project its folds, whether the overview shows, and for each
layout the zoom and position.

A map opened with a project keeps all of that in the project file instead; nothing of a
project session is written here.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from karar.core.model import MindMap, Node
from karar.core.pathnames import qt_can_name
from karar.core.sources import BUILTIN_DJANGO

MAX_RECENT = 10
MAX_SAVED_FOLDS = 4000
"""More folds than this are not remembered (the first view is computed instead)."""

_SEP = "\x1f"


def map_key(path: str | None) -> str:
    """The QSettings group holding a map's view state (a hash of its absolute path)."""
    name = BUILTIN_DJANGO if path is None else str(Path(path).resolve())
    # the file name's own bytes: the same key as UTF-8 text, and any name has one
    return "maps/" + hashlib.sha1(os.fsencode(name)).hexdigest()[:16]


def _list(value: object) -> list[object]:
    """A QSettings list value (a single item comes back as itself, none as None)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def recent_files() -> list[str]:
    """Recently opened maps and projects, newest first."""
    return [str(v) for v in _list(QSettings().value("recent", []))]


def add_recent(path: str) -> None:
    """Put ``path`` first in the recent files (unless its name holds bytes that are not
    UTF-8: QSettings would keep another name, one that opens nothing)."""
    full = str(Path(path).resolve())
    if not qt_can_name(full):
        return
    recent = [p for p in recent_files() if p != full]
    QSettings().setValue("recent", [full, *recent][:MAX_RECENT])


def clear_recent() -> None:
    """Forget the recent files."""
    QSettings().remove("recent")


def save_view(
    path: str | None,
    *,
    layout: str,
    zoom: float,
    center: tuple[float, float],
    overview: bool,
    folded: Collection[Node],
    mindmap: MindMap,
) -> None:
    """Remember how the map at ``path`` was shown in ``layout``."""
    settings = QSettings()
    settings.beginGroup(map_key(path))
    settings.setValue(f"{layout}/zoom", zoom)
    settings.setValue(f"{layout}/center", list(center))
    settings.setValue("minimap", overview)
    if len(folded) <= MAX_SAVED_FOLDS:
        settings.setValue("folds", [_SEP.join(mindmap.path_of(n)) for n in folded])
    else:
        settings.remove("folds")
    settings.endGroup()


def load_view(
    path: str | None, mindmap: MindMap, layout: str
) -> tuple[set[Node] | None, dict[str, Any]]:
    """How the map at ``path`` was last shown: its folds (None when never remembered) and
    a view as a project file keeps one (``zoom``, ``center`` for ``layout``, ``minimap``;
    empty when that layout was never shown)."""
    settings = QSettings()
    settings.beginGroup(map_key(path))
    try:
        view: dict[str, Any] = {}
        if settings.contains(f"{layout}/zoom"):
            center = [float(str(v)) for v in _list(settings.value(f"{layout}/center"))]
            if len(center) == 2:
                view = {"zoom": float(str(settings.value(f"{layout}/zoom"))), "center": center}
        if settings.contains("minimap"):
            view["minimap"] = settings.value("minimap", True, type=bool)
        if not settings.contains("folds"):
            return None, view
        folded = set()
        for entry in _list(settings.value("folds")):
            node = mindmap.find(str(entry).split(_SEP))
            if node is not None:
                folded.add(node)
        return folded, view
    except (TypeError, ValueError, IndexError):
        return None, {}
    finally:
        settings.endGroup()
