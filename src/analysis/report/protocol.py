"""What a report notebook and the renderer agree on, with no Polars: the summary's mimetype
and JSON that is safe inside a ``<script>`` element.

The renderer imports this module alone, so that comparing two summaries or exporting a page
never loads the data stack.
"""

from __future__ import annotations

from analysis.markup import script_json

#: Mimetype of the machine-readable summary a report emits (read by the renderer, not shown).
SUMMARY_MIMETYPE = "application/vnd.analysis.summary+json"

__all__ = ["SUMMARY_MIMETYPE", "script_json"]
