"""Characters no step can take: made safe once, before extraction, so one odd byte never ends a run.

lxml refuses strings with C0 controls, U+FFFE/U+FFFF or surrogates ("All strings must be XML compatible"),
and a lone surrogate (JSON allows "\\ud800") cannot be encoded to UTF-8 for hashing or storing.
"""

from __future__ import annotations

import re

# Page and line separators a text-mode page uses between blocks become line breaks; the other controls go.
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\ufffe\uffff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# any of the three above: one scan settles the common case, a page with none of them
_ANY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def safe_text(text: str) -> tuple[str, int]:
    """`text` with line-like controls as newlines, other controls removed, lone surrogates as U+FFFD;
    and how many characters were changed."""
    if _ANY.search(text) is None:
        return text, 0
    text, breaks = _BREAKS.subn("\n", text)
    text, controls = _CONTROLS.subn("", text)
    text, surrogates = _SURROGATES.subn("\ufffd", text)
    return text, breaks + controls + surrogates


def safe_hint(value: str | None) -> str | None:
    """A short field (title, URL, date) made safe; line breaks become spaces."""
    if value is None:
        return None
    text, _ = safe_text(value)
    return " ".join(text.split()) or None
