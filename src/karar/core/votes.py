"""The votes of a tally (a project written by ``karar merge``) as the canvas and the view
filters read them: who took part, each node's votes of them, and the strongest vote below a
branch.

Who took part is the tally's own list where it has one: a top-level ``participants: [...]``,
else ``tally: {participants: [...]}`` (what ``karar merge`` writes beside the entries), else
the union of every entry's ``voters`` in file order — a participant who checked nothing is
then not counted, the one thing the lists are for. A project without votes is no tally:
:attr:`Tally.is_tally` is False and every vote is None.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from karar.core.model import Node
from karar.core.project import Project
from karar.core.state import MapState


@dataclass(frozen=True, slots=True)
class Vote:
    """How many of the participants voted for a node.

    Attributes:
        votes: How many voted for it.
        participants: How many took part (at least ``votes``).
    """

    votes: int
    participants: int

    @property
    def share(self) -> float:
        """``votes`` of ``participants``, 0 to 1."""
        return self.votes / self.participants if self.participants else 0.0

    @property
    def text(self) -> str:
        """The chip's text: ``4/6``."""
        return f"{self.votes}/{self.participants}"

    @property
    def unanimous(self) -> bool:
        """Everyone voted for it."""
        return self.participants > 0 and self.votes >= self.participants


def _names(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return [str(v) for v in value]
    return None


def participants(project: Project) -> list[str]:
    """Who took part in the tally ``project`` (see the module docstring); [] for none."""
    listed = _names(project.extra.get("participants"))
    if listed is None:
        tally = project.extra.get("tally")
        if isinstance(tally, dict):
            listed = _names(tally.get("participants"))
    if listed is not None:
        return list(dict.fromkeys(listed))
    seen: dict[str, None] = {}
    for state in project.entries.values():
        for name in state.voters or ():
            seen.setdefault(name, None)
    return list(seen)


class Tally:
    """The votes of one map's tally, read once (votes do not change while it is open).

    Args:
        state: The map and its project.
    """

    def __init__(self, state: MapState) -> None:
        self.participants = participants(state.project)
        voted: dict[Node, int] = {}
        for node, entry in state.entries():
            if entry.votes is not None:
                voted[node] = entry.votes
            elif entry.voters is not None:
                voted[node] = len(entry.voters)
        #: whether the project carries votes at all
        self.is_tally = bool(voted) or bool(self.participants)
        most = max(voted.values(), default=0)
        # participants at least as many as the most votes anyone got (an inconsistent
        # file never shows 5/4)
        self.count = max(len(self.participants), most)
        self._votes = voted
        self._voters = {n: list(e.voters or ()) for n, e in state.entries() if n in voted}
        best: dict[Node, int] = {}
        for node, votes in voted.items():
            if votes <= 0:
                continue
            for a in node.ancestors():
                if best.get(a, -1) >= votes:
                    break  # everything above already has at least this much
                best[a] = votes
        self._best_below = best

    def votes(self, node: Node) -> int | None:
        """The node's votes, None where the tally has no entry with votes for it."""
        return self._votes.get(node)

    def voters(self, node: Node) -> list[str]:
        """Who voted for the node ([] for nobody)."""
        return self._voters.get(node, [])

    def vote(self, node: Node) -> Vote | None:
        """The node's vote, None where nobody voted for it."""
        votes = self._votes.get(node)
        return None if not votes else Vote(votes, self.count)

    def strongest_below(self, node: Node) -> Vote | None:
        """The strongest vote among ``node``'s descendants (None: none has votes)."""
        votes = self._best_below.get(node)
        return None if votes is None else Vote(votes, self.count)

    def has_votes_below(self, node: Node) -> bool:
        """Whether a descendant of ``node`` has votes."""
        return node in self._best_below

    def summarised(self) -> list[Node]:
        """The nodes with votes below them (folded, they show the strongest)."""
        return list(self._best_below)

    def voted_nodes(self) -> list[Node]:
        """Every node with at least one vote."""
        return [n for n, v in self._votes.items() if v > 0]

    def agreed(self) -> list[Node]:
        """The nodes everyone voted for."""
        count = self.count
        return [n for n, v in self._votes.items() if count and v >= count]

    def split(self) -> list[Node]:
        """The nodes some but not all participants voted for."""
        count = self.count
        return [n for n, v in self._votes.items() if 0 < v < count]

    def unvoted_leaves(self, nodes: Iterable[Node]) -> list[Node]:
        """The leaves of ``nodes`` (the options) nobody voted for."""
        votes = self._votes
        return [n for n in nodes if not n.children and not votes.get(n)]
