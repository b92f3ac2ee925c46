"""The fast reading of :mod:`karar.core.yamlsafe` drifts from nothing: what it reads is what
PyYAML's ``safe_load`` reads (values and types), and what the exact reading (the composer
and builder it hands anything unusual to) reads, lines included; what the exact reading
refuses, the fast one never accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from yamlgen import SCALARS, same, yaml_like

from karar.core import yamlsafe
from karar.core.project import ProjectError
from karar.core.yamlsafe import Omap, Pairs, Where

CORPUS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def exact(text: str) -> tuple[Any, Where]:
    """``text`` read by the exact reading alone (the composer, then the builder)."""

    def fail(line: int | None, message: str) -> ProjectError:
        return ProjectError("p", line, message)

    root, order = yamlsafe._Composer(text, 1, fail).compose()
    if root is None:
        return None, Where(1)
    values, wheres = yamlsafe._Builder(1, fail).build(order)
    return values[id(root)], wheres[id(root)]


def fast(text: str) -> tuple[Any, Where] | None:
    """``text`` read by the fast reading alone (None: it hands the text on)."""
    try:
        return yamlsafe._read_fast(text, 1)
    except yamlsafe._ExactReadingError:
        return None


def lines(where: Where) -> Any:
    """Every line a :class:`Where` holds, as plain data to compare."""
    if where.keys is not None:
        return where.line, [(k, line, lines(w)) for k, (line, w) in where.keys.items()]
    if where.items is not None:
        return where.line, [lines(w) for w in where.items]
    return where.line


def plain(value: Any) -> Any:
    """Ordered maps and pairs as PyYAML gives them: lists of tuples."""
    if isinstance(value, Omap | Pairs):
        return [(plain(k), plain(v)) for k, v in value]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


keys = st.one_of(
    st.text(max_size=10),
    st.sampled_from(SCALARS),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.dates(),
)
scalars = st.one_of(keys, st.floats(), st.datetimes(), st.binary(max_size=12), st.text())
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=4),
        # the same object twice: PyYAML writes an anchor and an alias
        inner.map(lambda v: [v, v]),
    ),
    max_leaves=15,
)
written = st.builds(
    lambda data, flow: yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True),
    trees,
    st.sampled_from([False, True, None]),
)
documents = st.one_of(yaml_like(), written)


@CORPUS
@given(documents)
def test_what_both_read_reads_as_pyyaml_reads_it(text: str) -> None:
    # PyYAML's own parser and libyaml's disagree on a few texts ("!" alone is None to one,
    # "" to the other): the reference reads with the parser Karar's reader uses for it.
    parser = yamlsafe._loader_class(text)
    loader = yaml.CSafeLoader if parser is getattr(yaml, "CSafeLoader", None) else yaml.SafeLoader
    try:
        theirs = yaml.load(text, Loader=loader)
    except Exception:  # PyYAML refuses it, in one of its many ways
        assume(False)
    try:
        ours, _ = yamlsafe.load(text, "p", ProjectError)
    except ProjectError:
        assume(False)  # a guard refuses it (duplicate keys, tags, sets with values...)
    assert same(plain(ours), theirs)


@CORPUS
@given(documents)
def test_the_fast_reading_reads_what_the_exact_one_does(text: str) -> None:
    try:
        expected = exact(text)
    except ProjectError:
        assert fast(text) is None
        return
    got = fast(text)
    if got is not None:
        assert same(got[0], expected[0])
        assert lines(got[1]) == lines(expected[1])


def test_karar_s_own_files_take_the_fast_reading() -> None:
    text = yamlsafe.dump(
        {
            "karar": 1,
            "map": "m.mmd",
            "view": {"zoom": 1.5, "center": [0, -2.5], "layout": "tree"},
            "nodes": [
                {"path": ["R", "A: b", 2026], "checked": True, "date": dt.date(2026, 1, 2)},
                {"path": ["R", "B"], "status": "rejected", "note": "two\nlines\n"},
            ],
        }
    )
    got = fast(text)
    assert got is not None
    assert same(got[0], exact(text)[0])
    assert lines(got[1]) == lines(exact(text)[1])


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a key twice
        "a: &x [1]\nb: *y\n",  # an alias of nothing
        "a: &x [*x]\n",  # an alias inside its anchor
        "a: &x 1\nb: &x 2\n",  # an anchor twice
        "? [a]\n: 1\n",  # a list as a key
        "a: !!python/name:os.system x\n",  # a tag Karar does not read
        "a: !!set {x}\n",  # a set: the exact reading's
        "a: &b {x: 1}\nc:\n  <<: *b\n",  # a merge key: the exact reading's
        "a: 2024-02-30\n",  # no such day
        "a: " + "9" * 1001 + "\n",  # a number too long
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [1\n",  # not YAML
        "a: " + "[" * 101 + "]" * 101 + "\n",  # too deep
    ],
)
def test_anything_unusual_is_left_to_the_exact_reading(text: str) -> None:
    assert fast(text) is None


def test_aliases_share_the_value_and_count_towards_the_bound() -> None:
    got = fast("a: &x [1, 2]\nb: *x\nc: *x\n")
    assert got is not None
    data, where = got
    assert data["b"] is data["a"] and where.value("c") is where.value("a")
    bomb = "l0: &l0 [" + ", ".join(["x"] * 99) + "]\n"  # 100 values
    bomb += "l1: [" + ", ".join(["*l0"] * 1000) + "]\n"
    assert fast(bomb) is not None  # 100,000 values repeated: the bound
    assert fast(bomb + "l2: *l0\n") is None  # 100 more: over it
    with pytest.raises(ProjectError, match="alias bomb"):
        exact(bomb + "l2: *l0\n")
