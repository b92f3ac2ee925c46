"""Homes for orphaned entries (core/decisions.py): as good as comparing each orphan with the
whole map, without doing so (issue 8, class 13)."""

from __future__ import annotations

import difflib
import random

import pytest

from karar.core import decisions
from karar.core.decisions import HomeIndex, Suggestion, suggest_homes
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node, NodePath


def reference(orphan: NodePath, mind_map: MindMap, limit: int = 3) -> list[Suggestion]:
    """The suggestions as Karar made them before the index: every orphan compared with
    every node of the map (too slow for thousands of orphans, but the measure of good)."""

    def bare(element: str) -> str:
        head, sep, tail = element.rpartition(" #")
        return head if sep and tail.isdigit() else element

    def likeness(a: tuple[str, ...], b: tuple[str, ...]) -> float:
        if not a and not b:
            return 1.0
        return sum(1 for x, y in zip(a, b, strict=False) if x == y) / max(len(a), len(b))

    want = bare(orphan[-1])
    want_parent = tuple(bare(p) for p in orphan[:-1])
    scored: dict[NodePath, Suggestion] = {}
    for node, path in mind_map.paths().items():
        parent = tuple(bare(p) for p in path[:-1])
        same_parent = parent == want_parent
        if node.label == want:
            if same_parent:
                continue
            score = 0.9 + 0.1 * likeness(parent, want_parent)
            reason = "same label, moved to another branch"
        else:
            ratio = difflib.SequenceMatcher(None, want.casefold(), node.label.casefold()).ratio()
            if ratio < 0.75:
                continue
            score = ratio * (0.95 if same_parent else 0.8)
            reason = "label edited" if same_parent else "similar label in another branch"
        if score > scored.get(path, Suggestion(path, "", 0.0)).score:
            scored[path] = Suggestion(path, reason, score)
    return sorted(scored.values(), key=lambda s: (-s.score, s.path))[:limit]


VOCABULARY = (
    "cache redis postgres mysql sqlite queue celery kafka auth oauth jwt session api rest "
    "graphql grpc log sentry metrics docker k8s helm ci tests lint types admin forms orm"
)
WORDS = VOCABULARY.split()


def random_map(rng: random.Random, count: int) -> MindMap:
    root = Node("Root")
    nodes = [root]
    while len(nodes) < count:
        parent = rng.choice(nodes[: len(nodes) // 2 + 1])
        if rng.random() < 0.1:
            label = rng.choice(nodes).label  # labels repeat, also among siblings
        else:
            label = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        nodes.append(parent.add(Node(label)))
    return MindMap(root)


def orphan_of(rng: random.Random, path: NodePath) -> NodePath:
    """What an edit of the map makes of a node's path: moved, reworded, replaced, recased."""
    p = list(path)
    kind = rng.randrange(4)
    if kind == 0 and len(p) > 2:
        p[rng.randrange(1, len(p) - 1)] = rng.choice(WORDS)
    elif kind == 1:
        i = rng.randrange(len(p[-1]) + 1)
        p[-1] = p[-1][:i] + rng.choice("abxyz ") + p[-1][i + (rng.random() < 0.5) :]
    elif kind == 2:
        p[-1] = " ".join(rng.choice(WORDS) for _ in range(2))
    else:
        p[-1] = p[-1].upper()
    return tuple(p)


def test_suggestions_are_those_of_a_full_comparison() -> None:
    rng = random.Random(8)
    cases = same = 0
    for _ in range(150):
        mind_map = random_map(rng, rng.randint(5, 150))
        homes = HomeIndex(mind_map)
        paths = list(mind_map.paths().values())
        for _ in range(10):
            orphan = orphan_of(rng, rng.choice(paths))
            mine, full = homes.suggest(orphan), reference(orphan, mind_map)
            assert mine[:1] == full[:1], orphan  # the best home is always the same
            cases += 1
            same += mine == full
    # the rest of the list may lack a far third choice that shares no rare trigram
    assert same >= 0.995 * cases


@pytest.mark.parametrize(
    ("orphan", "home", "reason"),
    [
        (("Root", "Data", "PostgreSQL"), ("Root", "Storage", "PostgreSQL"), "moved"),
        (("Root", "Cache", "Redis clusters"), ("Root", "Cache", "Redis cluster"), "edited"),
        (("Root", "Cache", "REDIS CLUSTER"), ("Root", "Cache", "Redis cluster"), "edited"),
        (("Root", "Cache", "cbi"), ("Root", "Cache", "ci"), "edited"),  # short, mid-word
        (("Root", "Cache", "Yes #2"), ("Root", "Storage", "Yes"), "moved"),
        (("Root", "Elsewhere", "Redis clustr"), ("Root", "Cache", "Redis cluster"), "similar"),
        (("Rot",), ("Root",), "edited"),  # the root renamed
    ],
)
def test_each_kind_of_home(orphan: NodePath, home: NodePath, reason: str) -> None:
    mind_map = parse_mermaid(
        "mindmap\n  Root\n    Storage\n      PostgreSQL\n      Yes\n"
        "    Cache\n      Redis cluster\n      ci\n"
    ).map
    found = HomeIndex(mind_map).suggest(orphan)
    assert found[0].path == home
    assert reason in found[0].reason
    assert found == reference(orphan, mind_map)


def test_no_home_for_a_stranger_and_none_in_an_empty_map() -> None:
    mind_map = parse_mermaid("mindmap\n  Root\n    Storage\n      PostgreSQL\n").map
    assert suggest_homes(("Root", "Nothing like it"), mind_map) == []
    assert suggest_homes((), mind_map) == []
    assert HomeIndex(mind_map).suggest(("Root", "Storage", "PostgreSQL x"), limit=0) == []
    assert suggest_homes(("Root", "x"), MindMap(None)) == []


def test_a_long_label_reworded_at_its_end_is_found() -> None:
    long = "Contract-first (OpenAPI) + mock server (Prism/MSW) for every public endpoint"
    mind_map = MindMap(Node("Root"))
    assert mind_map.root is not None
    api = mind_map.root.add(Node("API"))
    api.add(Node(long))
    api.add(Node("Contract-last"))
    found = HomeIndex(mind_map).suggest(("Root", "API", long + " we own"))
    assert found[0].path == ("Root", "API", long)
    assert found[0].reason == "label edited"


def test_a_parent_with_thousands_of_children_still_finds_the_edit() -> None:
    root = Node("Root")
    for i in range(5000):
        root.add(Node(f"Decision {i:04d}: which queue"))
    found = HomeIndex(MindMap(root)).suggest(("Root", "Decision 1234: which queues"))
    assert found[0].path == ("Root", "Decision 1234: which queue")
    assert found[0].reason == "label edited"


def test_a_label_used_thousands_of_times_is_scored_for_a_bounded_few() -> None:
    root = Node("Root")
    for i in range(3000):
        root.add(Node(f"Option {i}")).add(Node("Pros"))
    moved = root.add(Node("Moved here")).add(Node("Option 7")).add(Node("Pros"))
    homes = HomeIndex(MindMap(root))
    found = homes.suggest(("Root", "Renamed", "Option 7", "Pros"))
    # the one under a parent of the same label shares most of the orphan's path
    assert found[0].path == MindMap(root).path_of(moved)
    assert found[0].reason == "same label, moved to another branch"


def test_a_deep_map_is_placed_without_recursion() -> None:
    root = Node("Root")
    at = root
    for i in range(8000):
        at = at.add(Node(f"level {i}"))
    at.add(Node("leaf"))
    mind_map = MindMap(root)
    found = HomeIndex(mind_map).suggest(("Root", "Gone", "leaf"))
    assert found[0].path == mind_map.path_of(at.children[0])
    assert len(found[0].path) == 8002


class CountingMatcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
    made = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        CountingMatcher.made += 1
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def test_many_orphans_are_never_compared_with_the_whole_map(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each orphan is compared with a bounded few labels, however big the map: with 2,000
    nodes and 500 orphans, comparing each with the whole map makes a million matchers."""
    root = Node("Root")
    for b in range(200):
        branch = root.add(Node(f"Branch {b}"))
        for c in range(9):
            branch.add(Node(f"Option {b}-{c} tool"))
    mind_map = MindMap(root)
    orphans = []
    for i in range(500):
        b, c = i % 200, i % 9
        orphans += [
            ("Root", f"Branch {b}", f"Option {b}-{c} tol"),
            ("Root", f"Old {b}", f"Option {b}-{c} tool"),
            ("Root", f"Gone {i}", f"Nothing like {i}"),
        ]
    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)
    CountingMatcher.made = 0
    homes = HomeIndex(mind_map)
    placed = [homes.suggest(orphan, limit=1) for orphan in orphans]
    assert CountingMatcher.made <= 12 * len(orphans)
    assert placed[0][0].path == ("Root", "Branch 0", "Option 0-0 tool")
    assert placed[1][0].path == ("Root", "Branch 0", "Option 0-0 tool")
    assert placed[2] == []


def test_the_work_per_orphan_is_bounded_for_long_repetitive_labels(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Labels built to be difflib's worst case get one comparison each, not six."""
    root = Node("Root")
    for i in range(300):
        root.add(Node(f"{i}" + "ab" * 60))
    homes = HomeIndex(MindMap(root))
    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)
    CountingMatcher.made = 0
    for i in range(100):
        homes.suggest(("Root", "Other", f"{i}x" + "ab" * 60), limit=1)
    assert CountingMatcher.made <= 100 * (1 + decisions._SIBLING_COMPARISONS)
