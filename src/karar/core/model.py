"""The mind-map tree: plain nodes, iterative walks, path identity and conversions.

A :class:`MindMap` owns a tree of :class:`Node` objects in source order. Everything here
is iterative so that a map thousands of levels deep never meets Python's recursion limit.
Render state (sizes, positions, folds) lives elsewhere; a node carries only what the map
file says.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx


class Shape(StrEnum):
    """Mermaid's seven node shapes, named as in the JSON tree of CONTRACT.md."""

    DEFAULT = "default"
    SQUARE = "square"
    ROUNDED = "rounded"
    CIRCLE = "circle"
    BANG = "bang"
    CLOUD = "cloud"
    HEXAGON = "hexagon"


NodePath = tuple[str, ...]


@dataclass(slots=True, eq=False, repr=False)
class Node:
    """One node of a mind map.

    Attributes:
        label: The text as Mermaid stores it (markdown strings keep their Markdown source).
        id: Mermaid's node id: the text before the shape, or the label where there is none.
        shape: The node's shape.
        icon: Text inside ``::icon(...)``, or None.
        css_class: Text after ``:::`` (space-separated class names), or None.
        line: 1-based line in the source file where the node starts (0 if not from a file).
        markdown: True when the label was written as a markdown string (``"`...`"``).
        children: Child nodes in source order.
        parent: The parent node, None for the root.
    """

    label: str
    id: str = ""
    shape: Shape = Shape.DEFAULT
    icon: str | None = None
    css_class: str | None = None
    line: int = 0
    markdown: bool = False
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    def __repr__(self) -> str:
        return f"Node({self.label!r}, shape={self.shape.value}, children={len(self.children)})"

    def add(self, child: Node) -> Node:
        """Append ``child`` as the last child and return it."""
        child.parent = self
        self.children.append(child)
        return child

    def walk(self) -> Iterator[Node]:
        """Yield this node and its descendants in pre-order (source order)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def ancestors(self) -> Iterator[Node]:
        """Yield the parent, the grandparent, ... up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def depth(self) -> int:
        """Number of edges between this node and the root."""
        return sum(1 for _ in self.ancestors())

    def descendant_count(self) -> int:
        """Number of nodes below this one."""
        return sum(1 for _ in self.walk()) - 1

    def path_element(self) -> str:
        """This node's element of a project-file path: its label, with ``" #N"`` when it is
        the N-th (N >= 2) of its siblings carrying that label."""
        if self.parent is None:
            return self.label
        n = 0
        for sibling in self.parent.children:
            if sibling.label == self.label:
                n += 1
            if sibling is self:
                break
        return self.label if n == 1 else f"{self.label} #{n}"


def sibling_path_elements(children: list[Node]) -> list[str]:
    """Path elements for a list of siblings, numbering repeated labels ``#2``, ``#3``..."""
    seen: dict[str, int] = {}
    out = []
    for child in children:
        n = seen.get(child.label, 0) + 1
        seen[child.label] = n
        out.append(child.label if n == 1 else f"{child.label} #{n}")
    return out


@dataclass(slots=True, eq=False)
class MindMap:
    """A parsed mind map: the root (None for a map without nodes) and its front-matter title.

    Attributes:
        root: The root node, or None when the mindmap has no nodes.
        title: The ``title`` from YAML front matter, if any.
        source: Where the map came from (a file path or ``builtin:NAME``), for messages.
    """

    root: Node | None
    title: str | None = None
    source: str = ""

    def __iter__(self) -> Iterator[Node]:
        return self.root.walk() if self.root is not None else iter(())

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @property
    def display_title(self) -> str:
        """The title a user sees: the front-matter title, else the root label."""
        if self.title:
            return self.title
        return self.root.label if self.root is not None else ""

    def paths(self) -> dict[Node, NodePath]:
        """Every node's path of labels from the root (CONTRACT.md node identity)."""
        if self.root is None:
            return {}
        result: dict[Node, NodePath] = {self.root: (self.root.label,)}
        stack = [self.root]
        while stack:
            node = stack.pop()
            base = result[node]
            for child, element in zip(
                node.children, sibling_path_elements(node.children), strict=True
            ):
                result[child] = (*base, element)
                stack.append(child)
        return result

    def path_of(self, node: Node) -> NodePath:
        """The path of one node (walks up; no full-map index needed)."""
        elements = [node.path_element()]
        elements.extend(a.path_element() for a in node.ancestors())
        return tuple(reversed(elements))

    def find(self, path: NodePath | list[str]) -> Node | None:
        """The node at ``path``, or None where the map has no such node."""
        if self.root is None or not path or path[0] != self.root.label:
            return None
        node = self.root
        for element in path[1:]:
            children = node.children
            for child, name in zip(children, sibling_path_elements(children), strict=True):
                if name == element:
                    node = child
                    break
            else:
                return None
        return node

    # ------------------------------------------------------------------ conversions

    def to_dict(self) -> dict[str, Any] | None:
        """The JSON tree of CONTRACT.md (None for an empty map)."""
        if self.root is None:
            return None
        out: dict[Node, dict[str, Any]] = {}
        for node in self.root.walk():
            d: dict[str, Any] = {
                "label": node.label,
                "id": node.id,
                "shape": node.shape.value,
                "icon": node.icon,
                "class": node.css_class,
                "children": [],
            }
            out[node] = d
            if node.parent is not None:
                out[node.parent]["children"].append(d)
        return out[self.root]

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, *, title: str | None = None) -> MindMap:
        """Build a map from the JSON tree of CONTRACT.md."""
        if data is None:
            return cls(None, title=title)

        def make(d: dict[str, Any]) -> Node:
            return Node(
                label=d["label"],
                id=d.get("id", d["label"]),
                shape=Shape(d.get("shape", "default")),
                icon=d.get("icon"),
                css_class=d.get("class"),
            )

        root = make(data)
        stack = [(root, data)]
        while stack:
            node, d = stack.pop()
            for cd in d.get("children", []):
                child = node.add(make(cd))
                stack.append((child, cd))
        return cls(root, title=title)

    def to_networkx(self) -> nx.DiGraph:
        """A directed graph (parent -> child) with one vertex per node.

        Vertices are pre-order integers; attributes carry label, id, shape, icon, class,
        line, depth and the project path (joined with `` / ``).
        """
        import networkx as nx  # lazy: ~0.3 s to import, never on the start-up path

        graph = nx.DiGraph(title=self.display_title)
        index: dict[Node, int] = {}
        depth: dict[Node, int] = {}
        paths = self.paths()
        for i, node in enumerate(self):
            index[node] = i
            depth[node] = 0 if node.parent is None else depth[node.parent] + 1
            graph.add_node(
                i,
                label=node.label,
                mermaid_id=node.id,
                shape=node.shape.value,
                icon=node.icon or "",
                css_class=node.css_class or "",
                line=node.line,
                depth=depth[node],
                path=" / ".join(paths[node]),
            )
            if node.parent is not None:
                graph.add_edge(index[node.parent], i)
        return graph
