"""Export scope: what a picture of the map shows (``--scope all|folded|decisions|branch:N``).

A scope is data: it names the folds and the view filter a picture is drawn with, and the
picture code takes them from it. ``all`` is the whole map unfolded, ``folded`` the map with
the project's folds (the default), ``decisions`` the decided nodes and the paths to them, and
``branch:N`` the root with its N-th first-level branch (1-based), unfolded.
"""

from __future__ import annotations

from dataclasses import dataclass

from karar.core.filters import BranchOnly, DecisionsOnly, ViewFilter
from karar.core.model import MindMap, Node

SCOPE_CHOICES = ("all", "folded", "decisions", "branch:N")
"""The scopes, as the command line spells them."""


@dataclass(frozen=True)
class Scope:
    """What a picture shows.

    Attributes:
        kind: ``all``, ``folded``, ``decisions`` or ``branch``.
        branch: The first-level branch of a ``branch`` scope, 1-based (0 otherwise).
    """

    kind: str = "folded"
    branch: int = 0

    @classmethod
    def parse(cls, text: str) -> Scope:
        """The scope ``text`` names.

        Raises:
            ValueError: ``text`` is no scope (the message names the choices).
        """
        if text in ("all", "folded", "decisions"):
            return cls(text)
        kind, colon, number = text.partition(":")
        if kind == "branch" and colon and number.isascii() and number.isdigit() and int(number):
            return cls("branch", int(number))
        raise ValueError(
            f"not a scope: {text!r} (choose from {', '.join(SCOPE_CHOICES)}; N counts from 1)"
        )

    def __str__(self) -> str:
        return f"branch:{self.branch}" if self.kind == "branch" else self.kind

    def check(self, mind_map: MindMap) -> str | None:
        """Why this scope cannot be drawn from ``mind_map`` (None: it can)."""
        if self.kind != "branch":
            return None
        count = len(mind_map.root.children) if mind_map.root is not None else 0
        if self.branch > count:
            return f"--scope {self}: the map has {count} first-level branches"
        return None

    def folds(self) -> list[Node] | None:
        """The folds to draw: none for ``all`` and a branch, None (the project's) otherwise."""
        return None if self.kind in ("folded", "decisions") else []

    def view_filter(self) -> ViewFilter | None:
        """What the picture leaves out (None: nothing)."""
        if self.kind == "decisions":
            return DecisionsOnly()
        if self.kind == "branch":
            return BranchOnly(self.branch)
        return None
