"""How a long export reports its progress and is cancelled: a callback told ``(done,
total)`` that returns False to stop, and the error raised when it does."""

from __future__ import annotations

from collections.abc import Callable

from karar.core.errors import KararError

Progress = Callable[[int, int], bool]
"""Told ``(steps done, steps in all)`` as work goes on; returns False to stop it."""


class CancelledError(KararError):
    """The user cancelled the work: nothing was written."""
