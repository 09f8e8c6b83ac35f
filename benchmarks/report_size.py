"""How big the report pages are, how much of that is the Vega bundle, and how both grow with the data.

Renders the suite (``analysis render``) from the project's seeds, then from synthetic seeds with
10x, 100x and 1000x the facts, and prints each page's size, the bundle's share of it and the
render time. Synthetic seeds copy the project's first source and its ledger: copy k gets new
ids (``<id>-c<k>``), a new source text (the original plus a sentence naming the copy) and dates
moved k months back, so the charts see many distinct transfers, events, quotes and sources.
The two country actors are shared by every copy. ::

    .venv/bin/python benchmarks/report_size.py                  # 1x, 10x, 100x, 1000x
    .venv/bin/python benchmarks/report_size.py --scales 10 100  # only these
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from analysis.render.assets import vega_bundle

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGES = ("transfers", "policy", "sources", "index")
#: Keys of ledger records whose values are ids of other records (or of the record itself).
ID_KEYS = frozenset(
    {
        "id", "actor", "speaker", "event", "related_event", "organisation", "country",
        "origin", "destination", "accused", "crime",
    }
)  # fmt: skip
#: Actors every copy shares instead of duplicating (one Mexico, one United States).
SHARED_KINDS = frozenset({"country"})
RENDER_TIMEOUT_S = 1800


class _PlainLoader(yaml.SafeLoader):
    """YAML without timestamp resolution: ledger dates stay the strings they were written as."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_PlainLoader)


def _months_back(value: Any, months: int) -> Any:
    """A ledger date (2025, "2025-02" or "2025-08-12") moved back, in the same form."""
    if value is None or months == 0:
        return value
    if isinstance(value, int):  # a year: move by whole years
        return value - months // 12
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0] - months // 12)
    year, month = divmod(parts[0] * 12 + parts[1] - 1 - months, 12)
    if len(parts) == 2:
        return f"{year:04d}-{month + 1:02d}"
    return f"{year:04d}-{month + 1:02d}-{min(parts[2], 28):02d}"


def _renamed(node: Any, suffix: str, shared: set[str], months: int) -> Any:
    """``node`` with every id it holds suffixed (shared ids kept) and its dates moved."""
    if isinstance(node, list):
        return [_renamed(item, suffix, shared, months) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ID_KEYS and isinstance(value, str) and value not in shared:
            out[key] = f"{value}{suffix}"
        elif key == "date":
            out[key] = _months_back(value, months)
        else:
            out[key] = _renamed(value, suffix, shared, months)
    return out


def synthetic_seeds(folder: Path, copies: int) -> Path:
    """Seeds with ``copies`` times the facts of the project's first source, in ``folder``."""
    text_path = min((SEEDS / "sources").glob("*.txt"))
    source_id = text_path.stem
    text = text_path.read_text(encoding="utf-8")
    meta = _read(SEEDS / "sources" / f"{source_id}.yaml")
    ledger = _read(SEEDS / "ledger" / f"{source_id}.yaml")
    shared = {a["id"] for a in ledger["actors"] if a["kind"] in SHARED_KINDS}

    shutil.rmtree(folder, ignore_errors=True)
    (folder / "sources").mkdir(parents=True)
    (folder / "ledger").mkdir()
    shutil.copy2(text_path, folder / "sources" / text_path.name)
    shutil.copy2(SEEDS / "sources" / f"{source_id}.yaml", folder / "sources")
    shutil.copy2(SEEDS / "ledger" / f"{source_id}.yaml", folder / "ledger")
    for k in range(1, copies):
        new_text = f"{text.rstrip()}\nThis is synthetic copy number {k} of the benchmark.\n"
        new_id = f"{k:04d}_{hashlib.sha256(new_text.encode()).hexdigest()[:16]}"
        new_meta = {**meta, "id": new_id, "published": _months_back(meta["published"], k)}
        records = _renamed(
            {key: value for key, value in ledger.items() if key != "source"}, f"-c{k}", shared, k
        )
        records["actors"] = [a for a in records["actors"] if a["id"] not in shared]
        (folder / "sources" / f"{new_id}.txt").write_text(new_text, encoding="utf-8")
        (folder / "sources" / f"{new_id}.yaml").write_text(
            yaml.safe_dump(new_meta, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        (folder / "ledger" / f"{new_id}.yaml").write_text(
            yaml.safe_dump(
                {"source": new_id, **records}, sort_keys=False, allow_unicode=True, width=4096
            ),
            encoding="utf-8",
        )
    return folder


def render(out: Path, seeds: Path | None) -> tuple[float, subprocess.CompletedProcess[str]]:
    command = [sys.executable, "-m", "analysis"]
    if seeds is not None:
        command += ["--seeds", str(seeds)]
    command += ["render", "--out", str(out), "--force"]
    started = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=RENDER_TIMEOUT_S, check=False
    )
    return time.perf_counter() - started, done


def _kb(n: int) -> str:
    return f"{n / 1000:,.0f} KB"


def report(label: str, out: Path, seeds: Path | None, bundle: int) -> bool:
    """Render, then print one line per page; return whether every page rendered."""
    seconds, done = render(out, seeds)
    print(f"\n{label}: analysis render exited {done.returncode} in {seconds:.1f} s")
    ok = done.returncode == 0
    if not ok:
        failures = [
            line
            for line in done.stderr.splitlines()
            if "ERROR" in line or "Error" in line or "failed" in line
        ]
        print("  " + "\n  ".join(failures[-12:] or done.stderr.splitlines()[-12:]))
    for page in PAGES:
        path = out / f"{page}.html"
        if not path.is_file():
            print(f"  {page + '.html':16} not written")
            continue
        size = path.stat().st_size
        share = f"{bundle / size:6.1%}" if page != "index" else "     -"
        print(f"  {page + '.html':16} {_kb(size):>12}   bundle share {share}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scales", type=int, nargs="*", default=[10, 100, 1000], help="copies of the facts"
    )
    args = parser.parse_args(argv)
    bundle = len(vega_bundle().encode("utf-8"))
    print(
        f"Vega + Vega-Lite + vega-embed bundle (analysis.render.assets.vega_bundle()): {_kb(bundle)}"
    )
    ok = True
    with tempfile.TemporaryDirectory(prefix="report-size-") as tmp:
        base = Path(tmp)
        ok &= report("1x (the project's seeds)", base / "out-1", None, bundle)
        for scale in args.scales:
            started = time.perf_counter()
            seeds = synthetic_seeds(base / f"seeds-{scale}", scale)
            n_sources = len(list((seeds / "sources").glob("*.txt")))
            print(
                f"\n[{scale}x: {n_sources} sources and ledgers written in "
                f"{time.perf_counter() - started:.1f} s]"
            )
            ok &= report(f"{scale}x", base / f"out-{scale}", seeds, bundle)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
