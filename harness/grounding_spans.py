"""Find the specifics of a text that grounding checks: numbers and quantities (with their
value normalised), names of people, organisations and places, and quoted words, each with
its character span. Pure regular expressions and word lists: no model, no spaCy.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from harness.grounding_counts import ratios, shares
from harness.grounding_lexicon import (
    ALIAS_PHRASES,
    AMBIGUOUS_MONTHS,
    BOUNDS_ABOVE,
    BOUNDS_AROUND,
    BOUNDS_BELOW,
    BOUNDS_MAX,
    BOUNDS_MIN,
    MONTHS,
    NAME_EDGE_WORDS,
    NAME_JOINERS,
    ORDINALS,
    SCALES,
    SENTENCE_OPENERS,
    STOPWORDS,
    UNITS,
    WEEKDAYS,
    WORD_SCALES,
    american,
)
from harness.number_words import parse_number_words

# a word: an acronym with dots ("U.N."), a number with separators, or letters with an
# inner apostrophe or hyphen ("O'Donnell", "mid-table")
WORD = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z]+\d+[A-Za-z\d]*|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)*",
    re.UNICODE,
)
_UNIT_WORD = "|".join(sorted([*UNITS, "one"], key=len, reverse=True))
_WORD_SCALE = "|".join(sorted(WORD_SCALES, key=len, reverse=True))
_DIGIT_WORD = "zero|one|two|three|four|five|six|seven|eight|nine"
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
# a number in words: an optional "a"/"an"/"half a" before it, then number words and scale
# words in any order ("three thousand five hundred", "forty two point five million",
# "two and a half", "half a million"), each a whole word ("eight months" is no "eight m");
# at most 16 words after the first (no number needs more), so hostile text reads in linear time
_WORDS = rf"""
    (?:(?:half[\s-]+)?an?[\s-]+)?
    (?:{_UNIT_WORD}|{_WORD_SCALE})\b
    (?:
        (?:[\s-]+and)?[\s-]+(?:{_UNIT_WORD}|{_WORD_SCALE})\b
        | [\s-]+and[\s-]+a[\s-]+half\b
        | [\s-]+point(?:[\s-]+(?:{_DIGIT_WORD})\b){{1,8}}
    ){{0,16}}
"""
# "$300 billion", "£42.3m", "90 percent", "90%", "14,000-mile", "twenty-five", "three
# hundred", "2.6 million". The currency may come as '#' in tokenized text ("# 42 million").
NUMBER = re.compile(
    rf"""
    (?P<cur>[$£€¥#]\s?)?
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        |
        (?P<words>\b{_WORDS})
    )
    (?P<scale>\s?-?(?:{_SCALE})\b(?:\s(?:{_SCALE})\b)*)?
    (?P<pct>\s?(?:%|percent\b|per\s+cent\b))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ORDINAL = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(t for t in UNITS if t.endswith('ty'))})[\s-]+)?"
    rf"(?P<ord>{'|'.join(sorted(ORDINALS, key=len, reverse=True))})\b",
    re.IGNORECASE,
)
# a unit glued to digits: "3pm", "12ft", "2KMs", "47th"
_GLUED_UNIT = re.compile(
    r"(?:st|nd|rd|th|s|pm|am|ft|kms?|m|kg|cm|mm|mph|lbs?|g|hrs?|mins?|yds?|ml|mg)", re.I
)
_UPPER = re.compile(r"[A-Z]")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)


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
    bound: str = ""  # above | below | around | min | max: a bound ("more than 10,000")
    unit: str = ""  # for numbers, the stem of the word counted ("four-year period": "year")
    ordinal: bool = False  # digits written as an ordinal ("3rd", "21st")
    alts: tuple[float, ...] = ()  # other values it may be read as ("one in five": 20 percent)


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


def fold_accents(word: str) -> str:
    """The word without its accents ("yûki" -> "yuki", "café" -> "cafe")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


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
        if not w.isascii():
            w = fold_accents(w)
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


def _is_bare_word_number(text: str) -> bool:
    parts = [p for p in re.split(r"[\s-]+", text.lower()) if p]
    return parts in (["one"], ["a"], ["an"]) or all(p in ("a", "an", "and") for p in parts)


def numbers(text: str, article: bool = False) -> list[Specific]:
    """Every number or quantity of `text` with its value ('fifty' and '50' alike; scale
    words, thousands separators and percent signs read). An `article`'s numbers include
    "once", "twice" and "thrice" (1, 2, 3: "scored twice" supports "2 goals"), and
    its ordinal words ("third" = 3, "twenty-first" = 21), which support a summary's "3
    seasons" or "9th minute"; a summary's ordinal words are not read (a "fourth" is no
    four)."""
    out = []
    pos, limit = 0, len(text)
    while (m := NUMBER.search(text, pos, limit)) is not None:
        pos, limit = m.end(), len(text)
        s, e = m.start(), m.end()
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] == ".") and not m.group("cur"):
            continue  # inside a word or a decimal ("US$300", "Â£1bn": a currency is no word)
        if s > 1 and text[s - 1] == ":" and text[s - 2].isdigit():
            continue  # the minutes of a clock time ("4:00PM"), not a number of their own
        if e < len(text) and text[e].isalpha() and not m.group("digits"):
            continue  # "fourth", "tens": a number word inside a longer word
        if not m.group("digits") and _ORDINAL.match(text, e + 1) and text[e : e + 1] in "- ":
            continue  # "twenty-first": an ordinal (read only in an article)
        if e < len(text) and text[e].isalpha() and not m.group("scale"):
            # "3pm", "12ft", "2KMs", "47th": the number with a unit glued on is a number
            tail = re.match(r"[A-Za-z]+", text[e:])
            if tail and not _GLUED_UNIT.fullmatch(tail.group()):
                continue
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
        else:
            words_text = m.group("words")
            if _is_bare_word_number(words_text) and not m.group("scale"):
                continue
            v, k = parse_number_words(words_text)
            if v is None:  # not one number ("one ninety"): read its first number alone
                parts = list(re.finditer(r"[^\s-]+", words_text))
                if 0 < k < len(parts):
                    pos = m.start()
                    limit = m.start("words") + parts[k].start()
                continue
            value = v
            # "a three game ban": the article "a" is no part of the number ("a hundred",
            # "a dozen" and "half a million" keep theirs)
            lead = re.match(r"an?[\s-]+", words_text, re.I)
            if lead and not re.match(rf"(?:{_WORD_SCALE}|dozen)\b", words_text[lead.end() :], re.I):
                s += lead.end() + len(m.group("cur") or "")
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
        ordinal = bool(m.group("digits")) and bool(_ORDINAL_SUFFIX.match(text, e))
        out.append(
            Specific(
                kind,
                text[s:e],
                s,
                e,
                value=value,
                bound=_bound(text, s),
                unit=_unit(text, e),
                ordinal=ordinal,
            )
        )
    out = _with_ratio_readings(text, out)
    if article:
        for m in _ORDINAL.finditer(text):
            value = ORDINALS[m.group("ord").lower()] + UNITS.get((m.group("tens") or "").lower(), 0)
            out.append(
                Specific(
                    "number",
                    m.group(),
                    m.start(),
                    m.end(),
                    value=float(value),
                    unit=_unit(text, m.end()),
                )
            )
        out.extend(_proportions(text))
        for m in _TIMES.finditer(text):  # "scored twice" states the 2 of "won 2-0"
            out.append(
                Specific(
                    "number", m.group(), m.start(), m.end(), value=_TIMES_VALUE[m.group().lower()]
                )
            )
        out.sort(key=lambda x: (x.start, x.end))
    return out


_TIMES = re.compile(r"\b(?:once|twice|thrice)\b", re.I)
_TIMES_VALUE = {"once": 1.0, "twice": 2.0, "thrice": 3.0}


def _with_ratio_readings(text: str, found: list[Specific]) -> list[Specific]:
    """Numbers inside a ratio ("one in five") may also be read as its share in percent (20)."""
    spans = ratios(text)  # in text order, not overlapping; `found` too
    out, k = [], 0
    for sp in found:
        while k < len(spans) and spans[k][1] <= sp.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= sp.start and sp.end <= spans[k][1]
        out.append(replace(sp, alts=spans[k][2]) if inside else sp)
    return out


def _proportions(text: str) -> list[Specific]:
    """An article's shares as numbers in percent: "one in five" and "a fifth of" are 20
    (harness.grounding_counts)."""
    return [
        Specific("number", text[s:e], s, e, value=v)
        for s, e, values in shares(text)
        for v in values
    ]


# function words are no unit; the stopwords that count time are ("four years")
_NO_UNIT = STOPWORDS - {"year", "years", "week", "weeks", "day", "days", "time", "times"}
_UNIT_AFTER = re.compile(r"[\s-]?([^\W\d_]+)")


def _unit(text: str, end: int) -> str:
    """The stem of the content word right after a number ("8 months", "four-year",
    "2km"), or '' ("30 percent of voters": "of" is no unit)."""
    m = _UNIT_AFTER.match(text, end)
    if not m or m.group(1).lower() in _NO_UNIT:
        return ""
    return stem(m.group(1).lower())


_BOUNDS = tuple(
    (kind, re.compile(rf"\b(?:{'|'.join(words_)})\s*[$£€¥#]?\s*$", re.I))
    for kind, words_ in (
        ("above", BOUNDS_ABOVE),
        ("below", BOUNDS_BELOW),
        ("around", BOUNDS_AROUND),
        ("min", BOUNDS_MIN),
        ("max", BOUNDS_MAX),
    )
)


def _bound(text: str, start: int) -> str:
    """'above', 'below', 'around', 'min' or 'max' when the words before a number make it a
    bound ("more than 10,000", "nearly 50", "about 80", "at least 3", "up to 5"), else ''."""
    before = text[max(0, start - 24) : start]
    return next((kind for kind, pattern in _BOUNDS if pattern.search(before)), "")


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
        if not _UPPER.match(raw) or raw.isdigit() or (s and text[s - 1].isdigit()):
            i += 1  # not capitalised, or a unit glued to a number ("2KMs")
            continue
        j = i + 1
        while j < len(toks):
            s2, e2, w2 = toks[j]
            raw2 = text[s2:e2]
            gap = text[toks[j - 1][1] : s2]
            if gap.strip(" -") or "\n" in gap:
                break
            if _UPPER.match(raw2) and w2 in SENTENCE_OPENERS:
                break  # "Salt Lake City The hotel": a sentence starts after a lost full stop
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
        j = _alias_tail(text, toks, i, j)
        run = toks[i:j]
        i = j
        before = text[: run[0][0]].rstrip(" *_`")
        opener = (
            run[0][0] in sentence_starts
            or not before
            or before[-1] in ":\"'(`\u201c\u2018-\u2022"
            or text[run[-1][1] : run[-1][1] + 1] == ":"
        )
        # drop function words at the edges ("The", "He"), and common words a writer
        # capitalised next to a name ("Coach Jo Bell", "However Bell", "Bell Fans")
        trimmed = True
        while run and trimmed:
            trimmed = False
            while run and run[0][2] in STOPWORDS | NAME_JOINERS:
                run, trimmed = run[1:], True
                opener = False if run else opener
            while run and run[-1][2] in STOPWORDS | NAME_JOINERS:
                run, trimmed = run[:-1], True
            if len(run) > 1 and run[0][2] in NAME_EDGE_WORDS:
                run, trimmed, opener = run[1:], True, False
            if len(run) > 1 and run[-1][2] in NAME_EDGE_WORDS:
                run, trimmed = run[:-1], True
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


def _alias_tail(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> int:
    """The end of a capitalised run `toks[i:j]` taken on over one or two lowercase words when
    together they are a name of the alias gazetteer ("Man united's": "man united")."""
    for k in (1, 2):
        if j + k > len(toks) or any(
            text[a:b].strip() for (_, a, _), (b, _, _) in itertools.pairwise(toks[j - 1 : j + k])
        ):
            break
        if " ".join(w for *_, w in toks[i : j + k]) in ALIAS_PHRASES:
            return j + k
    return j


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


_DOT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])")


def value_matches(sp: Specific, value: float) -> bool:
    """The number `sp` is `value`, or `value` rounded the way `sp` is written; a bound
    ("more than 10,000") holds `value` rounded to its last written digit the bound's way
    (10,190 rounds down to 10,000; "nearly 50" rounds 47 up, "about 80" rounds 78)."""
    if sp.value is None:
        return False
    if math.isclose(sp.value, value, rel_tol=1e-9):
        return True
    if any(math.isclose(x, value, rel_tol=1e-9) for x in sp.alts):
        return True  # "one in five" for the article's 20 percent
    dots = _DOT_THOUSANDS.search(sp.text)
    if (
        dots
        and sp.value
        and math.isclose(
            float(dots.group().replace(".", "")) * sp.value / float(dots.group()), value
        )
    ):
        return True  # "3.500" written with a continental thousands dot: 3,500
    step = precision(sp)
    if step > 0 and abs(value - sp.value) <= step / 2 + 1e-9:
        return True
    if not sp.bound or value <= 0:
        return False
    step = _bound_step(sp)
    ratio = value / step
    rounded = {
        "above": math.floor(ratio + 1e-9),
        "min": math.floor(ratio + 1e-9),
        "below": math.ceil(ratio - 1e-9),
        "max": math.ceil(ratio - 1e-9),
        "around": math.floor(ratio + 0.5),
    }[sp.bound] * step
    return math.isclose(rounded, sp.value, rel_tol=1e-9)


def value_windows(sp: Specific) -> list[tuple[float, float]]:
    """Intervals that hold every value `value_matches(sp, value)` can accept (a superset:
    `value_matches` still decides), so that an index of the article's numbers need only
    try the values inside them."""
    if sp.value is None:
        return []
    v = sp.value
    radius = max(precision(sp) / 2, _bound_step(sp) if sp.bound else 0.0)
    slack = abs(v) * 1e-8 + 1e-8
    out = [(v - radius - slack, v + radius + slack)]
    out += [(x - abs(x) * 1e-8 - 1e-8, x + abs(x) * 1e-8 + 1e-8) for x in sp.alts]
    dots = _DOT_THOUSANDS.search(sp.text)
    if dots and v:
        x = float(dots.group().replace(".", "")) * v / float(dots.group())
        out.append((x - abs(x) * 1e-8 - 1e-8, x + abs(x) * 1e-8 + 1e-8))
    return out


def _bound_step(sp: Specific) -> float:
    """The place of a number's last written non-zero digit: 10 for "80", 1e4 for "10,000",
    1e11 for "$300 billion", 0.1e6 for "2.5 million"."""
    m = re.search(r"\d[\d.]*", sp.text.replace(",", ""))
    written = m.group().rstrip(".") if m else f"{sp.value:.0f}"
    mantissa = float(written) or 1.0
    if "." in written:
        place = 10.0 ** -len(written.split(".", 1)[1])
    else:
        place = 10.0 ** (len(written) - len(written.rstrip("0")))
    return place * sp.value / mantissa
