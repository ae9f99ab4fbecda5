"""Text normalisation and sentence splitting shared by every metric.

Sentences come from sentencex (a rule-based splitter shipped whole in its
wheel, no data download), after markdown bullets and blank lines are treated
as hard boundaries so bullet lists split one item per sentence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

# Unicode punctuation folded to ASCII so matching and tokenising see one form.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)

_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+")


_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def is_blank(text: str) -> bool:
    """Nothing a reader could see: whitespace, zero-width characters (U+200B, U+FEFF, ...),
    NUL and other control characters only. Such a summary is flagged `empty summary`."""
    return all(c.isspace() or unicodedata.category(c) in _INVISIBLE for c in text)


def unix_newlines(text: str) -> str:
    """CRLF and lone CR as LF: how every candidate text is read, so spans agree everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fold_keep_offsets(text: str) -> str:
    """Fold quotes, dashes and spaces one character for one, keeping every offset."""
    return text.translate({k: (v if v else " ") for k, v in _FOLD.items()})


def blocks(text: str) -> list[tuple[int, str]]:
    """Split text into blocks at blank lines and markdown list items.

    Returns (offset, block) pairs; each block's markup prefix (bullet, heading
    marker) is left in place so offsets stay exact.
    """
    out: list[tuple[int, str]] = []
    start = None
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        is_item = bool(_BULLET.match(line) or _HEADING.match(line))
        if not stripped or is_item:
            if start is not None:
                out.append((start, text[start:pos]))
                start = None
            if is_item:
                start = pos
        elif start is None:
            start = pos
        pos += len(line)
    if start is not None:
        out.append((start, text[start:pos]))
    return out


@lru_cache(maxsize=4096)
def _segment(block: str) -> tuple[str, ...]:
    from sentencex import segment

    return tuple(segment("en", block))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (markdown-aware, whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    for offset, block in blocks(text):
        marker = _BULLET.match(block) or _HEADING.match(block)
        if marker:
            offset += marker.end()
            block = block[marker.end() :]
        cursor = 0
        for piece in _segment(block):
            found = block.find(piece, cursor)
            if found < 0:  # the splitter changed the text; fall back to the whole block
                found = cursor
            end = found + len(piece)
            cursor = end
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            s, e = offset + found + lead, offset + end - trail
            if e > s:
                spans.append((s, e))
    return spans


_KEY_WORD = re.compile(r"[a-z]{3,}")


def word_keys(text: str) -> frozenset[str]:
    """The first four letters of each word of three letters or more, lowercase: a light
    stem for comparing wordings ("leaping" / "leap", "moved" / "move")."""
    return frozenset(w[:4] for w in _KEY_WORD.findall(text.lower()))


def sentence_at(spans: list[tuple[int, int]], pos: int) -> int:
    """The index of the sentence of `spans` (`sentence_spans`: in order, not overlapping)
    that holds `pos`, else of the last one starting before it (0 when none does)."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return max(0, min(len(spans) - 1, k))


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object) -> str:
    """`text` safe for one line read by people and CI runners: every control character
    (newline, CR, ESC, BEL, C1, line separators) is written as an escape such as `\\n` or
    `\\x1b`, so an id can neither start a `::workflow-command::` line nor drive a terminal."""
    return _CONTROL.sub(
        lambda m: (
            _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}")
            if ord(m.group()) < 0x100
            else f"\\u{ord(m.group()):04x}"
        ),
        str(text),
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~!])")


def markdown_text(text: object) -> str:
    """`text` as inert Markdown (tables, lists, the step summary): control characters
    escaped (a CR cannot start a heading), `<`, `>` and `&` as entities (no HTML such as
    `<img>` or `</details>`), Markdown punctuation (`|`, backticks, `*`, `[`) backslashed."""
    import html

    return _MD_SPECIAL.sub(r"\\\1", html.escape(printable(text), quote=False))
