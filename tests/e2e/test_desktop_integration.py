"""Linux desktop integration: the packaged .desktop entry, AppStream metainfo and
shared-mime-info type validate with the freedesktop tools; `make install-desktop` puts the
entry, icons, mime type and launcher in a (temporary) home and `make uninstall-desktop`
takes exactly those out; the installed entry's command line opens a project's map.

The tools (desktop-file-utils, appstream, shared-mime-info, xdg-utils with
libfile-mimeinfo-perl) are installed by .ci/run, which sets KARAR_CI: there a missing tool
fails the test; elsewhere it skips, naming the Debian package."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import karar

REPO = Path(__file__).parent.parent.parent
PACKAGING = REPO / "packaging"
APP_ID = "io.github.karar.Karar"
MIME = "application/x-karar-project"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def need(tool: str, package: str) -> str:
    """The tool's path; without it the test fails in CI and skips elsewhere."""
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} missing (Debian package {package})"
        if os.environ.get("KARAR_CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def desktop_keys(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
    return dict(pairs)


def test_desktop_entry_validates() -> None:
    tool = need("desktop-file-validate", "desktop-file-utils")
    entry = PACKAGING / f"{APP_ID}.desktop"
    result = run(tool, entry)
    # Not even a hint: the tool prints nothing for a clean entry.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
    keys = desktop_keys(entry.read_text(encoding="utf-8"))
    assert keys["Exec"] == "karar %f"
    assert MIME in keys["MimeType"].split(";")
    assert keys["Icon"] == APP_ID


def test_metainfo_validates() -> None:
    tool = need("appstreamcli", "appstream")
    result = run(tool, "validate", "--no-net", PACKAGING / f"{APP_ID}.metainfo.xml")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Validation was successful" in output
    # Neither errors nor warnings (info lines would be "I:", pedantic ones only with --pedantic).
    assert [line for line in output.splitlines() if line.startswith(("E:", "W:"))] == []
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert [m.text for m in root.iter("mediatype")] == [MIME]


def test_mime_type_claims_project_files_above_yaml(tmp_path: Path) -> None:
    source = PACKAGING / "mime" / f"{APP_ID}.xml"
    (kind,) = ET.parse(source).getroot()
    assert kind.get("type") == MIME
    icon = kind.find(f"{MIME_NS}icon")
    assert icon is not None
    assert icon.get("name") == APP_ID
    # update-mime-database accepts it and writes the glob with its weight (above *.yaml's 50).
    tool = need("update-mime-database", "shared-mime-info")
    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(source, tmp_path / "mime" / "packages")
    result = run(tool, tmp_path / "mime", env=dict(os.environ, XDG_DATA_HOME=str(tmp_path)))
    assert (result.returncode, result.stderr) == (0, "")
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"80:{MIME}:*.karar.yaml" in globs


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def make_env(home: Path, data_home: Path | None) -> dict[str, str]:
    env = dict(os.environ, HOME=str(home))
    # Under `make test` the outer make's settings are in the environment.
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "XDG_DATA_HOME", "XDG_DATA_DIRS"):
        env.pop(name, None)
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    return env


def make(target: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run("make", "--no-print-directory", "-C", REPO, target, env=env)


def expected_files(data: Path, home: Path) -> list[Path]:
    hicolor = data / "icons" / "hicolor"
    return [
        data / "applications" / f"{APP_ID}.desktop",
        *(hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES),
        data / "mime" / "packages" / f"{APP_ID}.xml",
        home / ".local" / "bin" / "karar",
    ]


def mime_of(path: Path, env: dict[str, str]) -> str:
    tool = need("xdg-mime", "xdg-utils")
    # Without a known desktop xdg-mime asks File::MimeInfo's mimetype, which reads the
    # user's database (the fallback, file(1), would not).
    need("mimetype", "libfile-mimeinfo-perl")
    result = run(tool, "query", "filetype", path, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("xdg_data_home", [False, True], ids=["default", "XDG_DATA_HOME"])
def test_install_then_uninstall_desktop(tmp_path: Path, xdg_data_home: bool) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data" if xdg_data_home else home / ".local" / "share"
    env = make_env(home, data if xdg_data_home else None)
    env.pop("XDG_CURRENT_DESKTOP", None)
    project = tmp_path / "plan.karar.yaml"
    project.write_text("karar: 1\nmap: builtin:django\n", encoding="utf-8")

    result = make("install-desktop", env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    files = expected_files(data, home)
    assert [f for f in files if not f.is_file()] == []
    for n, icon in zip(SIZES, files[1:-2], strict=True):
        assert png_size(icon) == (n, n)
    launcher = files[-1]
    version = run(launcher, "--version", env=env)
    assert (version.returncode, version.stdout) == (0, f"karar {karar.__version__}\n")
    entry = files[0]
    keys = desktop_keys(entry.read_text(encoding="utf-8"))
    assert keys["Exec"] == f"{launcher} %f"
    validated = run(need("desktop-file-validate", "desktop-file-utils"), entry)
    assert (validated.returncode, validated.stdout + validated.stderr) == (0, "")
    assert mime_of(project, env) == MIME
    default = run("xdg-mime", "query", "default", MIME, env=env)
    assert default.stdout.strip() == f"{APP_ID}.desktop"

    result = make("uninstall-desktop", env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [f for f in files if f.exists()] == []
    # What is left is only the databases the update tools regenerate, now without Karar.
    left = {p.relative_to(data) for p in data.rglob("*") if p.is_file()}
    assert all(p.parts[0] == "mime" or p == Path("applications/mimeinfo.cache") for p in left)
    assert not (data / "mime" / "application" / "x-karar-project.xml").exists()
    assert mime_of(project, env) != MIME


def test_install_leaves_a_foreign_launcher_alone(tmp_path: Path) -> None:
    env = make_env(tmp_path, None)
    foreign = tmp_path / ".local" / "bin" / "karar"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("#!/bin/sh\necho pipx's karar\n", encoding="utf-8")
    result = run(sys.executable, PACKAGING / "desktop.py", "install", env=env)
    assert result.returncode == 1
    assert result.stderr == (
        f"karar: error: {foreign} exists and is not Karar's launcher (pipx or another "
        "install?): remove it first, then run make install-desktop again\n"
    )
    assert not (tmp_path / ".local" / "share" / "applications").exists()
    result = run(sys.executable, PACKAGING / "desktop.py", "uninstall", env=env)
    assert result.returncode == 0, result.stderr
    assert foreign.read_text(encoding="utf-8") == "#!/bin/sh\necho pipx's karar\n"


def test_the_entry_opens_a_project_with_its_map(tmp_path: Path) -> None:
    # What a double-click runs: the installed entry's Exec, %f replaced by the file (plus a
    # screenshot, to see what the window shows without a display).
    home = tmp_path / "home"
    home.mkdir()
    env = make_env(home, None)
    result = make("install-desktop", env)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    command = desktop_keys(entry.read_text(encoding="utf-8"))["Exec"].split(" ")
    (tmp_path / "plan.mmd").write_text(
        "mindmap\n  root((Plan))\n    Build\n    Buy\n", encoding="utf-8"
    )
    project = tmp_path / "plan.karar.yaml"
    project.write_text(
        "karar: 1\nmap: plan.mmd\nnodes:\n  - path: [Plan, Buy]\n    checked: true\n",
        encoding="utf-8",
    )
    shot, described = tmp_path / "shot.png", tmp_path / "shot.json"
    argv = [str(project) if arg == "%f" else arg for arg in command]
    opened = run(*argv, "--screenshot", shot, "--describe", described, env=env)
    assert (opened.returncode, opened.stderr) == (0, "")
    nodes = json.loads(described.read_text(encoding="utf-8"))["nodes"]
    assert [(n["path"], n["checked"]) for n in nodes] == [
        (["Plan"], False),
        (["Plan", "Build"], False),
        (["Plan", "Buy"], True),
    ]
    make("uninstall-desktop", env)
