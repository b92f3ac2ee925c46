"""The ``karar`` command: open the explorer, ``export``, ``check``, ``merge``, ``diff``
(CONTRACT.md).

Start-up matters here: nothing heavier than argparse is imported before the command is
known, so opening a window pays only for Qt, and ``check`` never pays for Qt at all.
Errors reach the user as one ``karar: error: ...`` line (exit 1), usage errors exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from karar import __version__

if TYPE_CHECKING:
    from karar.core.errors import LocatedError
    from karar.core.model import MindMap, Node
    from karar.core.project import Project
    from karar.core.scope import Scope

LAYOUTS = ("mindmap", "tree", "radial")
THEMES = ("light", "dark", "contrast")
LANGUAGES = ("tr", "en")  # the window's (karar.ui.i18n.LANGUAGES)
ADR_FORMAT = "adr"
"""``export --format adr -o DIR``: a folder of decision records, never inferred from OUT."""


class _Parser(argparse.ArgumentParser):
    """argparse with our exit code for usage errors (2) and the 'karar:' prefix."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"karar: error: {message}\n")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT, e.g. 1600x1000, not {text!r}"
        ) from None
    if not (100 <= w <= 10000 and 100 <= h <= 10000):
        raise argparse.ArgumentTypeError("width and height must be between 100 and 10000")
    return w, h


def _scope(text: str) -> Scope:
    from karar.core.scope import Scope

    try:
        return Scope.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _level(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("the level must be 0 or more")
    return n


def _open_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="karar",
        description="Explore a decision tree written as a Mermaid mind map.",
        epilog="Commands: 'karar export', 'karar check', 'karar merge', 'karar diff' (each "
        "with -h).",
    )
    p.add_argument("path", nargs="?", help="a map (.md, .mmd, .mermaid); default: the built-in map")
    p.add_argument(
        "--layout", choices=LAYOUTS, default=None, help="mind map (default), tree or radial"
    )
    p.add_argument("--theme", choices=THEMES, default=None, help="default: follow the system")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="the window's language: Turkish or English (default: View › Language, else the "
        "system's); command-line messages stay English",
    )
    p.add_argument(
        "--present",
        action="store_true",
        help="presentation mode: full screen, no chrome, type for a room, branch by branch",
    )
    p.add_argument(
        "--step",
        type=_step,
        default=None,
        metavar="N",
        help="with --present: start at step N (0: the overview, k: first-level branch k)",
    )
    p.add_argument("--screenshot", metavar="OUT.png", help="save a PNG of the window and exit")
    p.add_argument(
        "--size",
        type=_size,
        default=(1600, 1000),
        metavar="WxH",
        help="window size for --screenshot",
    )
    p.add_argument(
        "--describe",
        metavar="OUT.json",
        help="with --screenshot: also write what the screenshot shows, as JSON",
    )
    p.add_argument("--version", action="version", version=f"karar {__version__}")
    return p


def _open_args(argv: list[str]) -> argparse.Namespace:
    """The options of the window command, with the ones that only go together checked."""
    parser = _open_parser()
    args = parser.parse_args(argv)
    if args.describe and not args.screenshot:
        parser.error("--describe needs --screenshot (it describes the screenshot)")
    if args.step is not None and not args.present:
        parser.error("--step needs --present (it is a step of the presentation)")
    return args


def _step(text: str) -> int:
    """A presentation step: a whole number, 0 or more."""
    try:
        step = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a step number: {text!r}") from None
    if step < 0:
        raise argparse.ArgumentTypeError(f"a step is 0 or more, not {step}")
    return step


def _export_parser() -> argparse.ArgumentParser:
    from karar.core.export import ALL_FORMATS
    from karar.core.pages import PAPERS, Orientation, PagesKind

    p = _Parser(
        prog="karar export",
        description="Write a map as an image, Markdown, JSON, Mermaid or GraphML, or the "
        "decisions of a project as MADR decision records (--format adr -o DIR).",
    )
    p.add_argument("path", nargs="?", help="a map; default: the built-in map")
    p.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="output file, '-' for standard output"
    )
    p.add_argument(
        "--format",
        choices=(*ALL_FORMATS, ADR_FORMAT),
        help="default: from the suffix of OUT; adr (never inferred) writes MADR decision "
        "records into the folder OUT, from --project",
    )
    p.add_argument(
        "--project", metavar="P.karar.yaml", help="take checks, notes and folds from a project"
    )
    p.add_argument("--layout", choices=LAYOUTS, default="mindmap")
    p.add_argument("--expand-level", type=_level, metavar="N", help="show N levels below the root")
    p.add_argument(
        "--decisions-only", action="store_true", help="only chosen nodes and their ancestors"
    )
    p.add_argument(
        "--scope",
        type=_scope,
        metavar="all|folded|decisions|branch:N",
        help="what a picture shows: the whole map unfolded, the project's folds (default), "
        "the decisions (as --decisions-only), or first-level branch N with the root",
    )
    p.add_argument(
        "--report",
        action="store_true",
        help="the decision document of --project: -o OUT.html (one self-contained file) or OUT.pdf",
    )
    p.add_argument("--dpi", type=int, default=96, help="resolution of PNG and PDF output")
    p.add_argument(
        "--pages",
        choices=[k.value for k in PagesKind],
        default="fit",
        help="PDF: the map on one page (fit), tiled with 8 pt labels (poster), or an "
        "overview and a page per first-level branch (branches)",
    )
    p.add_argument("--paper", choices=list(PAPERS), default="A4", help="PDF paper size")
    p.add_argument(
        "--orientation",
        choices=[o.value for o in Orientation],
        default="auto",
        help="PDF pages: auto turns each page to its content's shape",
    )
    p.add_argument(
        "--tiles",
        action="store_true",
        help="PNG: write OUT-r1c1.png, OUT-r1c2.png ... (row, column), each at most 16384 px, "
        "for a picture too large for one PNG",
    )
    p.add_argument("--theme", choices=THEMES, default="light")
    p.add_argument(
        "--lang",
        choices=("en", "tr"),
        default=None,
        help="the language of the headings of --report and --format md: English (default) "
        "or Turkish; labels and notes are the map's",
    )
    p.add_argument("--strict", action="store_true", help="read the map exactly as Mermaid does")
    return p


def _merge_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="karar merge",
        description="Tally several people's project files on one map: votes, voters, notes. "
        "The tally decides nothing unless --majority is given. Tallies may be merged again "
        "(votes add up).",
    )
    p.add_argument(
        "projects", nargs="+", metavar="PROJECT", help="project files (*.karar.yaml) or tallies"
    )
    p.add_argument("-o", "--output", required=True, metavar="TALLY.karar.yaml")
    p.add_argument(
        "--majority",
        action="store_true",
        help="mark chosen what more than half of the participants chose",
    )
    return p


_DIFF_USAGE = """karar diff OLD.karar.yaml NEW.karar.yaml [--format text|md]
       karar diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [--format ...]"""


def _diff_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="karar diff",
        usage=_DIFF_USAGE,
        description="What changed in the decisions between two project files (two workshops): "
        "states, notes, who and when, entries that became orphans.",
        epilog="As git's diff driver for *.karar.yaml: see the README (git diff driver).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="OLD and NEW project files")
    p.add_argument("--format", choices=("text", "md"), default="text", help="default: text")
    p.add_argument(
        "--git",
        action="store_true",
        help="take the arguments git gives a diff driver (/dev/null for an added or deleted file)",
    )
    return p


def _diff_args(argv: list[str]) -> argparse.Namespace:
    """The options of ``karar diff``, with the number of files checked."""
    parser = _diff_parser()
    args = parser.parse_args(argv)
    count = len(args.files)
    if args.git and count not in (7, 9):  # 9: git adds the new path and a score on a rename
        parser.error(f"--git takes the 7 arguments git passes a diff driver, not {count}")
    if not args.git and count != 2:
        parser.error(f"give two project files, OLD and NEW, not {count}")
    return args


def _check_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="karar check", description="Check a map: errors, and lines Mermaid reads differently."
    )
    p.add_argument("path", nargs="?", help="a map; default: the built-in map")
    p.add_argument("--strict", action="store_true", help="read the map exactly as Mermaid does")
    return p


def _fail(message: str) -> int:
    from karar.core.errors import one_line

    print(f"karar: error: {one_line(message)}", file=sys.stderr)
    return 1


def cmd_check(args: argparse.Namespace) -> int:
    """``karar check``: one ``PATH:LINE: error|warning: message`` line per problem.

    Mermaid stops at its first error; check reports it and reads on from the next line, so
    that every line Mermaid rejects (an error with ``--strict``, else a warning: Karar reads
    it as a plain label) or reads differently is listed.
    """
    from karar.core.errors import MapError, one_line
    from karar.core.project import is_project_file
    from karar.core.sources import load_source, parse_source, reading_warnings

    if args.path is not None and is_project_file(args.path):
        return _check_project(args)
    try:
        source = load_source(args.path)
        result = parse_source(source, strict=args.strict, keep_going=True)
    except MapError as exc:
        return _unreadable(exc)
    name = source.name
    problems = [(exc.line or 1, "error", exc.message) for exc in result.errors]
    problems += [(line, "warning", message) for line, message in reading_warnings(source, result)]
    for line, level, message in sorted(problems, key=lambda p: p[0]):
        print(one_line(f"{name}:{line}: {level}: {message}"))
    errors = len(result.errors)
    print(
        one_line(
            f"karar: {name}: {len(result.map)} nodes, {errors} errors, "
            f"{len(problems) - errors} warnings"
        ),
        file=sys.stderr,
    )
    return 1 if errors else 0


def _unreadable(exc: LocatedError) -> int:
    """``check`` of a file that cannot be read at all: its one error line on stdout and
    the summary on stderr, as for any other check (CONTRACT.md)."""
    from karar.core.errors import one_line

    where = f"{exc.path}:{exc.line}" if exc.line is not None else exc.path
    print(one_line(f"{where}: error: {exc.message}"))
    print(one_line(f"karar: {exc.path}: cannot be checked, 1 error"), file=sys.stderr)
    return 1


def _check_project(args: argparse.Namespace) -> int:
    """``karar check P.karar.yaml``: the project file, its map, and entries gone orphan."""
    from karar.core import project as projects
    from karar.core.decisions import HomeIndex
    from karar.core.errors import MapError, one_line

    try:
        project = projects.load(args.path)
        mind_map = projects.open_map(project, strict=args.strict)
    except (projects.ProjectError, MapError) as exc:
        where = f"{exc.path}:{exc.line}" if exc.line is not None else exc.path
        print(one_line(f"{where}: error: {exc.message}"))
        return 1
    warnings = list(project.warnings)  # values the window ignores, e.g. a bad view zoom
    orphans = project.orphans(mind_map)
    homes = HomeIndex(mind_map) if orphans else None
    for path in orphans:
        line = project.entries[path].line or 1
        message = f"no node {' / '.join(path)!r} in the map; its entry is kept as an orphan"
        home = homes.suggest(path, limit=1) if homes is not None else []
        if home:
            message += f" (did you mean {' / '.join(home[0].path)!r}? {home[0].reason})"
        warnings.append((line, message))
    for line, message in sorted(warnings, key=lambda w: w[0]):
        print(one_line(f"{args.path}:{line}: warning: {message}"))
    print(
        one_line(f"karar: {args.path}: {len(project.entries)} entries, {len(orphans)} orphaned"),
        file=sys.stderr,
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``karar export``: text formats here, image formats through the Qt renderer."""
    _short_lived()
    from karar.core.errors import KararError
    from karar.core.export import IMAGE_FORMATS, TEXT_FORMATS, export_text, format_for_suffix
    from karar.core.sources import load_source, parse_source

    if args.report:
        return _export_report(args)
    fmt = args.format or (format_for_suffix(args.output) if args.output != "-" else None)
    if args.lang is not None and fmt != "md":
        return _usage("export", "--lang is for --report and --format md")
    if fmt == ADR_FORMAT:
        if args.output == "-":
            return _usage("export", "--format adr writes a folder: give it with -o DIR")
        if not args.project:
            return _usage("export", "--format adr needs --project (the decisions are there)")
    if fmt is None:
        return _usage(
            "export",
            "say --format (json, mmd, md, graphml, png, svg, pdf) or give OUT a known suffix",
        )
    if args.output == "-" and fmt in IMAGE_FORMATS:
        return _usage("export", f"{fmt} is an image format: give an output file with -o")
    try:
        project = None
        if args.project:
            from karar.core import project as projects

            project = projects.load(args.project)
        if project is not None and args.path is None:
            mind_map = projects.open_map(project, strict=args.strict)
        else:
            mind_map = parse_source(load_source(args.path), strict=args.strict).map
    except KararError as exc:
        return _fail(str(exc))
    inputs = [args.path] if args.path is not None else []
    if project is not None:
        inputs += [args.project, project.map_location()]
    clash = next((i for i in inputs if _same_file(args.output, i)), None)
    if clash is not None:
        return _fail(f"{args.output}: is an input of this export ({clash}): not overwritten")
    if fmt == ADR_FORMAT:
        assert project is not None
        return _export_records(mind_map, project, args.output)
    if fmt in TEXT_FORMATS:
        options: dict[str, object] = {}
        if fmt == "md":
            options.update(_snapshot_options(mind_map, project, args))
        return _write_text(args.output, export_text(mind_map, fmt, **options))  # type: ignore[arg-type]
    return _export_image(mind_map, project, fmt, args)


def _export_report(args: argparse.Namespace) -> int:
    """``--report``: the decision document of the project, as HTML or PDF."""
    from karar.core import project as projects
    from karar.core.errors import KararError
    from karar.core.sources import load_source, parse_source
    from karar.core.state import MapState

    if not args.project:
        return _usage("export", "--report needs --project (the decisions are there)")
    suffix = Path(args.output).suffix.lower() if args.output != "-" else ""
    fmt = args.format or {".html": "html", ".htm": "html", ".pdf": "pdf"}.get(suffix)
    if fmt not in ("html", "pdf") or args.output == "-":
        return _usage("export", "--report writes -o OUT.html or -o OUT.pdf")
    try:
        project = projects.load(args.project)
        if args.path is None:
            mind_map = projects.open_map(project, strict=args.strict)
        else:
            mind_map = parse_source(load_source(args.path), strict=args.strict).map
    except KararError as exc:
        return _fail(str(exc))
    inputs = [i for i in (args.path, args.project, project.map_location()) if i is not None]
    clash = next((i for i in inputs if _same_file(args.output, i)), None)
    if clash is not None:
        return _fail(f"{args.output}: is an input of this export ({clash}): not overwritten")
    entries = dict(MapState(mind_map, project).entries())
    try:
        from karar.ui.export import ExportError
        from karar.ui.reportpdf import write_report
    except ImportError as exc:
        return _qt_missing(exc)
    try:
        write_report(
            mind_map,
            project,
            entries,
            Path(args.output),
            fmt,
            project_name=Path(args.project).name,
            lang=args.lang or "en",
        )
    except ExportError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write: {exc.strerror or exc}")
    return 0


def _same_file(output: str, source: str | Path) -> bool:
    """Whether writing ``output`` would replace the file ``source`` (links followed)."""
    if output == "-" or str(source).startswith("builtin:"):
        return False
    try:
        return os.path.samefile(output, source)
    except (OSError, ValueError):
        return False


def _export_records(mind_map: MindMap, project: Project, output: str) -> int:
    """``--format adr``: the decision records of the project's questions in the folder
    ``output``, and one summary line."""
    from karar.core.adr import RecordsError, export_records
    from karar.core.errors import one_line
    from karar.core.state import MapState

    entries = dict(MapState(mind_map, project).entries())
    try:
        plan = export_records(Path(output), mind_map, entries)
    except RecordsError as exc:
        return _fail(str(exc))
    print(one_line(f"karar: {plan.summary(output)}"), file=sys.stderr)
    return 0


def _export_image(
    mind_map: MindMap, project: Project | None, fmt: str, args: argparse.Namespace
) -> int:
    """PNG, SVG or PDF through the window's own drawing code, without a display."""
    if not 24 <= args.dpi <= 1200:
        return _usage("export", "--dpi must be between 24 and 1200")
    from karar.core.pages import Orientation, PageSetup, PagesKind
    from karar.core.scope import Scope

    scope = args.scope or Scope()
    if args.decisions_only:
        if args.scope is not None and scope.kind != "decisions":
            return _usage("export", f"--decisions-only contradicts --scope {scope}")
        scope = Scope("decisions")
    problem = scope.check(mind_map)
    if problem is not None:
        return _usage("export", problem)
    if args.tiles and fmt != "png":
        return _usage("export", f"--tiles is for PNG pictures, not {fmt}")
    from karar.ui.export import ExportError, export_image

    try:
        notice = export_image(
            mind_map,
            Path(args.output),
            fmt,
            project=project,
            layout=args.layout,
            theme=args.theme,
            expand_level=args.expand_level,
            dpi=args.dpi,
            pages=PagesKind(args.pages),
            paper=PageSetup(paper=args.paper, orientation=Orientation(args.orientation)),
            scope=scope,
            tiles=args.tiles,
        )
    except ExportError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write: {exc.strerror or exc}")
    except ImportError as exc:
        return _qt_missing(exc)
    if notice:
        from karar.core.errors import one_line

        print(one_line(f"karar: note: {notice}"), file=sys.stderr)
    return 0


def _snapshot_options(
    mind_map: MindMap, project: Project | None, args: argparse.Namespace
) -> dict[str, object]:
    """Decisions, notes and folds for a Markdown snapshot, from the project and the flags."""
    options: dict[str, object] = {"decisions_only": args.decisions_only, "lang": args.lang or "en"}
    collapsed: set[Node] = set()
    if project is not None:
        from karar.core.state import MapState

        state = MapState(mind_map, project)
        options["entries"] = dict(state.entries())
        collapsed = set(state.folded)
    level = args.expand_level
    if level is not None:
        options["is_collapsed"] = lambda node: node.depth >= level
    elif collapsed:
        options["is_collapsed"] = collapsed.__contains__
    return options


def _write_text(output: str, text: str) -> int:
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    from karar.core.atomic import write_atomic

    try:
        write_atomic(Path(output), text.encode("utf-8"))
    except OSError as exc:
        return _fail(f"{output}: cannot write: {exc.strerror or exc}")
    return 0


def _safe_streams() -> None:
    """Whatever reaches standard output or error (a note holding a lone surrogate from a
    YAML escape, exported to ``-o -``), print it instead of dying of UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _usage(command: str, message: str) -> int:
    print(f"usage: karar {command} ...\nkarar: error: {message}", file=sys.stderr)
    return 2


def _short_lived() -> None:
    """A command that reads files, writes its answer and ends: its data holds no cycles,
    so Python's cycle collector would only walk it again and again (a sixth of
    ``karar diff`` of two big projects). Reference counting still frees what goes."""
    import gc

    gc.disable()


def cmd_merge(args: argparse.Namespace) -> int:
    """``karar merge``: a tally project with votes and voters per node."""
    _short_lived()
    from karar.core import project as projects
    from karar.core.errors import one_line
    from karar.core.merge import MAJORITY, merge_projects

    if len(args.projects) < 2:
        return _usage("merge", "give at least two project files to merge")
    try:
        inputs = [projects.load(path) for path in args.projects]
        tally = merge_projects(inputs, Path(args.output), majority=args.majority)
        tally.save()
    except projects.ProjectError as exc:
        return _fail(str(exc))
    summary = (
        f"karar: {args.output}: {len(tally.participants or ())} participants, "
        f"{len(tally.entries)} entries, {sum(s.votes or 0 for s in tally.entries.values())} votes"
    )
    if args.majority:
        chosen = sum(1 for s in tally.entries.values() if s.by == MAJORITY)
        summary += f", {chosen} chosen by a majority"
    print(one_line(summary), file=sys.stderr)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """``karar diff``: what changed between two project files, exit 0 either way."""
    _short_lived()
    from karar.core import diff
    from karar.core import project as projects

    files: list[str] = args.files
    real: str | None = None  # with --git: the file's path in the working tree
    if args.git:
        real = files[7] if len(files) == 9 else files[0]
        old_file, new_file = files[1], files[4]
        old_name = "/dev/null" if old_file == _DEV_NULL else f"a/{files[0]}"
        new_name = "/dev/null" if new_file == _DEV_NULL else f"b/{real}"
    else:
        old_file, new_file = files
        old_name, new_name = old_file, new_file
    loaded: list[Project | None] = []
    for file, name in ((old_file, old_name), (new_file, new_name)):
        try:
            loaded.append(None if args.git and file == _DEV_NULL else projects.load(file))
        except projects.ProjectError as exc:
            if args.git:  # name the file as the user knows it, not git's temporary copy
                exc = projects.ProjectError(name, exc.line, exc.message)
            return _fail(str(exc))
    old, new = loaded
    if real is not None:
        # git hands over copies in a temporary folder: a map named relative to the project
        # is found beside the file in the working tree.
        for project, name in ((old, files[0]), (new, real)):
            if project is not None:
                project.path = Path(name)
    old_map, new_map, problems = diff.read_maps(old, new)
    for problem in problems:
        print(f"karar: warning: {problem}", file=sys.stderr)
    result = diff.diff_projects(old, new, old_map=old_map, new_map=new_map)
    render = diff.render_markdown if args.format == "md" else diff.render_text
    return _write_text("-", render(result, old_name, new_name))


_DEV_NULL = "/dev/null"


def cmd_open(args: argparse.Namespace) -> int:
    """Open the explorer window (or take a screenshot of it)."""
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from karar.ui.qtapp import NO_DISPLAY_EXIT, display_problem

    problem = display_problem()
    if problem is not None:
        print(f"karar: error: {problem}", file=sys.stderr)
        return NO_DISPLAY_EXIT
    try:
        from karar.ui.app import run

        return run(
            args.path,
            layout=args.layout or "mindmap",
            theme=args.theme,
            present=args.present,
            step=args.step or 0,
            screenshot=args.screenshot,
            size=args.size,
            describe=args.describe,
            lang=args.lang,
        )
    except ImportError as exc:
        return _qt_missing(exc)


def _qt_missing(exc: ImportError) -> int:
    """One line for a Qt module whose system library is missing; anything else is ours."""
    from karar.ui.qtapp import MISSING_LIBRARY_EXIT, qt_import_problem

    problem = qt_import_problem(exc)
    if problem is None:
        raise exc
    print(f"karar: error: {problem}", file=sys.stderr)
    return MISSING_LIBRARY_EXIT


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``karar`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _safe_streams()
    try:
        if argv and argv[0] == "export":
            return cmd_export(_export_parser().parse_args(argv[1:]))
        if argv and argv[0] == "check":
            return cmd_check(_check_parser().parse_args(argv[1:]))
        if argv and argv[0] == "merge":
            return cmd_merge(_merge_parser().parse_args(argv[1:]))
        if argv and argv[0] == "diff":
            return cmd_diff(_diff_args(argv[1:]))
        return cmd_open(_open_args(argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our standard output went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
