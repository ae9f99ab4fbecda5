"""Find the specifics of a text that grounding checks: numbers and quantities (with their
value normalised), names of people, organisations and places, and quoted words, each with
its character span. Pure regular expressions and word lists: no model, no spaCy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from harness.grounding_lexicon import (
    AMBIGUOUS_MONTHS,
    MONTHS,
    NAME_JOINERS,
    SCALES,
    STOPWORDS,
    UNITS,
    WEEKDAYS,
    american,
)

# a word: an acronym with dots ("U.N."), a number with separators, or letters with an
# inner apostrophe or hyphen ("O'Donnell", "mid-table")
WORD = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z]+\d+[A-Za-z\d]*|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)*",
    re.UNICODE,
)
_NUM_WORD = "|".join(sorted([*UNITS, "one", "a", "an"], key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
# "$300 billion", "£42.3m", "90 percent", "90%", "14,000-mile", "twenty-five", "three
# hundred", "2.6 million". The currency may come as '#' in tokenized text ("# 42 million").
NUMBER = re.compile(
    rf"""
    (?P<cur>[$£€¥#]\s?)?
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        |
        (?P<words>(?:{_NUM_WORD})(?:[\s-]+(?:{_NUM_WORD}|and))*(?:[\s-]+(?:{_SCALE}))*)
    )
    (?P<scale>\s?-?(?:{_SCALE})\b(?:\s(?:{_SCALE})\b)*)?
    (?P<pct>\s?(?:%|percent\b|per\s+cent\b))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_UPPER = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class Specific:
    """One checkable specific: `kind` number|date|entity|quote, its text and span, and for
    numbers the value; `key` is what the article must contain (normalised)."""

    kind: str
    text: str
    start: int
    end: int
    value: float | None = None
    key: tuple[str, ...] = ()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Porter stem of an American-spelled lowercase word: rouge-score's own (its native
    engine's tokenizer, so ROUGE and grounding stem alike and nltk is never imported)."""
    word = american(word)
    out = _stemmer().tokenize(word)
    return out[0] if len(out) == 1 else word


@lru_cache(maxsize=1)
def _stemmer():
    from rouge_score_rs.tokenizers import DefaultTokenizer

    return DefaultTokenizer(True)


# the bracket tokens of Penn-Treebank-tokenized text ("-LRB- 22,500 kilometers -RRB-")
_BRACKETS = frozenset({"lrb", "rrb", "lsb", "rsb", "lcb", "rcb"})


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercase word) for every word of `text`; dots dropped from acronyms.

    Raw and tokenized text read alike: a contraction is two words, as tokenized text
    writes it ("didn't" = "did n't", "can't" = "ca n't"), and the bracket tokens of
    tokenized text ("-lrb-") are no words."""
    out = []
    for m in WORD.finditer(text):
        w = m.group().lower()
        if "." in w and not w[0].isdigit():
            w = w.replace(".", "")
        w = w.replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if w in _BRACKETS:
            continue
        if w.endswith("n't") and len(w) > 3:
            out.append((m.start(), m.end() - 3, w[:-3]))
            out.append((m.end() - 3, m.end(), "n't"))
            continue
        out.append((m.start(), m.end(), w))
    return out


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry content (no function words, no bare numbers)."""
    return {stem(w) for _, _, w in words(text) if w not in STOPWORDS and not w[0].isdigit()}


def _word_value(text: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for part in re.split(r"[\s-]+", text.lower()):
        if part in ("and", ""):
            continue
        if part in ("a", "an"):
            continue  # "a hundred": the scale below multiplies max(current, 1)
        if part == "one":
            current += 1
            seen = True
        elif part in UNITS:
            current += UNITS[part]
            seen = True
        elif part in SCALES:
            current = max(current, 1.0) * SCALES[part]
            seen = True
            if SCALES[part] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current if seen else None


def _is_bare_word_number(text: str) -> bool:
    parts = [p for p in re.split(r"[\s-]+", text.lower()) if p]
    return parts in (["one"], ["a"], ["an"]) or all(p in ("a", "an", "and") for p in parts)


def numbers(text: str) -> list[Specific]:
    """Every number or quantity of `text` with its value ('fifty' and '50' alike; scale
    words, thousands separators and percent signs read)."""
    out = []
    for m in NUMBER.finditer(text):
        s, e = m.start(), m.end()
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "."):
            continue  # inside a word or a decimal
        if e < len(text) and text[e].isalpha() and not m.group("digits"):
            continue  # "fourth", "tens": a number word inside a longer word
        if e < len(text) and text[e].isalpha() and not m.group("scale"):
            # "3pm", "12ft", "47th": the number with a unit glued on is still a number
            tail = re.match(r"[A-Za-z]+", text[e:])
            if tail and not re.fullmatch(
                r"(?:st|nd|rd|th|s|pm|am|ft|km|m|kg|cm|mm|mph|lb|lbs|g)", tail.group(), re.I
            ):
                continue
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
        else:
            words_text = m.group("words")
            if _is_bare_word_number(words_text) and not m.group("scale"):
                continue
            v = _word_value(words_text)
            if v is None:
                continue
            value = v
        scale = (m.group("scale") or "").strip(" -").lower()
        for part in scale.split():
            value *= SCALES[part]
        cur = m.group("cur") or ""
        if cur.strip() == "#" and not m.group("digits"):
            s += len(cur)
            cur = ""
        if cur and not cur.strip():
            s += len(cur)
        # trim surrounding spaces the optional groups took
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        year = m.group("digits") and re.fullmatch(r"(?:19|20)\d\d", m.group("digits"))
        kind = "date" if year and not cur and not m.group("pct") and not scale else "number"
        out.append(Specific(kind, text[s:e], s, e, value=value))
    return out


def calendar_words(text: str) -> list[Specific]:
    """Weekday and month names ("on Saturday", "in March"): a summary that moves an event to
    another day states something the article does not. Month names that are also common
    words ("may", "march") count only next to a number."""
    out = []
    for s, e, w in words(text):
        if w in WEEKDAYS or w in MONTHS:
            if w in AMBIGUOUS_MONTHS:
                around = text[max(0, s - 4) : e + 4]
                if not re.search(r"\d", around):
                    continue
            out.append(Specific("date", text[s:e], s, e, key=(w,)))
    return out


def _cased(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.02 * len(letters)


def entities(text: str, sentence_starts: set[int]) -> list[Specific]:
    """Capitalised names ("Ada Lovelace", "the Royal Statistical Society", "U.K.") in a
    cased text. A capitalised word that opens a sentence, follows a colon or an opening
    quote, or is a function word, is a name only inside a longer run. A text written
    without capitals yields none (its words are checked sentence by sentence instead)."""
    if not _cased(text):
        return []
    toks = words(text)
    out = []
    i = 0
    while i < len(toks):
        s, _, _ = toks[i]
        raw = text[s : toks[i][1]]
        if not _UPPER.match(raw) or raw.isdigit():
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            s2, e2, w2 = toks[j]
            raw2 = text[s2:e2]
            gap = text[toks[j - 1][1] : s2]
            if gap.strip(" -") or "\n" in gap:
                break
            if _UPPER.match(raw2):
                j += 1
            elif (
                w2 in NAME_JOINERS
                and j + 1 < len(toks)
                and _UPPER.match(text[toks[j + 1][0] : toks[j + 1][1]])
                and not text[toks[j][1] : toks[j + 1][0]].strip(" -")
            ):
                j += 2
            else:
                break
        run = toks[i:j]
        i = j
        before = text[: run[0][0]].rstrip(" *_`")
        opener = (
            run[0][0] in sentence_starts
            or not before
            or before[-1] in ":\"'(`\u201c\u2018-\u2022"
            or text[run[-1][1] : run[-1][1] + 1] == ":"
        )
        # drop function words at the edges ("The", "He")
        while run and run[0][2] in STOPWORDS | NAME_JOINERS:
            run = run[1:]
            opener = False if run else opener
        while run and run[-1][2] in STOPWORDS | NAME_JOINERS:
            run = run[:-1]
        if not run:
            continue
        if opener and len(run) == 1:
            continue
        key = tuple(
            w
            for _, _, w in run
            if w not in STOPWORDS and w not in NAME_JOINERS and not any(c.isdigit() for c in w)
        )
        if not key:
            continue
        out.append(Specific("entity", text[run[0][0] : run[-1][1]], run[0][0], run[-1][1], key=key))
    return out


# An opening single quote is followed by a letter ("'sound and safe'"): one followed by a
# space is the tokenized possessive of a plural ("the players ' union"), one followed by a
# digit an elided decade ("the '90s"), not a quote.
# Tokenized text opens single quotes with a backtick ("` sound and safe '").
_QUOTE = re.compile(
    r"\"([^\"\n]{3,}?)\"|``\s*(.{3,}?)\s*''|\u201c([^\u201d\n]{3,}?)\u201d"
    r"|(?<![\w])'(?![\s\d]|(?:s|t|d|m|re|ve|ll)\b)([^'\n]{12,}?)'(?![\w])"
    r"|\u2018([^\u2019\n]{12,}?)\u2019(?![\w])"
    r"|(?<![\w`])`(?!`)\s*([^`'\n]{12,}?)\s*'(?![\w'])"
)


def quotes(text: str) -> list[Specific]:
    """Quoted words of three or more words: a quote must be the article's own words."""
    out = []
    for m in _QUOTE.finditer(text):
        idx = next(k for k in range(1, 7) if m.group(k) is not None)
        inner = m.group(idx)
        if len(words(inner)) < 3:
            continue
        out.append(Specific("quote", inner, m.start(idx), m.end(idx)))
    return out


def letters(text: str) -> str:
    """Lowercase letters and digits only: "didn't" and tokenized "did n't", "it's" and
    "it 's", "bel-air" and "bel - air" read the same."""
    return _NON_ALNUM.sub("", text.lower())


_NON_ALNUM = re.compile(r"[\W_]+")
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|\u2026|\[[^\]]*\]")


def quote_found(quote: str, article_letters: str) -> bool:
    """A quote is the article's own words in their order: each part of it (parts are cut
    at an ellipsis or a bracketed insertion) runs unbroken in the article
    (`article_letters`: its `letters`), punctuation, spacing and case aside."""
    parts = [letters(p) for p in _ELLIPSIS.split(quote)]
    return all(p in article_letters for p in parts if p)


def precision(sp: Specific) -> float:
    """The rounding a written number implies: '2.6 million' stands for 2.6e6 +- 0.05e6,
    '42 million' for 42e6 +- 0.5e6; a number without decimals or a scale word is exact
    (0)."""
    m = re.search(r"\d[\d.]*", sp.text.replace(",", ""))
    if not m or not sp.value:
        return 0.0
    written = m.group().rstrip(".")
    unit = 10.0 ** -len(written.split(".", 1)[1]) if "." in written else 1.0
    mantissa = float(written)
    if mantissa and not math.isclose(sp.value, mantissa):
        return unit * sp.value / mantissa  # a scale word multiplied it
    return unit if "." in written else 0.0


def value_matches(sp: Specific, value: float) -> bool:
    """The number `sp` is `value`, or `value` rounded the way `sp` is written."""
    if sp.value is None:
        return False
    if math.isclose(sp.value, value, rel_tol=1e-9):
        return True
    step = precision(sp)
    return step > 0 and abs(value - sp.value) <= step / 2 + 1e-9
