"""The tree model: walks, project paths with ``#N`` suffixes, conversions."""

from __future__ import annotations

from karar.core.model import MindMap, Node, Shape


def sample() -> MindMap:
    root = Node("R")
    a = root.add(Node("A"))
    a.add(Node("x"))
    a.add(Node("x"))
    a.add(Node("y"))
    root.add(Node("A"))
    return MindMap(root)


def test_walk_is_preorder() -> None:
    assert [n.label for n in sample()] == ["R", "A", "x", "x", "y", "A"]


def test_paths_number_repeated_sibling_labels() -> None:
    m = sample()
    paths = m.paths()
    assert sorted(paths.values()) == sorted(
        [("R",), ("R", "A"), ("R", "A", "x"), ("R", "A", "x #2"), ("R", "A", "y"), ("R", "A #2")]
    )
    for node, path in paths.items():
        assert m.path_of(node) == path
        assert m.find(path) is node
    assert m.find(("R", "A", "x #3")) is None
    assert m.find(("Other",)) is None


def test_dict_round_trip() -> None:
    m = sample()
    m.root.children[0].shape = Shape.CLOUD  # type: ignore[union-attr]
    assert MindMap.from_dict(m.to_dict()).to_dict() == m.to_dict()
    assert MindMap(None).to_dict() is None


def test_deep_chain_has_no_recursion() -> None:
    root = Node("0")
    node = root
    for i in range(1, 6000):
        node = node.add(Node(str(i)))
    m = MindMap(root)
    assert len(m) == 6000
    assert node.depth == 5999
    assert m.find(m.path_of(node)) is node
    # (Comparing two 6,000-deep dicts with == would itself recurse: compare the walks.)
    copy = MindMap.from_dict(m.to_dict())
    assert [(n.label, n.depth) for n in copy][-3:] == [(n.label, n.depth) for n in m][-3:]
    assert len(copy) == 6000


def test_networkx_graph() -> None:
    graph = sample().to_networkx()
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 5
    assert graph.nodes[3]["path"] == "R / A / x #2"
    assert graph.nodes[0]["depth"] == 0 and graph.nodes[2]["depth"] == 2
