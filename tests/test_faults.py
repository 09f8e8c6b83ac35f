"""Faults and hostile input around a render nobody watches: planted symlinks, broken caches,
notebooks that stop early, signals mid-publish, a full disk, bad output folders.

Every test drives the real command in a subprocess, as cron would.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from conftest import made_once, run_cli, sha

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


run = run_cli


def _render_sources(folder: Path) -> None:
    """``analysis render sources`` into ``folder/out``, its cache in ``folder/cache``."""
    result = run("render", "sources", "--out", folder / "out", env=_cache_env(folder))
    assert result.returncode == 0, result.stderr
    assert next((folder / "cache").glob("vega-bundle-*.js")).is_file()


def _cache_env(folder: Path) -> dict[str, str]:
    return {"ANALYSIS_CACHE_DIR": str(folder / "cache")}


@pytest.fixture(scope="session")
def sources_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A first render of sources into an empty folder (``out``) with an empty cache
    (``cache``), made once for the run: each test copies it, as if it had rendered it."""
    return made_once(tmp_path_factory, "sources", _render_sources)


@pytest.fixture
def rendered_sources(sources_once: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """``tmp_path/out`` after a first ``analysis render sources`` with the cache
    ``tmp_path/cache``; the output folder and the environment naming that cache."""
    shutil.copytree(sources_once, tmp_path, dirs_exist_ok=True, symlinks=True)
    return tmp_path / "out", _cache_env(tmp_path)


def notebooks_with_cell(tmp_path: Path, report: str, code: str) -> Path:
    folder = tmp_path / "notebooks"
    if not folder.exists():
        shutil.copytree(ROOT / "notebooks", folder)
    path = folder / f"{report}.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = nbformat.v4.new_code_cell(code)
    cell.id = f"planted-{report}"
    nb.cells.insert(4, cell)
    nbformat.write(nb, path)
    return folder


def assert_consistent(out: Path) -> None:
    """Pages, summaries, manifest and index agree; no temporary file is left."""
    manifest = json.loads((out / ".manifest.json").read_text(encoding="utf-8"))
    for stem, entry in manifest.items():
        page = out / f"{stem}.html"
        assert page.is_file(), stem
        assert sha(page) == entry["html_sha256"], f"{stem}: page and manifest disagree"
        summary = json.loads((out / f"{stem}.summary.json").read_text(encoding="utf-8"))
        assert summary["figures"] == entry["summary"]["figures"], stem
    index = (out / "index.html").read_text(encoding="utf-8")
    for stem in manifest:
        assert f'href="{stem}.html"' in index
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith((".tmp", ".partial.ipynb"))]
    assert leftovers == []


# -- 1. a planted symlink ------------------------------------------------------------------


def test_a_symlinked_failed_folder_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "transfers.ipynb").write_text("keep me")
    (outside / "policy.ipynb").write_text("keep me too")
    out = tmp_path / "out"
    out.mkdir()
    (out / "_failed").symlink_to(outside)
    result = run("render", "--force", "--out", out)
    assert result.returncode == 2, result.stderr
    assert "is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["policy.ipynb", "transfers.ipynb"]
    assert (outside / "transfers.ipynb").read_text() == "keep me"


def test_a_symlinked_lock_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("do not truncate")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".render.lock").symlink_to(target)
    result = run("render", "sources", "--out", out)
    assert result.returncode == 2, result.stderr
    assert ".render.lock: is a symbolic link" in result.stderr
    assert target.read_text() == "do not truncate"


# -- 3. a damaged Vega bundle in the cache ---------------------------------------------------


@pytest.mark.parametrize("damage", ["truncate", "empty", "random"])
def test_a_damaged_cached_bundle_is_rebuilt_and_pages_render_again(
    rendered_sources: tuple[Path, dict[str, str]], tmp_path: Path, damage: str
) -> None:
    out, env = rendered_sources
    bundle = next((tmp_path / "cache").glob("vega-bundle-*.js"))
    good = bundle.read_bytes()
    page = (out / "sources.html").read_bytes()
    if damage == "truncate":
        bundle.write_bytes(good[:400_000])
    elif damage == "empty":
        bundle.write_bytes(b"")
    else:
        bundle.write_bytes(os.urandom(len(good)))
    result = run("render", "sources", "--out", out, env=env)
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stderr
    assert bundle.read_bytes() == good, "the bundle was built again"
    assert (out / "sources.html").read_bytes() == page, "the page is whole, same bytes"


def test_a_deleted_cached_bundle_is_built_again_and_renders_nothing_twice(
    rendered_sources: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    # Once for every kind of damage above (it was the last step of each, the same each time).
    out, env = rendered_sources
    bundle = next((tmp_path / "cache").glob("vega-bundle-*.js"))
    good = bundle.read_bytes()
    page = (out / "sources.html").read_bytes()
    bundle.unlink()
    again = run("render", "sources", "--out", out, env=env)
    assert again.returncode == 0, again.stderr
    assert "1 skipped as unchanged" in again.stderr
    assert bundle.read_bytes() == good, "the bundle was built again"
    assert (out / "sources.html").read_bytes() == page, "deleting the bundle changes no page"


def test_a_page_published_with_a_broken_bundle_renders_again_once_it_is_fixed(
    rendered_sources: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    out, env = rendered_sources
    bundle = next((tmp_path / "cache").glob("vega-bundle-*.js"))
    digest = bundle.with_name(bundle.name + ".sha256")
    good = bundle.read_bytes()
    # A bundle that matches its checksum but is not the release's (a stale or foreign file).
    other = b"/* not vega */"
    bundle.write_bytes(other)
    digest.write_text(hashlib.sha256(other).hexdigest())
    assert run("render", "sources", "--out", out, env=env).returncode == 0
    assert b"not vega" in (out / "sources.html").read_bytes()
    bundle.unlink()
    fixed = run("render", "sources", "--out", out, env=env)
    assert "1 rendered" in fixed.stderr, "the render key covers the bundle"
    assert bundle.read_bytes() == good


# -- 4. a notebook that ends early -----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "said"),
    [("import sys\nsys.exit(0)", "SystemExit"), ("import os\nos._exit(3)", "Kernel died")],
)
def test_a_notebook_that_ends_early_fails_its_report(
    rendered_sources: tuple[Path, dict[str, str]], tmp_path: Path, code: str, said: str
) -> None:
    out, _ = rendered_sources
    before = (out / "sources.html").read_bytes()
    folder = notebooks_with_cell(tmp_path, "sources", code)
    result = run("render", "sources", "--force", "--notebooks", folder, "--out", out)
    assert result.returncode == 1, result.stderr
    assert said in result.stderr
    assert (out / "sources.html").read_bytes() == before, "no truncated page is published"
    kept = out / "_failed" / "sources.ipynb"
    assert kept.is_file()
    nbformat.validate(nbformat.read(kept, as_version=4))


def test_the_failing_cell_of_an_early_exit_is_named(tmp_path: Path) -> None:
    folder = notebooks_with_cell(tmp_path, "sources", "import sys\nsys.exit(0)")
    result = run("render", "sources", "--notebooks", folder, "--out", tmp_path / "out")
    assert "code cell" in result.stderr
    assert "'import sys'" in result.stderr


# -- 10. a signal in the middle of publishing -------------------------------------------------


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_render_leaves_pages_manifest_and_index_agreeing(
    rendered: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    out = tmp_path / "out"
    shutil.copytree(rendered, out, symlinks=True)  # every report published once already
    temp = tmp_path / "tmp"
    temp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "render", "--force", "--jobs", "1", "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temp)},
    )
    assert proc.stderr is not None
    children: set[int] = set()
    lines = []
    for line in proc.stderr:  # wait until the first report is published
        lines.append(line)
        with contextlib.suppress(psutil.Error):
            children |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
        if "rendered in" in line:
            break
    proc.send_signal(sig)
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    proc.stderr.close()
    message = "".join(lines) + rest
    assert proc.returncode == 130, message
    assert "interrupted" in rest
    assert "Traceback" not in message
    assert_consistent(out)
    assert list(temp.iterdir()) == [], "temporary folders are removed"
    time.sleep(1)
    alive = [
        pid
        for pid in children
        if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    ]
    assert alive == [], "no kernel outlives the run"


def test_a_killed_run_leaves_nothing_behind_after_the_next_run(
    rendered_sources: tuple[Path, dict[str, str]],
) -> None:
    out, _ = rendered_sources
    # What `kill -9` in the middle of publishing leaves: temporary files and an empty folder.
    (out / ".sources.summary.json.abc123.tmp").write_text("{")
    (out / ".sources.html.xyz.tmp").write_text("<html")
    (out / "_failed").mkdir()
    (out / "_failed" / ".sources.partial.ipynb").write_text("{")
    assert run("render", "sources", "--out", out).returncode == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [
        ".manifest.json",
        ".render.lock",
    ]
    assert not (out / "_failed").exists()


# -- 11. a full disk -------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Path:
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 and os.environ.get("CI") != "true":
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2500k", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_fails_cleanly_and_keeps_the_failed_notebook_kept_before(
    small_disk: Path, tmp_path: Path
) -> None:
    out = small_disk / "out"
    folder = notebooks_with_cell(tmp_path, "sources", "raise RuntimeError('kept for review')")
    first = run("render", "sources", "--notebooks", folder, "--out", out)
    assert first.returncode == 1, first.stderr
    kept = out / "_failed" / "sources.ipynb"
    before = kept.read_bytes()
    # Fill the disk to its last few bytes, as a log or another job would.
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    (small_disk / "filler").write_bytes(b"\0" * max(0, free - 4096))
    result = run("render", "sources", "--notebooks", folder, "--out", out)
    assert result.returncode == 1, result.stderr
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert kept.read_bytes() == before, "the notebook kept before is intact"
    nbformat.validate(nbformat.read(kept, as_version=4))
    assert not [p for p in out.rglob("*") if p.name.endswith((".tmp", ".partial.ipynb"))]


# -- 13. caches of the right syntax and the wrong shape ----------------------------------------


def test_caches_of_the_wrong_shape_cost_only_time(
    rendered_sources: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    out, env = rendered_sources
    cache = tmp_path / "cache"
    (cache / "parameters.json").write_text('[{"bogus": 1}]')
    (out / ".manifest.json").write_text('{"sources": "a string", "policy": {"key": 3}}')
    result = run("render", "sources", "--out", out, env=env)
    assert result.returncode == 0, result.stderr
    assert "1 rendered" in result.stderr
    assert_consistent(out)
    digest_cache = json.loads((cache / "parameters.json").read_text())
    assert isinstance(digest_cache, dict)


# -- 14. output folders that cannot be used, and the streams --------------------------------


@pytest.mark.parametrize("where", ["file", "under-file", "proc"])
def test_an_unusable_output_folder_exits_2_in_one_line(tmp_path: Path, where: str) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    out = {"file": a_file, "under-file": a_file / "out", "proc": Path("/proc/analysis-out")}[where]
    for command in (["render", "sources"], ["export"]):
        result = run(*command, "--out", out)
        assert result.returncode == 2, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert "cannot be used as the" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    # `analysis check | head -1`, with the reader gone before the first line is written.
    read, write = os.pipe()
    os.close(read)
    with subprocess.Popen(
        [sys.executable, "-m", "analysis", "check"], stdout=write, stderr=subprocess.PIPE, text=True
    ) as proc:
        os.close(write)
        _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err


def test_a_long_evidence_string_is_cut_in_the_message(seeds_copy: Path) -> None:
    path = seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    text = path.read_text(encoding="utf-8")
    long = "x" * 1_000_000
    old = '"Mexico has extradited 26 alleged cartel members to the United States in a'
    path.write_text(text.replace(old, f'"{long} Mexico has extradited 26 in a', 1))
    result = run("--seeds", seeds_copy, "check")
    assert result.returncode == 2
    assert len(result.stderr) < 20_000, "a 1 MB value is not echoed whole"
    assert "characters cut" in result.stderr or "..." in result.stderr


def test_a_folder_planted_as_a_facts_file_is_named_and_exits_2(
    seeds_copy: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (seeds_copy / "ledger" / "planted.yaml").symlink_to(elsewhere, target_is_directory=True)
    result = run("--seeds", seeds_copy, "check")
    assert result.returncode == 2, result.stderr
    assert "planted.yaml" in result.stderr
    assert "problem in the seeds" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(elsewhere.iterdir()) == []
