"""Every case of the Mermaid conformance suite: the strict reading is Mermaid's tree (or
its rejection), the default reading is the ``.karar.json`` tree where one exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from karar.core.errors import MapSyntaxError
from karar.core.mermaid import parse_mermaid

CASES = sorted((Path(__file__).parent.parent / "data" / "conformance").glob("*.mmd"))


def _expected(case: Path, strict: bool) -> object:
    karar = case.with_suffix(".karar.json")
    if not strict and karar.exists():
        return json.loads(karar.read_text(encoding="utf-8"))
    return json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_suite_is_complete() -> None:
    assert len(CASES) >= 28


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "default"])
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case: Path, strict: bool) -> None:
    text = case.read_text(encoding="utf-8")
    want = _expected(case, strict)
    if isinstance(want, dict) and "error" in want:
        with pytest.raises(MapSyntaxError) as info:
            parse_mermaid(text, path=case.name, strict=strict)
        assert info.value.line is not None
        assert str(info.value).startswith(f"{case.name}:{info.value.line}: ")
    else:
        assert parse_mermaid(text, path=case.name, strict=strict).map.to_dict() == want


def test_seed_default_reading(data_dir: Path) -> None:
    from karar.core.sources import load_map

    want = json.loads((data_dir / "django-decision-tree.karar.json").read_text(encoding="utf-8"))
    mind_map = load_map(None)
    assert mind_map.to_dict() == want
    assert len(mind_map) == 267
    assert len(mind_map.root.children) == 33


def test_seed_strict_reading_is_rejected_where_mermaid_rejects_it() -> None:
    from karar.core.sources import load_map

    with pytest.raises(MapSyntaxError) as info:
        load_map(None, strict=True)
    # Mermaid: "Parse error on line 16" of the block, which starts on line 7 of the file.
    assert info.value.line == 22
    assert "or GraphQL" in info.value.message
