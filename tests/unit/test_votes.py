"""Tests of karar.core.votes and the vote filters without Qt: who took part in a tally, each
node's vote, the strongest vote below a branch, and what Agreed by All, Split Votes and
Nobody Voted show."""

from __future__ import annotations

from pathlib import Path

from karar.core.filters import FILTERS, AgreedByAll, NobodyVoted, Split
from karar.core.merge import merge_projects
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.project import NodeState, Project
from karar.core.state import MapState
from karar.core.votes import Tally, Vote, participants

MAP = (
    "mindmap\n"
    "  Root\n"
    "    Data\n"
    "      PostgreSQL\n"
    "      MySQL\n"
    "    Cache\n"
    "      Redis\n"
    "      Memcached\n"
    "    Queue\n"
)


def tally_state(
    votes: dict[str, list[str]], extra: dict[str, object] | None = None
) -> tuple[MapState, dict[str, Node]]:
    """The small map with a tally: label -> voters."""
    mindmap = parse_mermaid(MAP).map
    by_label = {n.label: n for n in mindmap}
    project = Project(
        "m.mmd",
        entries={
            mindmap.path_of(by_label[label]): NodeState(votes=len(names), voters=names)
            for label, names in votes.items()
        },
        extra=dict(extra or {}),
    )
    return MapState(mindmap, project), by_label


def labels(nodes: set[Node] | None) -> set[str]:
    assert nodes is not None
    return {n.label for n in nodes}


def test_participants_from_the_top_level_list_first() -> None:
    project = Project(
        "m.mmd",
        extra={"participants": ["Ayşe", "Can"], "tally": {"participants": ["X"]}},
        entries={("Root",): NodeState(votes=1, voters=["Deniz"])},
    )
    assert participants(project) == ["Ayşe", "Can"]


def test_participants_from_merges_tally_key_then_the_voters() -> None:
    merged = Project("m.mmd", extra={"tally": {"participants": ["Ayşe", "Can", "Deniz"]}})
    assert participants(merged) == ["Ayşe", "Can", "Deniz"]
    bare = Project(
        "m.mmd",
        entries={
            ("Root", "A"): NodeState(votes=2, voters=["Can", "Ayşe"]),
            ("Root", "B"): NodeState(votes=2, voters=["Ayşe", "Deniz"]),
        },
    )
    assert participants(bare) == ["Can", "Ayşe", "Deniz"]
    assert participants(Project("m.mmd")) == []


def test_votes_shares_and_the_strongest_below() -> None:
    state, n = tally_state(
        {"PostgreSQL": ["A", "B", "C"], "MySQL": ["A"], "Redis": ["B", "C"]},
        {"tally": {"participants": ["A", "B", "C", "D"]}},
    )
    tally = Tally(state)
    assert tally.is_tally and tally.count == 4
    assert tally.vote(n["PostgreSQL"]) == Vote(3, 4)
    assert tally.vote(n["PostgreSQL"]).text == "3/4"  # type: ignore[union-attr]
    assert tally.vote(n["Memcached"]) is None
    assert tally.voters(n["Redis"]) == ["B", "C"]
    assert tally.strongest_below(n["Data"]) == Vote(3, 4)
    assert tally.strongest_below(n["Cache"]) == Vote(2, 4)
    assert tally.strongest_below(n["Root"]) == Vote(3, 4)
    assert tally.strongest_below(n["Queue"]) is None
    assert tally.strongest_below(n["PostgreSQL"]) is None


def test_a_project_without_votes_is_no_tally() -> None:
    mindmap = parse_mermaid(MAP).map
    tally = Tally(MapState(mindmap, Project("m.mmd")))
    assert not tally.is_tally
    assert tally.vote(mindmap.root) is None  # type: ignore[arg-type]


def test_the_vote_filters_show_what_they_say_with_the_path() -> None:
    state, _n = tally_state(
        {"PostgreSQL": ["A", "B", "C"], "MySQL": ["A"], "Redis": ["B", "C"]},
        {"tally": {"participants": ["A", "B", "C"]}},
    )
    assert labels(AgreedByAll().shown(state)) == {"Root", "Data", "PostgreSQL"}
    assert labels(Split().shown(state)) == {"Root", "Data", "MySQL", "Cache", "Redis"}
    # the options (leaves) nobody voted for; Queue is a leaf of the first level
    assert labels(NobodyVoted().shown(state)) == {"Root", "Cache", "Memcached", "Queue"}
    assert not AgreedByAll().folds_apply
    assert [f.name for f in FILTERS][-3:] == ["agreed", "split", "no-votes"]


def test_without_participants_the_voters_count_and_nobody_voted_is_empty_off_a_tally() -> None:
    state, _n = tally_state({"PostgreSQL": ["A", "B"], "Redis": ["B"]})
    assert labels(AgreedByAll().shown(state)) == {"Root", "Data", "PostgreSQL"}
    assert labels(Split().shown(state)) == {"Root", "Cache", "Redis"}
    plain = MapState(parse_mermaid(MAP).map, Project("m.mmd"))
    assert labels(NobodyVoted().shown(plain)) == {"Root"}


def test_a_tally_merged_from_three_files_reads_back(tmp_path: Path) -> None:
    mindmap: MindMap = parse_mermaid(MAP).map
    by_label = {n.label: n for n in mindmap}

    def person(name: str, checked: list[str]) -> Project:
        return Project(
            "m.mmd",
            participant=name,
            entries={mindmap.path_of(by_label[c]): NodeState(checked=True) for c in checked},
        )

    tally = merge_projects(
        [
            person("Ayşe", ["PostgreSQL", "Redis"]),
            person("Can", ["PostgreSQL"]),
            person("Deniz", ["PostgreSQL", "Memcached"]),
        ],
        tmp_path / "tally.karar.yaml",
    )
    votes = Tally(MapState(mindmap, tally))
    assert votes.count == 3
    assert votes.vote(by_label["PostgreSQL"]) == Vote(3, 3)
    assert votes.vote(by_label["Redis"]) == Vote(1, 3)
    assert votes.voters(by_label["Memcached"]) == ["Deniz"]
