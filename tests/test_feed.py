"""The Atom feed built from the manifest's history: valid Atom 1.0 (feedparser, and the
required elements read with ElementTree in the Atom namespace), newest first, bounded,
stable ids, escaped text. (The feed a real render writes is in test_index.py.)"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

import feedparser
import pytest

from analysis.render.feed import ATOM, ENTRIES, entry_id, feed_xml
from analysis.render.manifest import MANIFEST, read_manifest

if TYPE_CHECKING:
    from pathlib import Path

NS = {"a": ATOM}
HOSTILE = "<script>alert('x')</script> & \"Co\""


def _event(at: str, changes: list[str], **more: Any) -> dict[str, Any]:
    return {
        "rendered_at": at,
        "html_sha256": f"sha-{at}",
        "title": "Extraditions and transfers",
        "summary": "55 people in 2 transfers",
        "changes": changes,
        "first": not changes,
        "figures": {"People transferred": 55} if not changes else {},
        **more,
    }


def _manifest(**histories: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        stem: {
            "report": stem,
            "title": stem.title(),
            "rendered_at": h[0]["rendered_at"],
            "history": h,
        }
        for stem, h in histories.items()
    }


def _check_atom(document: bytes) -> ET.Element:
    """Every element RFC 4287 requires, in the Atom namespace."""
    root = ET.fromstring(document)
    assert root.tag == f"{{{ATOM}}}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"a:{tag}", NS) is not None, tag
    assert root.find("a:author/a:name", NS) is not None, "a feed-level author"
    self_links = [l for l in root.findall("a:link", NS) if l.get("rel") == "self"]
    assert len(self_links) == 1
    for entry in root.findall("a:entry", NS):
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"a:{tag}", namespaces=NS) or "").strip(), tag
        links = [l for l in entry.findall("a:link", NS) if l.get("rel") == "alternate"]
        assert len(links) == 1
        assert links[0].get("href")
    return root


def _parse(document: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(document)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_each_render_that_changed_a_figure_is_an_entry_newest_first() -> None:
    manifest = _manifest(
        transfers=[
            _event("2025-09-02T06:00:00Z", ["People transferred: 55 -> 81", "Transfers: 2 -> 3"]),
            _event("2025-09-01T06:00:00Z", []),
        ],
        policy=[_event("2025-09-01T06:00:05Z", [], title="Policy")],
    )
    document = feed_xml(manifest)
    _check_atom(document)
    parsed = _parse(document)
    assert [e.link for e in parsed.entries] == ["transfers.html", "policy.html", "transfers.html"]
    newest = parsed.entries[0]
    assert newest.title == (
        "Extraditions and transfers: People transferred: 55 -> 81; Transfers: 2 -> 3"
    )
    assert "People transferred: 55 -&gt; 81" in newest.content[0].value
    assert newest.updated == "2025-09-02T06:00:00Z"
    assert parsed.entries[1].title == "Policy: first render"
    assert parsed.feed.updated == "2025-09-02T06:00:00Z", "dated by its newest entry"
    assert [l.href for l in parsed.feed.links if l.rel == "self"] == ["feed.xml"]


def test_a_render_that_changed_nothing_is_no_entry() -> None:
    quiet = _event("2025-09-03T06:00:00Z", [])
    quiet["first"] = False
    parsed = _parse(feed_xml(_manifest(transfers=[quiet])))
    assert parsed.entries == []
    assert parsed.feed.updated == "2025-09-03T06:00:00Z", "dated by its newest page"


def test_an_empty_feed_is_valid() -> None:
    document = feed_xml({})
    _check_atom(document)
    assert _parse(document).entries == []


def test_ids_stay_the_same_when_later_renders_are_added() -> None:
    old = _event("2025-09-01T06:00:00Z", [])
    before = _parse(feed_xml(_manifest(transfers=[old])))
    new = _event("2025-09-02T06:00:00Z", ["People transferred: 55 -> 81"])
    after = _parse(feed_xml(_manifest(transfers=[new, old])))
    assert [e.id for e in after.entries][1:] == [e.id for e in before.entries]
    assert after.entries[0].id != after.entries[1].id
    assert after.entries[0].id == entry_id("transfers", new)
    assert before.feed.id == after.feed.id
    assert all(e.id.startswith("urn:uuid:") for e in after.entries)


def test_the_feed_is_bounded_to_the_newest_entries() -> None:
    history = [
        _event(f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}T06:00:00Z", [f"Transfers: {i} -> {i + 1}"])
        for i in range(ENTRIES + 20)
    ][::-1]
    parsed = _parse(feed_xml(_manifest(transfers=history)))
    assert len(parsed.entries) == ENTRIES
    assert parsed.entries[0].title.endswith(f"Transfers: {ENTRIES + 19} -> {ENTRIES + 20}")


@pytest.mark.parametrize("where", ["title", "summary", "changes"])
def test_text_from_sources_and_parameters_is_escaped(where: str) -> None:
    event = _event("2025-09-02T06:00:00Z", ["People transferred: 55 -> 81"])
    if where == "changes":
        event["changes"] = [f"{HOSTILE}: 1 -> 2"]
    else:
        event[where] = HOSTILE
    document = feed_xml(_manifest(transfers=[event]))
    assert b"<script>" not in document, "markup is never written as markup"
    root = _check_atom(document)  # parses as XML: nothing broke out of its element
    entry = root.find("a:entry", NS)
    assert entry is not None
    if where == "title":
        assert (entry.findtext("a:title", namespaces=NS) or "").startswith(HOSTILE)
    elif where == "summary":
        assert entry.findtext("a:summary", namespaces=NS) == HOSTILE
    # type="html" content: once the XML is read, the HTML still holds the text escaped.
    content = entry.find("a:content", NS)
    assert content is not None
    assert content.get("type") == "html"
    if where != "title":
        assert "&lt;script&gt;" in (content.text or "")
        assert "<script>" not in (content.text or "")
    _parse(document)


def test_a_base_url_makes_the_links_absolute() -> None:
    manifest = _manifest(transfers=[_event("2025-09-01T06:00:00Z", [])])
    parsed = _parse(feed_xml(manifest, base_url="https://example.org/reports/"))
    assert [l.href for l in parsed.feed.links if l.rel == "self"] == [
        "https://example.org/reports/feed.xml"
    ]
    assert parsed.entries[0].link == "https://example.org/reports/transfers.html"


def test_a_hand_edited_history_costs_only_its_broken_renders(tmp_path: Path) -> None:
    good = _event("2025-09-02T06:00:00Z", ["Transfers: 2 -> 3"])
    broken = [
        "a string",
        {"rendered_at": 3},
        {"rendered_at": "2025-09-01T06:00:00Z", "changes": "not a list"},
        {"rendered_at": "2025-09-01T06:00:00Z", "first": True, "figures": ["no"]},
    ]
    entry = {
        "report": "transfers",
        "key": "k",
        "html_sha256": "h",
        "title": 7,
        "order": True,
        "history": [good, *broken],
    }
    (tmp_path / MANIFEST).write_text(json.dumps({"transfers": entry}), encoding="utf-8")
    manifest = read_manifest(tmp_path)
    assert manifest["transfers"]["history"] == [good]
    assert "title" not in manifest["transfers"]
    assert "order" not in manifest["transfers"], "true is no order"
    parsed = _parse(feed_xml(manifest))
    assert [e.title for e in parsed.entries] == ["Extraditions and transfers: Transfers: 2 -> 3"]
