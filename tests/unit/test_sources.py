"""Reading map files: Markdown blocks, the built-in map, and bad input answered with one
clear message (a MapError), never a traceback."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from karar.core.errors import MapError, MapSyntaxError
from karar.core.sources import (
    MAX_MAP_BYTES,
    MapSource,
    builtin_text,
    find_mindmap,
    load_map,
    load_source,
    parse_source,
    reading_warnings,
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_builtin_map_is_package_data() -> None:
    assert "```mermaid" in builtin_text()
    assert load_map(None).root.label.startswith("Django Ekosistemi")  # type: ignore[union-attr]


def test_markdown_first_mindmap_block(tmp_path: Path) -> None:
    text = (
        "# T\n\n```mermaid\ngraph TD\n A-->B\n```\n\n"
        "~~~~ mermaid\nmindmap\n  One\n~~~~\n```mermaid\nmindmap\n  Two\n```\n"
    )
    path = write(tmp_path, "m.md", text)
    source = load_source(path)
    assert source.first_line == 9
    assert source.notices == [
        (12, "another mindmap in this file is ignored: Karar shows the first one")
    ]
    mind_map = load_map(path)
    assert mind_map.root.label == "One" and mind_map.root.line == 10  # type: ignore[union-attr]


def test_markdown_without_mindmap(tmp_path: Path) -> None:
    with pytest.raises(MapError, match="no ```mermaid block"):
        load_map(write(tmp_path, "m.md", "# Just prose\n"))
    with pytest.raises(MapError, match="none of the 1 ```mermaid blocks"):
        load_map(write(tmp_path, "g.md", "```mermaid\ngraph TD\n```\n"))


def test_unclosed_fence_runs_to_the_end(tmp_path: Path) -> None:
    assert (
        load_map(write(tmp_path, "m.md", "```mermaid\nmindmap\n  R\n    A\n"))
        .root.children[0]
        .label
        == "A"
    )  # type: ignore[union-attr]


def test_other_suffix_is_sniffed() -> None:
    assert find_mindmap("mindmap\n  R\n", "x.txt").text == "mindmap\n  R\n"
    assert find_mindmap("```mermaid\nmindmap\n  R\n```\n", "x.txt").first_line == 2


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("empty.mmd", "", "the file is empty", None),
        ("blank.mmd", "  \n\n", "the file is empty", None),
        ("junk.mmd", b"mindmap\n  R\n\x00\x01\x02\xff", "binary file", 3),
        (
            "latin1.mmd",
            "mindmap\n  Ağaç\n".encode("latin-1", errors="replace").replace(b"?", b"\xe7"),
            "not valid UTF-8",
            2,
        ),
        ("nokeyword.mmd", "  Root\n", "no 'mindmap' keyword", 1),
        ("quote.mmd", 'mindmap\n  R\n    a["never closed\n', None, None),
    ],
)
def test_bad_input_gets_one_clear_line(
    tmp_path: Path, name: str, content: str | bytes, message: str | None, line: int | None
) -> None:
    path = write(tmp_path, name, content)
    if message is None:  # Karar's reading copes: the unclosed quote is plain text
        assert load_map(path).root.children[0].label == 'a["never closed'  # type: ignore[union-attr]
        with pytest.raises(MapSyntaxError, match="never closed") as info:
            load_map(path, strict=True)
        assert info.value.line == 3
        return
    with pytest.raises(MapError) as info:
        load_map(path)
    assert message in info.value.message
    assert info.value.line == line
    assert "\n" not in str(info.value)
    assert str(info.value).startswith(str(path))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(MapError, match="no such file"):
        load_map(tmp_path / "nope.mmd")
    with pytest.raises(MapError, match="folder"):
        load_map(tmp_path)


def test_50_mb_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.mmd"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_MAP_BYTES

    def no_read(fd: int, size: int) -> bytes:
        raise AssertionError("read from a file known to be too large")

    monkeypatch.setattr("karar.core.textfile.os.read", no_read)
    with pytest.raises(MapError, match=r"too large \(50\.0 MiB"):
        load_map(path)


def test_200k_node_map(tmp_path: Path) -> None:
    rnd = random.Random(7)
    lines = ["mindmap", "  Root"]
    depth = 1
    for i in range(200_000):
        depth = rnd.randint(2, min(depth + 1, 10))
        lines.append("  " * depth + f"node {i} (x)")
    path = write(tmp_path, "big.mmd", "\n".join(lines) + "\n")
    assert len(load_map(path)) == 200_001  # how fast: tests/perf, tests/hostile/test_linear.py


def test_line_numbers_survive_comments_and_front_matter(tmp_path: Path) -> None:
    text = (
        "# doc\n\n```mermaid\n---\ntitle: X\n---\n"
        "mindmap\n  %% note\n  R\n    A\n    B (x) y\n```\n"
    )
    path = write(tmp_path, "m.md", text)
    mind_map = load_map(path)
    assert [(n.label, n.line) for n in mind_map] == [("R", 9), ("A", 10), ("B (x) y", 11)]
    assert mind_map.title == "X"


# --- what a map's reading warns about (karar check, and the window) -----------------------


def _warnings(text: str, *, strict: bool = False, first_line: int = 1) -> list[tuple[int, str]]:
    source = MapSource("m.mmd", text, first_line)
    return reading_warnings(source, parse_source(source, strict=strict, keep_going=True))


def test_warnings_for_unclosed_shapes_name_every_line(data_dir: Path) -> None:
    text = (data_dir / "unclosed-shapes.mmd").read_text(encoding="utf-8")
    (line3, first), (line4, second) = _warnings(text)
    assert (line3, line4) == (3, 4)
    assert first.startswith("Mermaid rejects this line: a shape opened on this line is not")
    assert first.endswith(
        "Karar reads the whole line as one label. Mermaid-safe: A#91;Açık köşeli parantez"
    )
    assert second.startswith("Mermaid reads lines 4-5 as one cloud node labelled")
    assert second.endswith("Mermaid-safe: B#40;Bitmemiş yuvarlak")
    # --strict: line 3 is an error (not a warning); line 4 still warns
    ((line, message),) = _warnings(text, strict=True)
    assert line == 4 and "close the shape on this line" in message


def test_markup_before_a_shape_is_warned_about() -> None:
    text = "mindmap\n  Diller\n    Kotlin<br/>(JVM)\n    <b>Go</b>[Golang]\n    Rust\n"
    for strict in (False, True):
        (l1, kotlin), (l2, go) = _warnings(text, strict=strict)
        assert (l1, l2) == (3, 4)
        assert kotlin == (
            "Mermaid reads this line as a rounded node labelled 'JVM': the text before the "
            "shape, 'Kotlin<br/>', holds markup but is only the node's id and is not shown. "
            "Mermaid-safe: Kotlin<br/>#40;JVM#41;"
        )
        assert go.endswith("Mermaid-safe: <b>Go</b>#91;Golang#93;")


def test_plain_ids_before_a_shape_are_not_warned_about() -> None:
    text = "mindmap\n  root((Django))\n    id1[Label]\n    a&amp;b(x)\n    x<y(z)\n"
    assert _warnings(text) == []
    # an .md block: the warning's line is the file's line
    assert _warnings("mindmap\n  R\n    a<br>b(c)\n", first_line=10)[0][0] == 12


def test_an_unclosed_icon_gets_its_closed_spelling() -> None:
    ((line, message),) = _warnings("mindmap\n  R\n    ::icon(fa fa-book\n    A\n")
    assert line == 3
    assert message.endswith("Karar ignores this line. Mermaid-safe: ::icon(fa fa-book)")


def test_line_numbers_count_only_line_breaks_before_a_block(tmp_path: Path) -> None:
    """U+2028, vertical tabs and file separators end lines for ``str.splitlines`` but not
    for the reader: the block's lines were numbered three too far."""
    text = "# T\n\nPara\u2028graph\x0bwith\x1cseps\n\n```mermaid\nmindmap\n  A\n  B\n```\n"
    path = write(tmp_path, "seps.md", text)
    with pytest.raises(MapSyntaxError) as caught:
        load_map(path, strict=True)
    assert caught.value.line == 8 == text.split("\n").index("  B") + 1
