"""The extraction benchmark's articles and gold files (benchmarks/articles/) keep their shape.

Every gold file is read by the loader ``benchmarks/extraction.py`` scores with: its keys, its
vocabularies, resolved dates that parse and agree with their precision, and the words as
written (of every count, date, charge and quote, and every name) found in its article. So a
gold file cannot silently rot when an article or the guide changes. Nothing here runs the
extractor.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "benchmarks" / "articles"
GOLD_FILES = sorted(ARTICLES.glob("*/*.gold.yaml"))
OUTLET = "Benchmark fixture (invented text)"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "benchmark_extraction", ROOT / "benchmarks" / "extraction.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _benchmark()


def test_the_sets_hold_enough_articles() -> None:
    for name in ("dev", "test"):
        assert len(bench.gold_files(name)) >= 4, name
    assert len(bench.gold_files("seed")) == 1


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_is_well_formed(path: Path) -> None:
    try:
        article = bench.load_gold(path, path.parent.name)
    except bench.GoldError as exc:
        pytest.fail("\n".join(str(p) for p in exc.problems))
    for kind in bench.KINDS:
        for record in getattr(article, kind):
            assert record, (kind, record)
    # Counts and dates are annotated per mention: each one's words are found in the text.
    for record in article.counts + article.dates + article.charges:
        assert record["as_written"] in article.text


@pytest.mark.parametrize(
    "text", sorted(ARTICLES.glob("[dt]*/*.txt")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_article_has_metadata_and_gold(text: Path) -> None:
    stem = text.name.removesuffix(".txt")
    body = text.read_text(encoding="utf-8")
    assert body.strip(), "empty article"
    assert not body.startswith(("---", "#", "id:", "title:")), "the file must start with the text"
    meta = yaml.safe_load(text.with_name(f"{stem}.yaml").read_text(encoding="utf-8"))
    assert set(meta) == {"id", "published", "language", "kind", "outlet", "url", "title"}
    assert meta["id"] == stem
    assert isinstance(meta["published"], dt.date)
    assert meta["language"] == "en"
    assert meta["outlet"] == OUTLET
    assert meta["url"] is None
    assert isinstance(meta["kind"], str)
    assert isinstance(meta["title"], str)
    assert text.with_name(f"{stem}.gold.yaml").is_file()


def test_article_ids_are_unique_across_sets() -> None:
    ids = [p.name for p in GOLD_FILES]
    assert len(ids) == len(set(ids))


# --- A malformed gold file is refused, naming the file and the entry -------------------------

GOOD: dict[str, Any] = {
    "article": "x01",
    "people": [{"name": "Ana Ruiz", "role": "speaker", "country": None, "title": None}],
    "organisations": [{"name": "Navy"}],
    "quotes": [{"speaker": "Ana Ruiz", "first_words": "We will", "n_parts": 1}],
    "counts": [{"value": 5, "unit": "people", "what": "arrested", "as_written": "5 men"}],
    "dates": [{"as_written": "on Monday", "value": "2025-06-02", "precision": "day"}],
    "charges": [{"charge": "murder", "as_written": "murder", "accused": None}],
}
TEXT = "The Navy arrested 5 men on Monday for murder. “We will win,” Ana Ruiz said.\n"


def _write(folder: Path, gold: dict[str, Any], *, raw: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "x01.txt").write_text(TEXT, encoding="utf-8")
    (folder / "x01.yaml").write_text(
        f"id: x01\npublished: 2025-06-03\nlanguage: en\nkind: news brief\noutlet: {OUTLET}\n"
        "url: null\ntitle: t\n",
        encoding="utf-8",
    )
    path = folder / "x01.gold.yaml"
    path.write_text(raw if raw is not None else yaml.safe_dump(gold, allow_unicode=True))
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    article = bench.load_gold(_write(tmp_path / "dev", GOOD), "dev")
    assert article.dates[0]["value"] == "2025-06-02"
    assert article.quotes[0]["first_words"] == ["we", "will"]


def _broken(section: str, index: int, **change: Any) -> dict[str, Any]:
    gold = {k: [dict(e) for e in v] if isinstance(v, list) else v for k, v in GOOD.items()}
    gold[section][index].update(change)
    for key, value in change.items():
        if value is ...:
            del gold[section][index][key]
    return gold


@pytest.mark.parametrize(
    ("gold", "entry", "message"),
    [
        (_broken("dates", 0, value="2025-02-30"), "dates[0] ('on Monday')", "YYYY"),
        (_broken("dates", 0, precision="month"), "dates[0]", "is a day"),
        (_broken("dates", 0, as_written="on Tuesday"), "dates[0]", "does not occur"),
        (_broken("counts", 0, as_written="five men"), "counts[0]", "does not occur"),
        (_broken("counts", 0, value="5"), "counts[0]", "whole number"),
        (_broken("counts", 0, unit="persons"), "counts[0]", "'unit'"),
        (_broken("charges", 0, charge="racketeering"), "charges[0]", "'charge'"),
        (_broken("charges", 0, accused="Nobody"), "charges[0]", "not a person"),
        (_broken("quotes", 0, first_words="We shall"), "quotes[0]", "does not occur"),
        (_broken("quotes", 0, speaker="Pedro Vega"), "quotes[0]", "'speaker'"),
        (_broken("quotes", 0, n_parts=...), "quotes[0]", "missing key(s) n_parts"),
        (_broken("people", 0, name="Ana López"), "people[0]", "does not occur"),
        (_broken("people", 0, role="boss"), "people[0]", "'role'"),
        (_broken("people", 0, nickname="x"), "people[0]", "unknown key(s) nickname"),
        (_broken("organisations", 0, aliases=["Semar"]), "organisations[0]", "'Semar'"),
    ],
)
def test_a_malformed_entry_is_named(tmp_path: Path, gold: dict[str, Any], entry: str,
                                    message: str) -> None:  # fmt: skip
    path = _write(tmp_path / "dev", gold)
    with pytest.raises(bench.GoldError) as caught:
        bench.load_gold(path, "dev")
    text = "\n".join(str(p) for p in caught.value.problems)
    assert str(path) in text or "x01.gold.yaml" in text
    assert entry in text
    assert message in text


def test_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    raw = yaml.safe_dump(GOOD, allow_unicode=True) + "article: x01\n"
    with pytest.raises(bench.GoldError, match="written twice"):
        bench.load_gold(_write(tmp_path / "dev", GOOD, raw=raw), "dev")


def test_the_script_exits_2_on_a_malformed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "dev", _broken("dates", 0, value="June"))
    monkeypatch.setattr(bench, "ARTICLES", tmp_path)
    assert bench.main(["--set", "dev", "--no-timings"]) == 2
    err = capsys.readouterr().err
    assert "x01.gold.yaml" in err
    assert "dates[0] ('on Monday'), line" in err
