"""Decision states: what a team decided about a node, who decided and when.

A node is **chosen** (the checkbox; ``checked: true`` in a project file), **rejected**,
**considering** (under evaluation, an open question), or undecided. This module names the
states, their marks (a shape each, so colour is never the only cue), how they are written in
project files and reports, and the date format of ``date:``.
"""

from __future__ import annotations

import datetime as _dt
import re
from enum import StrEnum


class Decision(StrEnum):
    """A decided state of a node (undecided is ``None``)."""

    CHOSEN = "chosen"
    REJECTED = "rejected"
    CONSIDERING = "considering"

    @property
    def mark(self) -> str:
        """The one-character mark drawn beside a node in this state."""
        return _MARKS[self]


_MARKS = {Decision.CHOSEN: "✓", Decision.REJECTED: "✗", Decision.CONSIDERING: "?"}

STATUS_VALUES: tuple[str, ...] = tuple(d.value for d in Decision)
"""What ``status:`` may say in a project file (``chosen`` is also ``checked: true``)."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_decision(text: str) -> Decision:
    """The state a ``status:`` value names (any case, spaces around ignored).

    Raises:
        ValueError: ``text`` names no state (the message lists the ones there are).
    """
    try:
        return Decision(text.strip().lower())
    except ValueError:
        allowed = ", ".join(STATUS_VALUES)
        raise ValueError(
            f"'status: {text.strip()}' is not a decision state (one of: {allowed})"
        ) from None


def parse_date(value: object) -> _dt.date:
    """A ``date:`` value as a date: a YAML date, or text ``YYYY-MM-DD`` naming a real day.

    Raises:
        ValueError: Anything else (a time of day, another spelling, an impossible day).
    """
    if isinstance(value, _dt.datetime):
        raise ValueError("'date:' must be a day (YYYY-MM-DD), not a time of day")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"'date:' names no real day: {value.strip()} ({exc})") from None
    raise ValueError("'date:' must be a date written YYYY-MM-DD")
