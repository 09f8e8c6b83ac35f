"""What a report notebook and the renderer agree on, with no Polars: the summary's mimetype
and JSON that is safe inside a ``<script>`` element.

The renderer imports this module alone, so that comparing two summaries or exporting a page
never loads the data stack.
"""

from __future__ import annotations

import json

#: Mimetype of the machine-readable summary a report emits (read by the renderer, not shown).
SUMMARY_MIMETYPE = "application/vnd.analysis.summary+json"


_JS_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>`` can close it early.

    >>> script_json({"t": "</script>"})
    '{"t":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return text.translate(_JS_ESCAPES)
