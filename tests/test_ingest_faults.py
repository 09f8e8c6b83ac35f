"""`analysis ingest` under faults, on real subprocesses: inputs that are not regular files of the
project (symlinks out of it, /etc/passwd, /proc files, FIFOs, folders), a run killed between its
writes, and the lock it takes (never left in the temporary folder).

Every test works on a copy of the seeds in a temporary folder, and runs the command with that
folder as its working directory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FEB = ROOT / "tests" / "fixtures" / "articles" / "feb_2025_transfer.txt"
LINKING = ROOT / "tests" / "fixtures" / "articles" / "linking.txt"


def run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m analysis ARGS`` (or ``python -c CODE ARGS``) in ``cwd``."""
    head = ["-c", code] if code is not None else ["-m", "analysis"]
    return subprocess.run(
        [sys.executable, *head, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})},
        check=False,
    )


def ingest(path: Path | str, seeds: Path, **kw: object) -> subprocess.CompletedProcess[str]:
    """``analysis ingest PATH`` in the folder of the seeds; a fixture is copied there first
    (ingest reads only files inside the working folder)."""
    if isinstance(path, Path) and path.is_relative_to(ROOT):
        copy = seeds.parent / path.name
        if not copy.exists():
            copy.write_bytes(path.read_bytes())
        path = copy
    return run(
        "--seeds", seeds, "ingest", path, "--published", "2025-08-20", cwd=seeds.parent, **kw
    )  # type: ignore[arg-type]


def new_files(seeds: Path) -> list[str]:
    return sorted(
        str(p.relative_to(seeds))
        for p in [*(seeds / "sources").iterdir(), *(seeds / "ledger").iterdir()]
        if not p.name.startswith("000_")
    )


# -- item 5: special files and symlinks ---------------------------------------------------------


def refused(result: subprocess.CompletedProcess[str], seeds: Path, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    for word in words:
        assert word in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert new_files(seeds) == [], "a refused input must write nothing"


def test_a_symlink_to_etc_passwd_is_refused(seeds_copy: Path) -> None:
    link = seeds_copy.parent / "article.txt"
    link.symlink_to("/etc/passwd")
    refused(ingest(link, seeds_copy), seeds_copy, "article.txt", "/etc/passwd", "outside")


def test_etc_passwd_itself_is_refused(seeds_copy: Path) -> None:
    refused(ingest("/etc/passwd", seeds_copy), seeds_copy, "/etc/passwd", "outside")


def test_a_proc_file_is_refused(seeds_copy: Path) -> None:
    refused(ingest("/proc/self/status", seeds_copy), seeds_copy, "/proc/self/status")


def test_a_symlink_to_a_proc_file_is_refused(seeds_copy: Path) -> None:
    link = seeds_copy.parent / "status.txt"
    link.symlink_to("/proc/self/status")
    refused(ingest(link, seeds_copy), seeds_copy, "status.txt")


def test_a_fifo_is_refused_without_blocking(seeds_copy: Path) -> None:
    fifo = seeds_copy.parent / "pipe.txt"
    os.mkfifo(fifo)
    refused(ingest(fifo, seeds_copy), seeds_copy, "pipe.txt", "not a regular file")


def test_a_folder_is_refused(seeds_copy: Path) -> None:
    folder = seeds_copy.parent / "folder.txt"
    folder.mkdir()
    refused(ingest(folder, seeds_copy), seeds_copy, "folder.txt", "not a regular file")


def test_a_symlink_inside_the_working_folder_is_followed(seeds_copy: Path) -> None:
    real = seeds_copy.parent / "texts" / "feb.txt"
    real.parent.mkdir()
    real.write_bytes(FEB.read_bytes())
    link = seeds_copy.parent / "feb.txt"
    link.symlink_to(real)
    result = ingest(link, seeds_copy)
    assert result.returncode == 0, result.stderr
    assert len(new_files(seeds_copy)) == 3


def test_a_symlink_to_a_text_outside_the_working_folder_is_refused(
    seeds_copy: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "feb.txt"
    outside.write_bytes(FEB.read_bytes())
    link = seeds_copy.parent / "feb.txt"
    link.symlink_to(outside)
    refused(ingest(link, seeds_copy), seeds_copy, "feb.txt", "outside")


# -- item 6: a source is written as one unit ----------------------------------------------------


def test_a_text_left_alone_by_a_killed_ingest_is_rolled_back_by_the_next_one(
    seeds_copy: Path,
) -> None:
    # What a run killed after its first write leaves: the text, without metadata or draft.
    first = ingest(FEB, seeds_copy)
    assert first.returncode == 0, first.stderr
    sid = Path(new_files(seeds_copy)[0]).stem
    (seeds_copy / "sources" / f"{sid}.yaml").unlink()
    (seeds_copy / "ledger" / f"{sid}.yaml").unlink()
    assert new_files(seeds_copy) == [f"sources/{sid}.txt"]

    again = ingest(FEB, seeds_copy)
    assert again.returncode == 0, again.stderr
    assert "interrupted" in again.stdout + again.stderr
    assert "nothing was written" not in again.stdout
    assert new_files(seeds_copy) == [
        f"ledger/{sid}.yaml",
        f"sources/{sid}.txt",
        f"sources/{sid}.yaml",
    ]
    check = run("--seeds", seeds_copy, "check", cwd=seeds_copy.parent)
    assert check.returncode == 0, check.stderr


def test_a_source_whose_draft_the_reviewer_deleted_is_kept(seeds_copy: Path) -> None:
    # A text with its metadata and no draft is a source with no facts, not a leftover: only a
    # text without metadata (or what the journal of a killed run names) is rolled back.
    first = ingest(FEB, seeds_copy)
    assert first.returncode == 0, first.stderr
    sid = Path(new_files(seeds_copy)[0]).stem
    (seeds_copy / "ledger" / f"{sid}.yaml").unlink()

    other = ingest(LINKING, seeds_copy)
    assert other.returncode == 0, other.stderr
    assert "interrupted" not in other.stdout + other.stderr
    assert {f"sources/{sid}.txt", f"sources/{sid}.yaml"} <= set(new_files(seeds_copy))


# The command, with the writer wrapped so that the process SIGKILLs itself right after the Nth
# file of the source is in place: a real kill at an exact point, with no hook in the product.
KILLED_AFTER = textwrap.dedent(
    """
    import os, signal, sys
    import analysis.files
    import analysis.ingest
    n = int(os.environ["KILL_AFTER"])
    write = analysis.files.atomic_write
    done = []
    def atomic_write(path, data):
        write(path, data)
        if path.suffix in (".txt", ".yaml"):
            done.append(path)
            if len(done) == n:
                os.kill(os.getpid(), signal.SIGKILL)
    for name, module in list(sys.modules.items()):
        if name.startswith("analysis.ingest") and hasattr(module, "atomic_write"):
            module.atomic_write = atomic_write
    from analysis.cli import main
    sys.argv = ["analysis", *sys.argv[1:]]
    sys.exit(main())
    """
)


@pytest.mark.parametrize("after", [1, 2])
def test_an_ingest_killed_between_its_writes_is_completed_or_undone_by_the_next(
    seeds_copy: Path, after: int
) -> None:
    article = seeds_copy.parent / FEB.name
    article.write_bytes(FEB.read_bytes())
    killed = run(
        "--seeds", seeds_copy, "ingest", article, "--published", "2025-08-20",
        cwd=seeds_copy.parent, code=KILLED_AFTER, env={"KILL_AFTER": str(after)},
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert 0 < len(new_files(seeds_copy)) < 3, "the kill came between the writes"

    again = ingest(FEB, seeds_copy)
    assert again.returncode == 0, again.stderr
    assert "interrupted" in again.stdout + again.stderr
    assert len(new_files(seeds_copy)) == 3
    check = run("--seeds", seeds_copy, "check", cwd=seeds_copy.parent)
    assert check.returncode == 0, check.stderr


def test_a_hand_added_text_without_metadata_is_not_removed(seeds_copy: Path) -> None:
    # Only what ingest itself left is rolled back: a text someone put there by hand stays.
    hand = seeds_copy / "sources" / "050_by-hand.txt"
    hand.write_text("Mexico sent 3 suspects to the United States.\n", encoding="utf-8")
    ingest(LINKING, seeds_copy)
    assert hand.exists()


# -- issue 11: the lock -------------------------------------------------------------------------


def test_ingest_leaves_nothing_in_the_temporary_folder(seeds_copy: Path) -> None:
    tmp = seeds_copy.parent / "tmp"
    tmp.mkdir()
    result = ingest(FEB, seeds_copy, env={"TMPDIR": str(tmp)})
    assert result.returncode == 0, result.stderr
    assert list(tmp.iterdir()) == []
    again = ingest(FEB, seeds_copy, env={"TMPDIR": str(tmp)})
    assert again.returncode == 0, again.stderr
    assert list(tmp.iterdir()) == []


def test_a_lock_that_is_a_symlink_is_refused(seeds_copy: Path) -> None:
    target = seeds_copy.parent / "elsewhere.lock"
    (seeds_copy / ".ingest.lock").symlink_to(target)
    result = ingest(FEB, seeds_copy)
    assert result.returncode == 2, result.stderr
    assert ".ingest.lock" in result.stderr
    assert not target.exists()
    assert new_files(seeds_copy) == []
