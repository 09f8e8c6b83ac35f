"""The ``analysis`` command: render, list, check, export, diff, ingest and review.

Exit codes (:mod:`analysis.errors`): 0 success; 1 a report failed or the run could not
complete; 2 bad usage or bad input (an option, a parameter, the seeds, a params file).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import __version__, paths
from analysis.errors import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    MAX_MESSAGE_CHARS,
    AnalysisError,
    LedgerError,
    ParameterError,
    cut,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from analysis.ledger import Ledger
    from analysis.render.run import Outcome

log = logging.getLogger("analysis")
#: The default of ``--execution-timeout``: no report cell here takes more than a few seconds.
EXECUTION_TIMEOUT_S = 600.0


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage, as documented; say what to run for help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(run `{self.prog} --help`)\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="analysis",
        description="Sourced data and offline HTML reports on US-Mexico security cooperation.",
        epilog="Exit codes: 0 success; 1 a report failed or the run could not complete; "
        "2 bad usage or bad input.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, argparse.SUPPRESS)
    parser.set_defaults(seeds=None, notebooks=None, verbose=False)
    # The same options after the subcommand (`analysis render --seeds X`); there they only
    # override what was given before it.
    common = _Parser(add_help=False)
    _global_options(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    render = sub.add_parser(
        "render",
        parents=[common],
        help="render reports to HTML (all by default), then the index",
        description="Render reports into self-contained HTML pages, then the index page. "
        "Unchanged reports are skipped; failed ones keep their previous page.",
    )
    render.add_argument("reports", nargs="*", metavar="REPORT", help="report names (default: all)")
    render.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a parameter for the named reports (repeatable)",
    )
    render.add_argument(
        "--params-file",
        type=Path,
        metavar="FILE.yaml",
        help="YAML mapping report names to one parameter set or a list of them",
    )
    render.add_argument("--out", type=Path, help="output folder (default: reports/)")
    render.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="reports rendered at once (default: the number of cores)",
    )
    render.add_argument("--force", action="store_true", help="render even unchanged reports")
    render.add_argument(
        "--execution-timeout",
        type=float,
        default=EXECUTION_TIMEOUT_S,
        metavar="SECONDS",
        help="stop a cell that runs longer than this and fail its report "
        f"(default: {EXECUTION_TIMEOUT_S:.0f})",
    )
    render.add_argument(
        "--base-url",
        metavar="URL",
        help="where OUT is served (https://example.org/reports/): makes the Atom feed's links "
        "absolute (default: relative to the feed)",
    )
    render.add_argument(
        "--keep-executed",
        action="store_true",
        help="keep every executed notebook in OUT/_executed/ (failed ones are always kept "
        "in OUT/_failed/)",
    )
    render.add_argument(
        "--pdf",
        action="store_true",
        help="also print each page to OUT/<page>.pdf with headless Chromium ($ANALYSIS_CHROMIUM "
        "or chromium on the PATH); without Chromium the pages are written and the run exits 1",
    )

    sub.add_parser(
        "list",
        parents=[common],
        help="list the reports and their parameters",
        description="Every report with its parameters: type, default and help.",
    )
    check = sub.add_parser(
        "check",
        parents=[common],
        help="validate the seeds and the notebooks' parameter cells",
        description="Validate every source and ledger (drafts included) and every report's "
        "parameter cell; exit 2 on any problem. Warn (on stderr) where a total a source "
        "states disagrees with the ledger, or where sources give an event's date or count "
        "differently.",
    )
    check.add_argument("--strict", action="store_true", help="exit 1 when there is a warning")
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write every frame to CSV or Parquet, or as a Data Package",
        description="Write each frame of the ledger to OUT/<frame>.<format>; with --format "
        "datapackage, OUT/<frame>.csv and OUT/datapackage.json, a Frictionless Data Package "
        "describing them (a Table Schema for each, with its primary and foreign keys).",
    )
    export.add_argument("--format", choices=("csv", "parquet", "datapackage"), default="csv")
    export.add_argument(
        "--out", type=Path, default=Path("exports"), help="folder (default: exports/)"
    )
    export.add_argument(
        "--include-candidates", action="store_true", help="also export unreviewed draft facts"
    )

    diff = sub.add_parser(
        "diff",
        parents=[common],
        help="which headline figures changed between two renders",
        description="Compare two summaries (*.summary.json) or two output folders.",
    )
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)

    ingest = sub.add_parser(
        "ingest",
        parents=[common],
        help="add a source and draft its facts for review",
        description="Store FILE as a new source in seeds/ and write a draft ledger of "
        "candidate facts (status: candidate) for a person to review.",
    )
    ingest.add_argument("file", type=Path)
    ingest.add_argument("--published", required=True, type=_date, metavar="YYYY-MM-DD")
    ingest.add_argument("--outlet")
    ingest.add_argument("--url")
    ingest.add_argument("--title")

    review = sub.add_parser(
        "review",
        parents=[common],
        help="a page to review a draft by; accept or reject its records",
        description="Without --accept, --reject or --accept-all: write an offline HTML page "
        "showing SOURCE's text with the evidence of every record of its draft highlighted, "
        "what each links to and the notes, and print its path. With them: edit the draft in "
        "place (accepted records lose their candidate status, rejected ones are deleted), "
        "keeping its comments, after validating the result with the rest of the seeds. An id "
        "the draft does not hold exits 2 and writes nothing.",
    )
    review.add_argument(
        "source",
        metavar="SOURCE",
        help="the source's id, its number (001), or the path of its text or draft",
    )
    review.add_argument(
        "--out",
        type=Path,
        help="where the page goes: a file, or a folder for <source>.html "
        "(default: reports/review/<source>.html)",
    )
    review.add_argument(
        "--accept",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help="accept these records (a supports: entry is support:<fact>)",
    )
    review.add_argument(
        "--reject",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help="delete these records (refused while others depend on them)",
    )
    review.add_argument(
        "--accept-all", action="store_true", help="accept every record left in the draft"
    )
    return parser


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--seeds", type=Path, default=default, help="seeds folder (default: the project's seeds/)"
    )
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=default,
        help="folder of report notebooks (default: the project's notebooks/)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", default=default, help="log more")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date as YYYY-MM-DD, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def run() -> None:
    """The ``analysis`` command (and ``python -m analysis``): :func:`main`, then exit.

    Once the command has returned, everything it wrote is closed (pages, manifest, index,
    kernels, temporary folders). What is left to do at exit is to flush the log and the
    standard streams, and Python's teardown of every imported module: about 0.15 s with
    polars, nbconvert and papermill loaded, paid by every scheduled run for nothing. So the
    process flushes the log and its streams and ends without it. ``--help``, a usage error
    or an exception is not caught here: it ends the process the usual way.
    """
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s"
        if not sys.stderr.isatty()
        else "%(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("papermill").setLevel(logging.WARNING)  # one line per report is ours
    handler = {
        "render": _render,
        "list": _list,
        "check": _check,
        "export": _export,
        "diff": _diff,
        "ingest": _ingest,
        "review": _review,
    }[args.command]
    try:
        return handler(args)
    except AnalysisError as exc:
        print(f"analysis {args.command}: {cut(str(exc), 20 * MAX_MESSAGE_CHARS)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"analysis {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`analysis check | head -1`): nothing more to say, to anyone.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except OSError as exc:  # the environment: a full disk, an I/O error, a vanished folder
        if args.verbose:
            log.exception("analysis %s", args.command)
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"analysis {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_FAILED


def _render(args: argparse.Namespace) -> int:
    from analysis.files import output_folder  # noqa: PLC0415
    from analysis.render import catalog, plan, run  # noqa: PLC0415
    from analysis.render.params import parse_assignments  # noqa: PLC0415

    if args.jobs is not None and args.jobs < 1:
        msg = f"--jobs must be at least 1, got {args.jobs}"
        raise ParameterError(msg)
    if not args.execution_timeout > 0:
        msg = f"--execution-timeout must be a positive number of seconds, got {args.execution_timeout}"
        raise ParameterError(msg)
    if args.base_url is not None:
        from urllib.parse import urlsplit  # noqa: PLC0415

        parts = urlsplit(args.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            msg = f"--base-url must be an http(s) URL such as https://example.org/reports/, got {args.base_url!r}"
            raise ParameterError(msg)
    specs = catalog.discover(args.notebooks, cache=paths.cache_dir() / catalog.PARAMS_CACHE)
    overrides = parse_assignments(args.param)
    sets = plan.read_params_file(args.params_file) if args.params_file else None

    def ledger() -> Ledger:  # the renders' ledger, read only to check a value that names one
        from analysis.ledger import load  # noqa: PLC0415

        return load(args.seeds, include_candidates=True)

    jobs = plan.plan(specs, args.reports, overrides, sets, ledger=ledger)
    out = output_folder(args.out or paths.reports_dir())
    tty = sys.stderr.isatty()
    started = time.perf_counter()

    def progress(outcome: Outcome, done: int, total: int) -> None:
        what = {
            "rendered": f"rendered in {outcome.seconds:.1f} s",
            "skipped": "unchanged, skipped",
            "failed": "FAILED",
        }[outcome.status]
        line = f"[{done}/{total}] {outcome.job.label}: {what}"
        if tty:
            print(f"\r\033[K{line}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        else:
            log.info(line)
        if outcome.status == "failed":
            if tty:
                print(file=sys.stderr)
            log.error(
                "report %s with parameters %s failed: %s",
                outcome.job.report.name,
                json.dumps(outcome.job.parameters, sort_keys=True),
                outcome.error,
            )
        for change in outcome.changes:
            log.info("  %s changed: %s", outcome.job.stem, change)

    log.info("rendering %d page(s) into %s", len(jobs), out)
    with run.INTERRUPTS.handled():
        result = run.render_suite(
            jobs,
            out,
            seeds=args.seeds,
            n_jobs=args.jobs,
            force=args.force,
            progress=progress,
            specs=specs,
            execution_timeout=args.execution_timeout,
            keep_executed=args.keep_executed,
            base_url=args.base_url,
            pdf=args.pdf,
        )
    counts = {
        s: sum(o.status == s for o in result.outcomes) for s in ("rendered", "skipped", "failed")
    }
    log.info(
        "summary: %d rendered, %d skipped as unchanged, %d failed in %.1f s; index: %s",
        counts["rendered"],
        counts["skipped"],
        counts["failed"],
        time.perf_counter() - started,
        result.index_path,
    )
    return result.exit_code


def _list(args: argparse.Namespace) -> int:
    from analysis.render import catalog  # noqa: PLC0415

    specs = catalog.discover(args.notebooks, cache=paths.cache_dir() / catalog.PARAMS_CACHE)
    for name, spec in specs.items():
        print(f"{name}: {spec.title}")
        if spec.about:
            print(f"  {spec.about}")
        for p in spec.parameters.values():
            print(f"  {p.name}: {p.type} = {json.dumps(p.default)}  # {p.help}")
        print()
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from analysis.ledger import load  # noqa: PLC0415
    from analysis.ledger.consistency import warnings  # noqa: PLC0415
    from analysis.render import catalog  # noqa: PLC0415

    problems = 0
    found: list[str] = []
    try:
        ledger = load(args.seeds, include_candidates=True)
    except LedgerError as exc:
        print(f"analysis check: {exc}", file=sys.stderr)
        problems += len(exc.problems)
    else:
        n = {k: v.height for k, v in ledger.tables().items()}
        print(
            f"seeds OK: {n['sources']} sources, {n['events']} events, {n['actors']} actors, "
            f"{n['quotes']} quotes, {n['allegations']} allegations, {n['claims']} stated totals, "
            f"{n['evidence']} evidence quotations"
        )
        found = warnings(ledger)
        for warning in found:
            print(f"analysis check: warning: {warning}", file=sys.stderr)
    try:
        specs = catalog.discover(args.notebooks)
    except ParameterError as exc:
        print(f"analysis check: {exc}", file=sys.stderr)
        problems += 1
    else:
        for name, spec in specs.items():
            print(f"report {name}: {len(spec.parameters)} parameters OK")
    if problems:
        return EXIT_USAGE
    return EXIT_FAILED if found and args.strict else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from analysis.files import output_folder  # noqa: PLC0415
    from analysis.ledger import load  # noqa: PLC0415

    output_folder(args.out, "export folder")
    ledger = load(args.seeds, include_candidates=args.include_candidates)
    if args.format == "datapackage":
        from analysis.ledger.package import write_package  # noqa: PLC0415

        written = write_package(ledger.tables(), args.out)
    else:
        written = ledger.export(args.out, args.format)
    for path in written:
        print(path)
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from analysis.render import manifest as publish  # noqa: PLC0415

    for path in (args.old, args.new):
        if not path.exists():
            msg = f"{path}: no such summary file or folder"
            raise AnalysisError(msg)
    try:
        lines = publish.diff(args.old, args.new)
    except (OSError, ValueError) as exc:
        msg = f"cannot compare {args.old} and {args.new}: {exc}"
        raise AnalysisError(msg) from None
    print("\n".join(lines) if lines else "no headline figure changed")
    return EXIT_OK


def _ingest(args: argparse.Namespace) -> int:
    from analysis.ingest import ingest_file  # noqa: PLC0415

    result = ingest_file(
        args.file,
        published=args.published,
        outlet=args.outlet,
        url=args.url,
        title=args.title,
        seeds=args.seeds,
    )
    print(result.message)
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from analysis.ingest.review import review_draft, review_page  # noqa: PLC0415

    if args.accept or args.reject or args.accept_all:
        result = review_draft(
            args.source,
            accept=args.accept,
            reject=args.reject,
            accept_all=args.accept_all,
            seeds=args.seeds,
        )
        print(result.message)
        if args.out is not None:
            print(review_page(args.source, out=args.out, seeds=args.seeds).path)
        return EXIT_OK
    page = review_page(args.source, out=args.out, seeds=args.seeds)
    print(page.message, file=sys.stderr)
    print(page.path)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
