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

from karar.core.errors import Message


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
        ValueError: ``text`` names no state (the message, a :class:`Message`, lists the ones
            there are).
    """
    try:
        return Decision(text.strip().lower())
    except ValueError:
        allowed = ", ".join(STATUS_VALUES)
        raise ValueError(
            Message(
                f"'status: {text.strip()}' is not a decision state (one of: {allowed})",
                "status-unknown",
                status=text.strip(),
                allowed=allowed,
            )
        ) from None


def parse_date(value: object) -> _dt.date:
    """A ``date:`` value as a date: a YAML date, or text ``YYYY-MM-DD`` naming a real day.

    Raises:
        ValueError: Anything else (a time of day, another spelling, an impossible day); its
            message is a :class:`Message`.
    """
    if isinstance(value, _dt.datetime):
        raise ValueError(
            Message("'date:' must be a day (YYYY-MM-DD), not a time of day", "date-time-of-day")
        )
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        day = value.strip()
        try:
            return _dt.date.fromisoformat(day)
        except ValueError as exc:
            problem = day_problem(exc)
            raise ValueError(
                Message(
                    f"'date:' names no real day: {day} ({problem})",
                    "date-no-day",
                    date=day,
                    problem=problem,
                )
            ) from None
    raise ValueError(Message("'date:' must be a date written YYYY-MM-DD", "date-format"))


_DAY_PROBLEMS = {
    "month must be in 1..12": "day-month",
    "day is out of range for month": "day-day",
    "hour must be in 0..23": "day-hour",
    "minute must be in 0..59": "day-minute",
    "second must be in 0..59": "day-second",
}
_YEAR_OUT_OF_RANGE = re.compile(r"year (-?\d+) is out of range")


def day_problem(exc: ValueError) -> str:
    """What :mod:`datetime` says is wrong with a day (``month must be in 1..12``), as a
    :class:`Message` where it is one of its usual few words, else as it says it."""
    words = str(exc)
    code = _DAY_PROBLEMS.get(words)
    if code is not None:
        return Message(words, code)
    year = _YEAR_OUT_OF_RANGE.fullmatch(words)
    if year is not None:
        return Message(words, "day-year", year=year.group(1))
    return words
