"""What Karar remembers between runs in QSettings (UI state only): the recent files, and
for every map the zoom, position, folds and whether the overview shows."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QSettings

from karar.core.model import MindMap, Node

MAX_RECENT = 10
MAX_SAVED_FOLDS = 4000
"""More folds than this are not remembered (the first view is computed instead)."""

_SEP = "\x1f"


def map_key(path: str | None) -> str:
    """The QSettings group holding a map's view state (a hash of its absolute path)."""
    name = "builtin:django" if path is None else str(Path(path).resolve())
    return "maps/" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


def recent_files() -> list[str]:
    """Recently opened maps and projects, newest first."""
    value = QSettings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def add_recent(path: str) -> None:
    """Put ``path`` first in the recent files."""
    full = str(Path(path).resolve())
    recent = [p for p in recent_files() if p != full]
    QSettings().setValue("recent", [full, *recent][:MAX_RECENT])


def clear_recent() -> None:
    """Forget the recent files."""
    QSettings().remove("recent")


def save_view(
    path: str | None,
    *,
    zoom: float,
    center: tuple[float, float],
    overview: bool,
    folded: Collection[Node],
    mindmap: MindMap,
) -> None:
    """Remember how the map at ``path`` was shown."""
    settings = QSettings()
    settings.beginGroup(map_key(path))
    settings.setValue("zoom", zoom)
    settings.setValue("center", list(center))
    settings.setValue("minimap", overview)
    if len(folded) <= MAX_SAVED_FOLDS:
        settings.setValue("folds", [_SEP.join(mindmap.path_of(n)) for n in folded])
        settings.setValue("fold_count", len(folded))
    else:
        settings.remove("folds")
    settings.endGroup()


def load_view(path: str | None, mindmap: MindMap) -> dict[str, Any] | None:
    """How the map at ``path`` was last shown (None when it never was, or the record is
    unreadable): ``zoom``, ``center`` (QPointF), ``folded`` (nodes), ``minimap``."""
    settings = QSettings()
    settings.beginGroup(map_key(path))
    try:
        if not settings.contains("zoom"):
            return None
        center = [float(v) for v in settings.value("center", [0.0, 0.0])]
        folds = settings.value("folds", [])
        if isinstance(folds, str):
            folds = [folds]
        folded: list[Node] = []
        for entry in folds or []:
            node = mindmap.find(str(entry).split(_SEP))
            if node is not None:
                folded.append(node)
        return {
            "zoom": float(settings.value("zoom", 1.0)),
            "center": QPointF(center[0], center[1]),
            "folded": folded,
            "minimap": settings.value("minimap", True, type=bool),
        }
    except (TypeError, ValueError, IndexError):
        return None
    finally:
        settings.endGroup()
