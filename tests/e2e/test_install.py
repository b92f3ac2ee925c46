"""Karar as a user installs it: `python -m build` makes the sdist and, from it, the wheel
(as `make dist` does) without a warning; both hold every file of data/ and resources/; the
wheel installed (not editable) into a fresh venv runs from a folder outside the repo."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent.parent

pytestmark = pytest.mark.install


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path
    log: str
    version: str


def _tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=60
    )
    return [name for name in result.stdout.decode().split("\0") if name]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # Built from a copy of the tracked files: building in the checkout would leave build/ and
    # *.egg-info there, and untracked files must not make a complete-looking package.
    root = tmp_path_factory.mktemp("build")
    source = root / "source"
    for name in _tracked_files():
        if name.startswith("tests/") or not (REPO / name).is_file():
            continue
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes((REPO / name).read_bytes())
    # The working copy's pyproject.toml, so that the test checks what it is run on.
    (source / "pyproject.toml").write_bytes((REPO / "pyproject.toml").read_bytes())
    # A version changed in karar/__init__.py alone: everything must follow that one source.
    init = source / "src" / "karar" / "__init__.py"
    text = init.read_text()
    version = re.search(r'^__version__ = "(.*)"$', text, re.MULTILINE)
    assert version is not None
    changed = version[1] + "+onesource"
    init.write_text(text.replace(version[0], f'__version__ = "{changed}"'))
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(root / "dist"), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return Built(
        wheel=next((root / "dist").glob("karar-*.whl")),
        sdist=next((root / "dist").glob("karar-*.tar.gz")),
        log=result.stdout + result.stderr,
        version=changed,
    )


def _shipped() -> list[tuple[str, str]]:
    """(path in the repo, path in the installed package) of every data file."""
    pairs = []
    for name in _tracked_files():
        for folder, package in (("data/", "karar/data/"), ("resources/", "karar/resources/")):
            if name.startswith(folder):
                pairs.append((name, package + name.removeprefix(folder)))
    return pairs


def test_building_prints_no_warning(built: Built) -> None:
    # Byte-compiling is skipped when PYTHONDONTWRITEBYTECODE is set: the environment's doing.
    warning = re.compile(r"(?i:warning:)|Warning\b|would be ignored")
    warnings = [
        line
        for line in built.log.splitlines()
        if warning.search(line) and "byte-compiling is disabled" not in line
    ]
    assert warnings == []


def test_wheel_and_sdist_hold_every_data_file(built: Built) -> None:
    shipped = _shipped()
    assert any(name.endswith(".ttf") for name, _ in shipped)
    assert any(name.startswith("resources/icons/") for name, _ in shipped)
    in_wheel = set(zipfile.ZipFile(built.wheel).namelist())
    assert [p for _, p in shipped if p not in in_wheel] == []
    with tarfile.open(built.sdist) as sdist:
        top = sdist.getnames()[0].split("/")[0]
        in_sdist = {name.removeprefix(top + "/") for name in sdist.getnames()}
    assert [n for n, _ in shipped if n not in in_sdist] == []
    assert {"README.md", "CHANGELOG.md", "pyproject.toml", "src/karar/cli.py"} <= in_sdist
    # a packager builds, tests and integrates from the sdist alone
    packaging = [n for n in _tracked_files() if n.startswith("packaging/")]
    assert "packaging/karar.spec" in packaging
    assert [n for n in [*packaging, "LICENSE", "Makefile"] if n not in in_sdist] == []
    assert not [n for n in in_sdist if "__pycache__" in n or n.endswith(".pyc")]


def test_the_licences_travel_with_the_package(built: Built) -> None:
    in_wheel = zipfile.ZipFile(built.wheel).namelist()
    assert [n for n in in_wheel if n.endswith(".dist-info/licenses/LICENSE")]
    # the fonts' and icons' own licences ship beside them (OFL 1.1 and MIT ask for that)
    assert "karar/resources/fonts/OFL.txt" in in_wheel
    assert "karar/resources/icons/LICENSE-feather.txt" in in_wheel


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed into it; returns its bin folder. Offline and in
    seconds: the dependencies (PySide6 and the rest) are the repo venv's, reached through a
    .pth line (which adds the folder but not the editable install's own .pth hook)."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120
    )
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    Path(site, "repo-venv-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"),
            *("--no-deps", "--no-index", str(built.wheel)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return venv / "bin"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_installed_package_is_the_wheel_and_holds_its_data(installed: Path, tmp_path: Path) -> None:
    code = (
        "import importlib.resources as r, karar\n"
        "print(karar.__file__)\n"
        "for name in ('data', 'resources', 'resources/fonts', 'resources/icons',\n"
        "             'resources/translations'):\n"
        "    print(name, sorted(p.name for p in r.files('karar').joinpath(name).iterdir()))\n"
    )
    out = _run([str(installed / "python"), "-c", code], tmp_path).stdout.splitlines()
    assert out[0].startswith(str(installed.parent)), out[0]  # not the repo's editable copy
    listed = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in out[1:]}
    for name, package_path in _shipped():
        folder, _, file = package_path.removeprefix("karar/").rpartition("/")
        assert repr(file) in listed[folder], name


def test_installed_karar_exports_the_same_json(installed: Path, tmp_path: Path) -> None:
    args = ["export", "--format", "json", "-o", "-"]
    theirs = _run([str(installed / "karar"), *args], tmp_path).stdout
    ours = _run([sys.executable, "-m", "karar", *args], REPO).stdout
    assert theirs == ours
    assert "Karar Ağacı" in theirs  # the built-in map's title, read from the installed data


def test_installed_karar_takes_a_screenshot(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    _run([str(installed / "karar"), "--screenshot", str(out), "--size", "800x600"], tmp_path)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_installed_karar_speaks_turkish(installed: Path, tmp_path: Path) -> None:
    out, described = tmp_path / "out.png", tmp_path / "out.json"
    args = ["--lang", "tr", "--screenshot", str(out), "--describe", str(described)]
    _run([str(installed / "karar"), *args, "--size", "800x600"], tmp_path)
    assert json.loads(described.read_text(encoding="utf-8"))["chrome"]["menus"][0] == "Dosya"


def test_one_version_everywhere(built: Built, installed: Path, tmp_path: Path) -> None:
    metadata = (
        zipfile.ZipFile(built.wheel).read(f"karar-{built.version}.dist-info/METADATA").decode()
    )
    assert f"\nVersion: {built.version}\n" in metadata
    assert built.sdist.name == f"karar-{built.version}.tar.gz"
    version = _run([str(installed / "karar"), "--version"], tmp_path).stdout
    assert version == f"karar {built.version}\n"
    code = "import karar, importlib.metadata as m; print(karar.__version__, m.version('karar'))"
    both = _run([str(installed / "python"), "-c", code], tmp_path).stdout
    assert both == f"{built.version} {built.version}\n"
