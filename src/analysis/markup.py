"""Text for readers: plurals, and JSON that is safe inside a ``<script>`` element. No
dependencies."""

from __future__ import annotations

import json

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


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 transfer``, ``2 transfers``; ``1 person``, ``2 people`` with ``nouns``.

    >>> plural(1, "transfer"), plural(2, "transfer"), plural(1, "person", "people")
    ('1 transfer', '2 transfers', '1 person')
    """
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"
