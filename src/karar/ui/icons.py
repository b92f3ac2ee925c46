"""Icons for ``::icon(...)`` names: resolve Font Awesome / Material Design spellings to the
SVGs shipped in ``karar.resources/icons`` and draw them in a given colour.

QtSvg is imported on first use only, so maps without icons never pay for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QPainter

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

_ALIASES = {
    "gear": "cog",
    "gears": "cog",
    "cogs": "cog",
    "settings": "cog",
    "wrench": "cog",
    "tools": "cog",
    "project-diagram": "sitemap",
    "network": "sitemap",
    "graph": "sitemap",
    "mail": "envelope",
    "email": "envelope",
    "chart-bar": "chart",
    "chart-line": "chart",
    "chart-pie": "chart",
    "flash": "bolt",
    "lightning": "bolt",
    "lightning-bolt": "bolt",
    "cellphone": "mobile",
    "phone": "mobile",
    "mobile-alt": "mobile",
    "exclamation-triangle": "warning",
    "alert": "warning",
    "triangle-exclamation": "warning",
    "info-circle": "info",
    "information": "info",
    "circle-info": "info",
    "account": "user",
    "person": "user",
    "account-group": "users",
    "user-friends": "users",
    "people": "users",
    "group": "users",
    "check-circle": "check",
    "check-bold": "check",
    "check-square": "check",
    "book-open": "book",
    "books": "book",
    "file-alt": "file",
    "file-document": "file",
    "file-code": "code",
    "folder-open": "folder",
    "magnifying-glass": "search",
    "magnify": "search",
    "shield-alt": "shield",
    "shield-check": "shield",
    "shield-halved": "shield",
    "globe-americas": "globe",
    "earth": "globe",
    "web": "globe",
    "house": "home",
    "vial": "flask",
    "beaker": "flask",
    "box": "cube",
    "package": "cube",
    "package-variant": "cube",
    "cubes": "cube",
    "console": "terminal",
    "hdd": "server",
    "storage": "database",
    "rocket-launch": "rocket",
    "lock-open": "lock",
    "key-variant": "key",
    "lightbulb-on": "lightbulb",
    "idea": "lightbulb",
    "stopwatch": "clock",
    "history": "clock",
    "envelope-open": "envelope",
}
_PREFIX = re.compile(r"^(?:fa[srlbd]?|fab|mdi|material|bi|ri)[-:]")
_SUFFIX = re.compile(r"-(?:outline|alt|o|solid|regular|fill|filled|variant|box)$")
_COLOUR = "#000000"


@lru_cache(maxsize=1)
def available() -> frozenset[str]:
    """Names of the icons we ship."""
    folder = resources.files("karar.resources") / "icons"
    return frozenset(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".svg"))


@lru_cache(maxsize=512)
def resolve(icon: str) -> str | None:
    """The shipped icon for an ``::icon(...)`` text, or None.

    Examples: ``fa fa-book`` → ``book``; ``mdi mdi-skull-outline`` → ``skull``.
    """
    have = available()
    for token in reversed(icon.lower().split()):
        name = _PREFIX.sub("", token)
        for candidate in (name, _SUFFIX.sub("", name)):
            candidate = _ALIASES.get(candidate, candidate)
            if candidate in have:
                return candidate
    return None


@lru_cache(maxsize=256)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    from PySide6.QtSvg import QSvgRenderer  # lazy: only maps with icons load QtSvg

    data = (resources.files("karar.resources") / "icons" / f"{name}.svg").read_text("utf-8")
    return QSvgRenderer(QByteArray(data.replace(_COLOUR, colour).encode("utf-8")))


def draw_icon(painter: QPainter, icon: str, rect: QRectF, colour: QColor) -> None:
    """Draw the icon for ``icon`` in ``rect``; a small diamond marker where we ship none."""
    name = resolve(icon)
    if name is not None:
        _renderer(name, colour.name()).render(painter, rect)
        return
    painter.save()
    painter.setPen(colour)
    painter.setBrush(colour)
    c = rect.center()
    r = rect.width() * 0.28
    painter.translate(c)
    painter.rotate(45)
    painter.drawRoundedRect(QRectF(-r, -r, 2 * r, 2 * r), 1.5, 1.5)
    painter.restore()
