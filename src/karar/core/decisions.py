"""Decisions over a map: roll-up of decided nodes, and finding homes for orphaned entries.

A roll-up tells, for every node, how many nodes of its subtree (itself excluded) are
chosen, how many are open questions (considering) and how many there are, so a folded
branch can say "✓3 ?1". Orphans are project
entries whose path names no node any more (the map was edited); a :class:`HomeIndex` of
the map proposes the nodes they most likely meant.

Placing ten thousand orphans must not compare each of them with the whole map: the index
reads the map once (labels by their text, nodes by their parent's path, the character
trigrams of every label), and each orphan is compared with difflib only against the few
labels sharing its rarest trigrams, and against its former siblings.
"""

from __future__ import annotations

import heapq
from collections.abc import Container
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from karar.core.model import MindMap, Node, NodePath, sibling_path_elements


@dataclass(frozen=True, slots=True)
class Rollup:
    """Below a node: chosen nodes, all nodes, and open questions (considering)."""

    checked: int
    total: int
    open: int = 0

    def __str__(self) -> str:
        return f"{self.checked}/{self.total}"

    def moved(self, checked: int, open_: int) -> Rollup:
        """This roll-up with ``checked`` more chosen and ``open_`` more open nodes."""
        return Rollup(self.checked + checked, self.total, self.open + open_)


def rollup(
    mind_map: MindMap, checked: Container[Node], considering: Container[Node] = frozenset()
) -> dict[Node, Rollup]:
    """Per node: chosen descendants, descendants and open descendants (post-order, no
    recursion)."""
    if mind_map.root is None:
        return {}
    order = list(mind_map.root.walk())
    counts: dict[Node, list[int]] = {node: [0, 0, 0] for node in order}
    for node in reversed(order):
        parent = node.parent
        if parent is None:
            continue
        mine = counts[node]
        theirs = counts[parent]
        theirs[0] += mine[0] + (1 if node in checked else 0)
        theirs[1] += mine[1] + 1
        theirs[2] += mine[2] + (1 if node in considering else 0)
    return {node: Rollup(c, t, o) for node, (c, t, o) in counts.items()}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A node an orphaned entry may have meant, and why."""

    path: NodePath
    reason: str
    score: float


MIN_RATIO = 0.75
"""How alike (difflib's ratio, case-blind) a reworded label must be to be proposed."""

_COMPARE_CHARS = 48
"""A longer label compares by its first and last 24 characters (difflib is quadratic)."""
_WORK_PER_COMPARISON = 24 * 24
"""What one difflib comparison may cost, in characters times characters: labels longer
than 24 characters get fewer comparisons (at least one)."""
_POSTINGS_BUDGET = 400
"""Trigram postings read per orphan label, rarest trigrams first."""
_EDIT_COMPARISONS = 6
"""difflib comparisons per orphan label with the labels its trigrams found."""
_SIBLINGS_SCANNED = 200
"""Former siblings compared trigram-wise (under a bigger parent: those the trigrams find)."""
_SIBLING_COMPARISONS = 4
"""difflib comparisons per orphan with the labels under its former parent."""
_SAME_LABEL_SCORED = 32
"""Nodes carrying the orphan's very label scored for "moved". Of a label used more often,
those under a parent labelled as the orphan's parent, then the first by path."""
_REMEMBERED = 4096
"""Orphan labels whose near matches are kept (the entries of a branch share labels)."""

MOVED = "same label, moved to another branch"
EDITED = "label edited"
SIMILAR = "similar label in another branch"
REASONS = (MOVED, EDITED, SIMILAR)
"""Every :attr:`Suggestion.reason` (the window words each in its language)."""


class HomeIndex:
    """The labels of one map, indexed once to propose homes for many orphans.

    Build one per map (a linear pass over it) and ask :meth:`suggest` for each orphan; the
    map must not change while the index is used.

    Args:
        mind_map: The map whose nodes the orphaned entries may move to.
    """

    def __init__(self, mind_map: MindMap) -> None:
        self.mind_map = mind_map
        # Nodes are numbered in the order of their paths (pre-order, siblings sorted by path
        # element): comparing numbers compares paths, so ties break as they always did.
        self._element: list[str] = []  # each node's path element
        self._up: list[int] = []  # each node's parent node (-1: the root)
        self._parent_of: list[int] = []  # the id of each node's bare parent path
        self._fid_of: list[int] = []  # the id of each node's folded label
        # Bare paths (``#N`` suffixes dropped) interned as ids; 0 is the empty path.
        self._path_ids: dict[tuple[int, str], int] = {}
        self._path_parent: list[int] = [0]
        self._path_element: list[str] = [""]
        self._by_label: dict[str, list[int]] = {}
        self._by_parent: dict[int, list[int]] = {}
        self._by_parent_label: dict[tuple[int, str], list[int]] = {}
        self._by_label_parent_label: dict[tuple[str, str], list[int]] = {}
        # Distinct case-folded labels, their trigrams, and the labels folding to each.
        self._folded_ids: dict[str, int] = {}
        self._folded: list[str] = []
        self._grams: list[set[str]] = []
        self._labels_of: list[dict[str, None]] = []  # ordered sets
        self._postings: dict[str, list[int]] = {}
        self._near: dict[str, list[tuple[int, float]]] = {}
        self._bare_paths: dict[int, tuple[str, ...]] = {}
        self._paths: dict[int, NodePath] = {}
        if mind_map.root is not None:
            self._build(mind_map.root)

    def _build(self, root: Node) -> None:
        stack: list[tuple[Node, str, int, int]] = [(root, root.label, 0, -1)]
        while stack:
            node, element, parent, up = stack.pop()
            index = len(self._element)
            self._element.append(element)
            self._up.append(up)
            self._parent_of.append(parent)
            path_id = self._intern(parent, _bare(element))
            label = node.label
            self._by_label.setdefault(label, []).append(index)
            self._by_parent.setdefault(parent, []).append(index)
            self._by_parent_label.setdefault((parent, label), []).append(index)
            key = (label, self._path_element[parent])
            self._by_label_parent_label.setdefault(key, []).append(index)
            self._fid_of.append(self._add_folded(label))
            kids = sorted(
                zip(node.children, sibling_path_elements(node.children), strict=True),
                key=lambda pair: pair[1],
            )
            stack.extend((child, elem, path_id, index) for child, elem in reversed(kids))

    def _intern(self, parent: int, element: str) -> int:
        found = self._path_ids.get((parent, element))
        if found is None:
            found = self._path_ids[(parent, element)] = len(self._path_parent)
            self._path_parent.append(parent)
            self._path_element.append(element)
        return found

    def _add_folded(self, label: str) -> int:
        key = label.casefold()
        fid = self._folded_ids.get(key)
        if fid is None:
            fid = self._folded_ids[key] = len(self._folded)
            folded = _comparable(key)
            self._folded.append(folded)
            grams = _trigrams(folded)
            self._grams.append(grams)
            self._labels_of.append({})
            for gram in grams:
                self._postings.setdefault(gram, []).append(fid)
        self._labels_of[fid][label] = None
        return fid

    # ------------------------------------------------------------------ asking

    def suggest(self, orphan: NodePath, *, limit: int = 3) -> list[Suggestion]:
        """Nodes the orphan probably meant, best first.

        Two kinds of near match: the same label somewhere else (the node moved under
        another parent), and a small edit to the label under the same parent path or
        anywhere (the label was reworded). Labels compare without the ``#N`` sibling
        suffix.
        """
        if not self._element or not orphan or limit <= 0:
            return []
        want = _bare(orphan[-1])
        want_parent = tuple(_bare(p) for p in orphan[:-1])
        parent = self._lookup(want_parent)  # None: no node hangs under that path now
        scored: dict[int, tuple[float, str]] = {}
        for index in self._same_label(want, want_parent, parent):
            likeness = self._parent_likeness(self._parent_of[index], want_parent)
            scored[index] = (0.9 + 0.1 * likeness, MOVED)
        # A reworded label scores its likeness times 0.95 under the orphan's old parent and
        # 0.8 elsewhere: look only where such a score could still make the list.
        folded = _folded(want)
        siblings = self._by_parent.get(parent, []) if parent is not None else []
        scanned = len(siblings) <= _SIBLINGS_SCANNED
        if siblings and scanned and _bar(scored, limit) <= 0.95:
            self._place_reworded(scored, want, parent, self._near_siblings(folded, siblings), limit)
        if _bar(scored, limit) <= (0.8 if scanned else 0.95):
            self._place_reworded(scored, want, parent, self._near_labels(folded), limit)
        best = heapq.nsmallest(limit, scored.items(), key=lambda item: (-item[1][0], item[0]))
        return [Suggestion(self._path(index), reason, score) for index, (score, reason) in best]

    def _place_reworded(
        self,
        scored: dict[int, tuple[float, str]],
        want: str,
        parent: int | None,
        near: list[tuple[int, float]],
        limit: int,
    ) -> None:
        """Score the nodes carrying the labels ``near`` (folded label, likeness) but ``want``."""
        for fid, ratio in near:
            for label in islice(self._labels_of[fid], _SAME_LABEL_SCORED):
                if label == want:
                    continue
                if parent is not None:
                    for index in self._by_parent_label.get((parent, label), [])[:limit]:
                        _keep(scored, index, ratio * 0.95, EDITED)
                taken = 0
                for index in self._by_label[label][: limit + _SAME_LABEL_SCORED]:
                    if taken == limit:
                        break
                    if self._parent_of[index] != parent:
                        _keep(scored, index, ratio * 0.8, SIMILAR)
                        taken += 1

    def _path(self, index: int) -> NodePath:
        found = self._paths.get(index)
        if found is None:
            elements = []
            at = index
            while at >= 0:
                elements.append(self._element[at])
                at = self._up[at]
            found = self._paths[index] = tuple(reversed(elements))
        return found

    def _lookup(self, bare_path: tuple[str, ...]) -> int | None:
        """The id of a bare path some node has, else None."""
        path_id = 0
        for element in bare_path:
            found = self._path_ids.get((path_id, element))
            if found is None:
                return None
            path_id = found
        return path_id

    def _same_label(self, want: str, want_parent: tuple[str, ...], parent: int | None) -> list[int]:
        """Nodes labelled ``want`` under another parent than the orphan's (bounded)."""
        nodes = self._by_label.get(want, [])
        if len(nodes) > _SAME_LABEL_SCORED:
            near = self._by_label_parent_label.get((want, want_parent[-1] if want_parent else ""))
            nodes = sorted({*(near or [])[:_SAME_LABEL_SCORED], *nodes[:_SAME_LABEL_SCORED]})
        return [i for i in nodes if self._parent_of[i] != parent]

    def _parent_likeness(self, path_id: int, want: tuple[str, ...]) -> float:
        """The share of positions where bare path ``path_id`` and ``want`` agree."""
        elements = self._bare_path(path_id)
        if not elements and not want:
            return 1.0
        common = sum(1 for x, y in zip(elements, want, strict=False) if x == y)
        return common / max(len(elements), len(want))

    def _bare_path(self, path_id: int) -> tuple[str, ...]:
        """The elements of bare path ``path_id`` (remembered: the same parents come back)."""
        found = self._bare_paths.get(path_id)
        if found is None:
            elements = []
            at = path_id
            while at:
                elements.append(self._path_element[at])
                at = self._path_parent[at]
            found = self._bare_paths[path_id] = tuple(reversed(elements))
        return found

    def _near_siblings(self, folded: str, siblings: list[int]) -> list[tuple[int, float]]:
        """The labels among ``siblings`` like ``folded`` (folded label, likeness)."""
        grams = _trigrams(folded)
        shared = {}
        for index in siblings:
            fid = self._fid_of[index]
            shared[fid] = len(grams & self._grams[fid])
        return self._compare(folded, shared, _SIBLING_COMPARISONS)

    def _near_labels(self, folded: str) -> list[tuple[int, float]]:
        """Folded labels of the map like ``folded``: the few sharing most of its rarest
        trigrams, compared with difflib (remembered per label)."""
        known = self._near.get(folded)
        if known is not None:
            return known
        postings = sorted(
            (fids for gram in _trigrams(folded) if (fids := self._postings.get(gram))),
            key=len,
        )
        shared: dict[int, int] = {}
        budget = _POSTINGS_BUDGET
        for posting in postings:
            for fid in posting[:budget]:
                shared[fid] = shared.get(fid, 0) + 1
            budget -= len(posting)
            if budget <= 0:
                break
        found = self._compare(folded, shared, _EDIT_COMPARISONS)
        if len(self._near) >= _REMEMBERED:
            self._near.clear()
        self._near[folded] = found
        return found

    def _compare(
        self, folded: str, shared: dict[int, int], comparisons: int
    ) -> list[tuple[int, float]]:
        """difflib's ratio of ``folded`` with the most promising labels of ``shared`` (folded
        label -> trigrams in common: most in common, then closest in length first), for
        those alike by at least :data:`MIN_RATIO`."""
        import difflib  # lazy: only orphans are compared, and a picture export has none

        size = len(folded)
        ranked = []
        for fid, common in heapq.nlargest(4 * comparisons, shared.items(), key=itemgetter(1)):
            length = len(self._folded[fid])
            # difflib's own length bound: never alike enough
            if common and 2 * min(size, length) >= MIN_RATIO * (size + length):
                ranked.append((common, -abs(size - length), -fid))
        found = []
        work = 0  # characters times characters: difflib's worst case
        for rank, (*_, minus_fid) in enumerate(heapq.nlargest(comparisons, ranked)):
            fid = -minus_fid
            other = self._folded[fid]
            work += size * len(other)
            if rank and work > comparisons * _WORK_PER_COMPARISON:
                break  # long labels get fewer comparisons, the most promising first
            matcher = difflib.SequenceMatcher(None, folded, other)
            if matcher.quick_ratio() >= MIN_RATIO and (ratio := matcher.ratio()) >= MIN_RATIO:
                found.append((fid, ratio))
        return found


def suggest_homes(orphan: NodePath, mind_map: MindMap, *, limit: int = 3) -> list[Suggestion]:
    """Nodes one orphan probably meant, best first (see :meth:`HomeIndex.suggest`).

    This indexes the whole map for one orphan: to place many, build one :class:`HomeIndex`.
    """
    return HomeIndex(mind_map).suggest(orphan, limit=limit)


def _bar(scored: dict[int, tuple[float, str]], limit: int) -> float:
    """The score a further suggestion must pass to make a list of ``limit``."""
    if len(scored) < limit:
        return 0.0
    return heapq.nlargest(limit, (score for score, _ in scored.values()))[-1]


def _keep(scored: dict[int, tuple[float, str]], index: int, score: float, reason: str) -> None:
    if index not in scored or score > scored[index][0]:
        scored[index] = (score, reason)


def _bare(element: str) -> str:
    """A path element without its ``#N`` sibling suffix."""
    head, sep, tail = element.rpartition(" #")
    return head if sep and tail.isdigit() else element


def _folded(label: str) -> str:
    return _comparable(label.casefold())


def _comparable(folded: str) -> str:
    """What of a folded label difflib compares: all of it, or its two ends if long."""
    if len(folded) <= _COMPARE_CHARS:
        return folded
    half = _COMPARE_CHARS // 2
    return folded[:half] + folded[-half:]


def _trigrams(folded: str) -> set[str]:
    """The three-character pieces of a label with two marks before and after it: labels
    of one or two characters have some, and a short label reworded in its middle still
    shares its first and last letters' pieces."""
    padded = f"\x02\x02{folded}\x03\x03"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
