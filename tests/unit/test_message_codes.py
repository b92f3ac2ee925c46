"""Core's errors and warnings carry a code and the params their text quotes
(:class:`karar.core.errors.Message`), for the window to say them in its language, while
their text stays the English the command line prints."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from karar.core import project as projects
from karar.core.errors import LocatedError, MapError, MapSyntaxError, Message, one_line, said
from karar.core.merge import merge_projects
from karar.core.model import Shape
from karar.core.project import Project, ProjectError
from karar.core.sources import (
    find_mindmap,
    load_source,
    parse_source,
    read_map,
    read_text,
    reading_warnings,
)
from karar.core.status import Decision, parse_date, parse_decision
from karar.core.textfile import read_bytes


def _raised(call: object, error: type[LocatedError] = LocatedError) -> Message:
    """The message of the error ``call()`` raises, checked to be a Message."""
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    message = info.value.message
    assert isinstance(message, Message), message
    return message


def test_a_message_is_its_english_text_with_a_code_and_params() -> None:
    said_ = Message("no such file", "no-file")
    assert said_ == "no such file" and str(said_) == "no such file" and said_.code == "no-file"
    with_params = Message("the map 'a' is odd", "odd", map="a", text="b")  # "text" is a param
    assert with_params.params == {"map": "a", "text": "b"}
    assert f"{with_params}" == "the map 'a' is odd" and repr(with_params) == repr(str(with_params))
    for kept in (
        copy.copy(with_params),
        copy.deepcopy(with_params),
        pickle.loads(pickle.dumps(with_params)),
    ):
        assert (kept, kept.code, kept.params) == (with_params, "odd", {"map": "a", "text": "b"})


def test_one_line_keeps_the_code() -> None:
    message = Message("bad\nthing", "bad", label="a\nb")
    flat = one_line(message)
    assert flat == "bad\\nthing" and isinstance(flat, Message)
    assert (flat.code, flat.params) == ("bad", {"label": "a\nb"})
    err = MapError("m.mmd", 3, message)
    assert str(err) == "m.mmd:3: bad\\nthing" and type(str(err)) is str
    assert said(err) is message
    assert said(ValueError(Message("x", "y"))).code == "y"  # type: ignore[attr-defined]
    assert said(RuntimeError("plain")) == "plain"
    assert said(OSError(2, "No such file or directory")) == "[Errno 2] No such file or directory"


def test_reading_a_file_says_what_is_wrong_by_code(tmp_path: Path) -> None:
    assert _raised(lambda: read_text(tmp_path / "gone.mmd")).code == "no-file"
    folder = _raised(lambda: read_text(tmp_path))
    assert folder == "is a folder, not a map file" and folder.code == "is-folder"
    assert folder.params["what"] == "map file"
    assert folder.params["what"].code == "map-file"  # type: ignore[attr-defined]
    (tmp_path / "empty.mmd").write_text("  \n", encoding="utf-8")
    assert _raised(lambda: read_text(tmp_path / "empty.mmd")).code == "empty-file"
    (tmp_path / "nul.mmd").write_bytes(b"mindmap\n  a\0\n")
    assert _raised(lambda: read_text(tmp_path / "nul.mmd")).code == "binary"
    (tmp_path / "wide.mmd").write_bytes("mindmap\n  a\n".encode("utf-16"))
    wide = _raised(lambda: read_text(tmp_path / "wide.mmd"))
    assert (wide.code, wide.params) == ("utf16", {"encoding": "UTF-16"})
    (tmp_path / "latin.mmd").write_bytes(b"mindmap\n  caf\xe9\n")
    latin = _raised(lambda: read_text(tmp_path / "latin.mmd"))
    assert (latin.code, latin.params) == ("not-utf8", {"byte": "0xe9"})
    big = tmp_path / "big.mmd"
    big.write_bytes(b"x" * (3 * 2**20))
    large = _raised(lambda: read_bytes(big, MapError, limit=2**20))
    assert large == "file is too large (3.0 MiB; Karar reads files up to 1 MiB)"
    assert (large.code, large.params["limit"]) == ("too-large", 1.0)
    assert large.params["how"].code == "size" and large.params["what"].code == "file"  # type: ignore[attr-defined]


def test_finding_the_mindmap_says_what_is_missing_by_code() -> None:
    none = _raised(lambda: find_mindmap("# Notes\n\n```mermaid\ngraph TD\n```\n", "n.md"))
    assert (none.code, none.params) == ("no-mindmap-block", {"blocks": 1})
    assert _raised(lambda: find_mindmap("# Notes\n", "n.md")).code == "no-block"
    two = find_mindmap("```mermaid\nmindmap\n  A\n```\n```mermaid\nmindmap\n  B\n```\n", "t.md")
    assert [(line, message.code) for line, message in two.notices] == [(5, "another-mindmap")]  # type: ignore[attr-defined]
    assert _raised(lambda: load_source("builtin:nope")).code == "no-builtin"


@pytest.mark.parametrize(
    ("text", "strict", "code", "params"),
    [
        ("mindmap\n  A\n  B\n", False, "second-root", {"label": "B"}),
        ("graph TD\n  A\n", False, "not-mindmap", {"found": "graph TD"}),
        ("%% nothing\n", False, "empty-map", {}),
        ("mindmap\n  A[open\n", True, "never-closed", {"opener": "["}),
        ("mindmap\n  A(b) c\n", True, "text-after", {"text": "c"}),
        ("mindmap\n\n  A\n", True, "blank-after-keyword", {}),
        ("mindmap\n  ::icon(fa)\n", False, "decoration-first", {"what": "::icon(...)"}),
        ("---\ntitle: [a]\n---\nmindmap\n  A\n", False, "title-not-text", {}),
    ],
)
def test_syntax_errors_carry_their_code(
    text: str, strict: bool, code: str, params: dict[str, object]
) -> None:
    from karar.core.mermaid import parse_mermaid

    message = _raised(lambda: parse_mermaid(text, strict=strict), MapSyntaxError)
    assert (message.code, message.params) == (code, params)


def test_a_shape_read_on_says_where_mermaid_goes() -> None:
    from karar.core.mermaid import parse_mermaid

    message = _raised(lambda: parse_mermaid("mindmap\n  A(b\n  c) d\n", strict=True))
    assert message.code == "running-on"
    assert message.params["message"].code == "text-after"  # type: ignore[attr-defined]
    assert message.params["where"].params == {"last": 3}  # type: ignore[attr-defined]


def test_front_matter_errors_say_where_they_are() -> None:
    from karar.core.mermaid import parse_mermaid

    message = _raised(lambda: parse_mermaid("---\ntitle: &a x\nother: &a y\n---\nmindmap\n  A\n"))
    assert message == "the front matter: the anchor &a is set twice (lines 2 and 3)"
    assert message.code == "front-matter"
    inner = message.params["message"]
    assert isinstance(inner, Message) and inner.code == "yaml-anchor-twice"
    assert inner.params == {"anchor": "a", "first": 2, "line": 3}


def _warnings(text: str, *, strict: bool = False) -> list[tuple[int, str]]:
    source = find_mindmap(text, "m.mmd")
    return reading_warnings(source, parse_source(source, strict=strict))


def test_reading_warnings_carry_how_each_reader_reads_the_line() -> None:
    found = _warnings("MindMap\n  Root\n    a b(c)\n    Kotlin<br/>(JVM)\n    x(y) z\n")
    codes = [(line, message.code) for line, message in found]  # type: ignore[attr-defined]
    assert codes == [
        (1, "keyword-case"),
        (3, "reads-differently"),
        (4, "markup-in-id"),
        (5, "reads-differently"),
    ]
    reads = found[1][1]
    assert isinstance(reads, Message)
    how = reads.params["mermaid"]
    assert isinstance(how, Message) and how.code == "mermaid-reads-as"  # said of the line
    assert how.params == {"shape": Shape.ROUNDED, "label": "c"}
    assert reads.params["karar"].code == "whole-line"  # type: ignore[attr-defined]
    assert reads.params["safe"] == "a b#40;c#41;"
    markup = found[2][1]
    assert markup.params == {  # type: ignore[attr-defined]
        "shape": Shape.ROUNDED,
        "label": "JVM",
        "id": "Kotlin<br/>",
        "safe": "Kotlin<br/>#40;JVM#41;",
    }
    rejected = found[3][1].params["mermaid"]  # type: ignore[attr-defined]
    assert rejected.code == "mermaid-rejects" and rejected.params["why"].code == "text-follows"


def test_lines_mermaid_reads_as_one_are_coded() -> None:
    found = _warnings("mindmap\n  Root\n    a[b\n    c]\n    ::icon(fa fa-x\n    d\n")
    assert [m.code for _, m in found] == ["reads-differently", "reads-differently"]  # type: ignore[attr-defined]
    spans, icon = (m.params["mermaid"] for _, m in found)  # type: ignore[attr-defined]
    assert spans.code == "reads-lines-as" and spans.params["first"] == 3
    assert spans.params["shape"] is Shape.SQUARE
    assert icon.code == "icon-lines" and found[1][1].params["karar"].code == "ignored-line"  # type: ignore[attr-defined]
    strict = _warnings("mindmap\n  Root\n    a[b\n    c]\n", strict=True)
    assert [m.code for _, m in strict] == ["shape-spans"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("yaml", "code"),
    [
        ("karar: 1\nmap: m.mmd\nnodes: [\n", "yaml-invalid"),
        ("karar: 1\nmap: m.mmd\nmap: n.mmd\n", "yaml-key-twice"),
        ("karar: 1\nmap: !!python/name:os.system m.mmd\n", "yaml-tag"),
        ("karar: 1\nmap: m.mmd\n---\nkarar: 1\n", "yaml-second-document"),
        ("karar: 1\nmap: m.mmd\nwhen: !!timestamp 2026-13-01\n", "yaml-not-a-because"),
        ("map: m.mmd\n", "not-a-project"),
        ("karar: 9\nmap: m.mmd\n", "newer-format"),
        ("karar: 1\nmap: https://x/m.mmd\n", "map-url"),
        ("karar: 1\nmap: m.mmd\nnodes:\n  - path: [A]\n    checked: maybe\n", "not-true-or-false"),
        ("karar: 1\nmap: m.mmd\nnodes:\n  - path: [A]\n    status: done\n", "status-unknown"),
        ("karar: 1\nmap: m.mmd\nnodes:\n  - path: [A]\n    date: '2026-02-30'\n", "date-no-day"),
        ("karar: 1\nmap: m.mmd\nnodes:\n  - path: [A]\n  - path: [A]\n", "entry-twice"),
    ],
)
def test_project_errors_carry_their_code(yaml: str, code: str) -> None:
    assert _raised(lambda: projects.loads(yaml, path="p.karar.yaml"), ProjectError).code == code


def test_nested_reasons_keep_their_own_code() -> None:
    date = _raised(lambda: projects.loads("karar: 1\nmap: m.mmd\nwhen: !!timestamp 2026-13-01\n"))
    assert date.params["what"].code == "yaml-timestamp"  # type: ignore[attr-defined]
    assert date.params["detail"].code == "day-month"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="no real day") as info:
        parse_date("2026-02-30")
    day = info.value.args[0]
    assert day == "'date:' names no real day: 2026-02-30 (day is out of range for month)"
    assert (day.code, day.params["problem"].code) == ("date-no-day", "day-day")
    with pytest.raises(ValueError, match="not a decision state") as info:
        parse_decision("done")
    assert info.value.args[0].params == {
        "status": "done",
        "allowed": "chosen, rejected, considering",
    }
    checked = _raised(
        lambda: projects.loads(
            "karar: 1\nmap: m.mmd\nnodes:\n  - path: [A]\n    checked: true\n    status: rejected\n"
        )
    )
    assert (checked.code, checked.params["decision"]) == ("checked-not-chosen", Decision.REJECTED)


def test_the_usual_yaml_slips_are_coded_and_the_rest_keep_pyyamls_words() -> None:
    slip = _raised(lambda: projects.loads("karar: 1\nmap: m.mmd\nnodes: [\n"))
    assert slip == "not valid YAML: did not find expected node content"
    assert slip.code == "yaml-invalid" and slip.params["problem"].code == "yaml-no-value"  # type: ignore[attr-defined]
    tab = _raised(lambda: projects.loads("karar: 1\n\tmap: m.mmd\n"))
    assert tab.params["problem"].code == "yaml-tab"  # type: ignore[attr-defined]
    other = _raised(lambda: projects.loads("%YAML 1.1\n%YAML 1.1\n---\na: 1\n"))
    assert other.params["problem"] == "found duplicate %YAML directive"
    assert not isinstance(other.params["problem"], Message)


def test_ignored_view_values_are_coded() -> None:
    project = projects.loads("karar: 1\nmap: m.mmd\nview:\n  zoom: big\n  layout: round\n")
    (_, zoom), (_, layout) = project.warnings
    assert isinstance(zoom, Message) and zoom.code == "view-value"
    assert zoom.params["key"] == "zoom" and zoom.params["value"] == "'big'"
    expected = zoom.params["expected"]
    assert isinstance(expected, Message) and expected.code == "view-number"
    assert expected.params == {"low": 0.01, "high": 100.0}
    assert layout.params["expected"].code == "view-one-of"  # type: ignore[attr-defined]
    odd = projects.loads("karar: 1\nmap: m.mmd\nview: [1]\n").warnings[0][1]
    assert odd.code == "view-not-mapping"  # type: ignore[attr-defined]


def test_the_map_a_project_names_keeps_the_maps_own_reason(tmp_path: Path) -> None:
    project = Project(map_ref="gone.mmd", path=tmp_path / "p.karar.yaml")
    message = _raised(lambda: projects.read_project_map(project), ProjectError)
    assert message.code == "project-map" and message.params["map"] == "gone.mmd"
    assert message.params["reason"].code == "no-file"  # type: ignore[attr-defined]


def test_a_failed_save_is_coded(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    project = Project(map_ref="builtin:django", path=blocker / "p.karar.yaml")
    message = _raised(project.save, ProjectError)
    assert message.code == "cannot-save" and message.params["reason"] == "Not a directory"


def test_tallies_in_conflict_name_both_decisions(tmp_path: Path) -> None:
    (tmp_path / "m.mmd").write_text("mindmap\n  Stack\n    PostgreSQL\n", encoding="utf-8")
    paths = []
    for name, who, state in (("one", "a", "checked: true"), ("two", "b", "status: rejected")):
        path = tmp_path / f"{name}.karar.yaml"
        path.write_text(
            f"karar: 1\nmap: m.mmd\nparticipants: [{who}]\nnodes:\n"
            f"  - path: [Stack, PostgreSQL]\n    {state}\n    by: Ece\n",
            encoding="utf-8",
        )
        paths.append(path)
    loaded = [projects.load(p) for p in paths]
    message = _raised(lambda: merge_projects(loaded, tmp_path / "t.karar.yaml"), ProjectError)
    assert message == (
        f"decides Stack / PostgreSQL as rejected, but {paths[0]} decided it as chosen: "
        "settle it in one of the tallies first"
    )
    assert message.code == "tallies-differ"
    assert message.params == {
        "node": "Stack / PostgreSQL",
        "decision": Decision.REJECTED,
        "other": str(paths[0]),
        "other_decision": Decision.CHOSEN,
    }


def test_the_built_in_map_reads_without_warnings() -> None:
    assert read_map(None).warnings == []
