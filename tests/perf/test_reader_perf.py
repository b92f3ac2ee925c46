"""Reading benchmarks (run by `make bench`): a generated 100,000-node map must read in
under a second on the reference 2-core machine; the built-in map is the everyday case."""

from __future__ import annotations

import random

import pytest

from karar.core.mermaid import parse_mermaid
from karar.core.mermaid_writer import to_mermaid
from karar.core.sources import builtin_text, find_mindmap, load_map


def generated_map(nodes: int, seed: int = 1) -> str:
    """Mermaid text of a random tree: mixed-language labels, some with parentheses (Karar's
    plain-line fix), some shaped, depth up to 12."""
    rnd = random.Random(seed)
    words = [
        "alpha",
        "beta",
        "cache",
        "queue",
        "Yönetim",
        "İzleme",
        "şema",
        "çözüm",
        "database",
        "auth",
    ]
    lines = ["mindmap", "  root((Generated))"]
    depth = 1
    for i in range(nodes - 1):
        depth = rnd.randint(2, min(depth + 1, 12))
        label = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 4)))
        kind = rnd.random()
        if kind < 0.1:
            label = f"{label} (note {i})"
        elif kind < 0.15:
            label = f"n{i}[{label}]"
        else:
            label = f"{label} {i}"
        lines.append("  " * depth + label)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def map_100k() -> str:
    return generated_map(100_000)


def test_read_100k_default(benchmark, map_100k: str) -> None:
    result = benchmark.pedantic(parse_mermaid, args=(map_100k,), rounds=5, iterations=1)
    assert len(result.map) == 100_000


def test_read_100k_strict(benchmark, map_100k: str) -> None:
    result = benchmark.pedantic(
        parse_mermaid, args=(map_100k,), kwargs={"strict": True}, rounds=5, iterations=1
    )
    assert len(result.map) == 100_000


def test_read_builtin(benchmark) -> None:
    source = find_mindmap(builtin_text(), "builtin:django", markdown=True)
    result = benchmark(parse_mermaid, source.text)
    assert len(result.map) == 267


def test_write_100k_mermaid(benchmark, map_100k: str) -> None:
    mind_map = parse_mermaid(map_100k).map
    text = benchmark.pedantic(to_mermaid, args=(mind_map,), rounds=3, iterations=1)
    assert text.startswith("mindmap\n")


def test_load_builtin_end_to_end(benchmark) -> None:
    assert len(benchmark(load_map, None)) == 267
