"""The Atom feed (``feed.xml``): each render that changed a page's headline figures.

Entries come from the history the manifest keeps for each page (:mod:`analysis.render.manifest`),
so every run rewrites the whole feed, whatever it rendered: the newest :data:`ENTRIES` renders
across all pages, newest first. An entry says what changed (``People transferred: 55 -> 81``)
or that it was the page's first render, links to the page, and has an ``<id>`` that stays the
same for that render of that page in every later feed. Times are those of the renders, from
the manifest; a feed with no entry is dated by its newest page, or the epoch.

Links are relative to the feed (``transfers.html``), so that the folder works wherever it is
served; ``base_url`` makes them absolute. The XML is built with :mod:`xml.etree`, which
escapes every text and attribute.
"""

from __future__ import annotations

import html
import uuid
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from analysis._version import __version__
from analysis.files import atomic_write

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
#: The renders the feed lists.
ENTRIES = 50
TITLE = "Reports: US-Mexico security cooperation"
#: When the feed has nothing to date it by.
EPOCH = "1970-01-01T00:00:00Z"
#: The namespace of the feed's and its entries' ids (``urn:uuid:``, a UUID 5 of the names).
_NAMESPACE = uuid.UUID("2f1b5d0e-7c61-4b8e-9a51-4f0d9b1f3c2a")


def entry_id(stem: str, event: Mapping[str, Any]) -> str:
    """The id of one render of the page ``stem``: the same in every feed that lists it.

    >>> entry_id("transfers", {"rendered_at": "2025-09-01T06:00:00Z"}).startswith("urn:uuid:")
    True
    """
    name = f"{stem}\n{event.get('rendered_at', '')}\n{event.get('html_sha256', '')}"
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _href(base_url: str | None, name: str) -> str:
    if not base_url:
        return name
    return base_url.rstrip("/") + "/" + name


def entries(manifest: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``(page, render)`` for the renders the feed lists, newest first."""
    found = [
        (stem, event)
        for stem, entry in manifest.items()
        for event in entry.get("history", [])
        if event.get("changes") or event.get("first")
    ]
    found.sort(key=lambda item: (item[1]["rendered_at"], item[0]), reverse=True)
    return found[:ENTRIES]


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str, media: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"href": href, "rel": rel, "type": media})


def _entry_title(title: str, event: Mapping[str, Any]) -> str:
    changes = list(event.get("changes") or [])
    if not changes:
        return f"{title}: first render"
    shown = "; ".join(changes[:3])
    more = f" and {len(changes) - 3} more" if len(changes) > 3 else ""
    return f"{title}: {shown}{more}"


def _entry_content(event: Mapping[str, Any]) -> str:
    """The entry's body as HTML (``type="html"``: the XML escapes it once more)."""
    esc = html.escape
    parts = []
    if event.get("summary"):
        parts.append(f"<p>{esc(str(event['summary']))}</p>")
    changes = list(event.get("changes") or [])
    if changes:
        parts.append("<p>Changed since the previous render:</p>")
        parts.append("<ul>" + "".join(f"<li>{esc(c)}</li>" for c in changes) + "</ul>")
    else:
        figures = event.get("figures") or {}
        parts.append("<p>First render of this page.</p>")
        if figures:
            parts.append(
                "<ul>"
                + "".join(f"<li>{esc(str(k))}: {esc(str(v))}</li>" for k, v in figures.items())
                + "</ul>"
            )
    return "".join(parts)


def feed_xml(manifest: Mapping[str, Any], *, base_url: str | None = None) -> bytes:
    """The feed of ``manifest``'s pages, as bytes (UTF-8, with its XML declaration)."""
    ET.register_namespace("", ATOM)
    listed = entries(manifest)
    times = [e.get("rendered_at") for e in manifest.values() if e.get("rendered_at")]
    updated = listed[0][1]["rendered_at"] if listed else max(times, default=EPOCH)
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "title", TITLE)
    _text(root, "subtitle", "Renders that changed the reports' headline figures")
    _text(root, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, base_url or 'analysis reports')}")
    _text(root, "updated", updated)
    _link(root, _href(base_url, FEED), "self", "application/atom+xml")
    _link(root, _href(base_url, "index.html"), "alternate", "text/html")
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", "analysis")
    _text(root, "generator", "analysis", version=__version__)
    for stem, event in listed:
        title = str(event.get("title") or manifest[stem].get("title") or stem)
        item = ET.SubElement(root, f"{{{ATOM}}}entry")
        _text(item, "title", _entry_title(title, event))
        _text(item, "id", entry_id(stem, event))
        _text(item, "updated", event["rendered_at"])
        _link(item, _href(base_url, f"{stem}.html"), "alternate", "text/html")
        if event.get("summary"):
            _text(item, "summary", str(event["summary"]), type="text")
        _text(item, "content", _entry_content(event), type="html")
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def write_feed(out_dir: Path, manifest: Mapping[str, Any], *, base_url: str | None = None) -> Path:
    """Write ``out_dir/feed.xml`` atomically."""
    path = out_dir / FEED
    atomic_write(path, feed_xml(manifest, base_url=base_url))
    return path
