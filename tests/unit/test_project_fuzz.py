"""Hypothesis over the project loader (issue 8, class 6): any text, and text shaped to hit
YAML's corners, either loads or is one :class:`ProjectError` naming the file; whatever
loads saves and loads back as the same data; and whatever Karar may hold in a project
(sets, ordered maps, dates, bytes, NaN...) is written so it reads back the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yamlgen import same, yaml_like

from karar.core import project as proj
from karar.core import yamlsafe
from karar.core.project import ProjectError
from karar.core.yamlsafe import Omap, Pairs

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATA = settings(FUZZ, max_examples=120)


def load_or_refuse(text: str) -> proj.Project | None:
    try:
        return proj.loads(text, path="p.karar.yaml")
    except ProjectError as exc:
        error = exc
    assert "\n" not in str(error) and str(error).startswith("p.karar.yaml")
    assert error.line is None or error.line >= 1
    return None


def saves_back(project: proj.Project) -> None:
    text = project.dumps()
    again = proj.loads(text)
    assert same(again.to_data(), project.to_data())
    assert [m for _, m in again.warnings] == [m for _, m in project.warnings]
    assert again.dumps() == text


@FUZZ
@given(st.text(max_size=400))
def test_any_text_loads_or_is_a_project_error(text: str) -> None:
    project = load_or_refuse(text)
    if project is not None:
        saves_back(project)


@FUZZ
@given(yaml_like())
def test_yaml_shaped_text_loads_or_is_a_project_error(text: str) -> None:
    project = load_or_refuse(text)
    if project is not None:
        saves_back(project)


minutes = st.integers(-(24 * 60 - 1), 24 * 60 - 1)
keys = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.dates(),
)
scalars = st.one_of(
    keys,
    st.integers(-(10**300), 10**300),
    st.floats(),
    st.binary(max_size=20),
    # YAML writes an offset in whole minutes, as everything it reads has.
    st.datetimes(timezones=st.none() | minutes.map(lambda m: dt.timezone(dt.timedelta(minutes=m)))),
    st.text(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=4),
        st.sets(keys, max_size=4),
        st.lists(st.tuples(keys, inner), max_size=3).map(lambda p: Omap(dict(p).items())),
        st.lists(st.tuples(keys, inner), max_size=3).map(Pairs),
    ),
    max_leaves=12,
)


@DATA
@given(st.dictionaries(st.text(max_size=8), values, max_size=5))
def test_what_a_project_holds_is_written_so_it_reads_back_the_same(data: dict[str, Any]) -> None:
    text = yamlsafe.dump(data)
    back, _ = yamlsafe.load(text, "p", ProjectError)
    assert same(back, data)


KNOWN = {*proj._KNOWN_TOP, *proj._KNOWN_ENTRY, *proj._VIEW_CHECKS}


@DATA
@given(st.dictionaries(st.text(max_size=8).filter(lambda k: k not in KNOWN), values, max_size=5))
def test_unknown_keys_of_any_kind_survive_a_save(extra: dict[str, Any]) -> None:
    project = proj.Project(map_ref="m.mmd", extra=extra)
    project.update(("R", "A"), checked=True, note="why", extra=dict(extra))
    project.view_extra = dict(extra)
    again = proj.loads(project.dumps())
    assert same(again.extra, extra)
    assert same(again.entries[("R", "A")].extra, extra)
