"""Wrong actors: a candidate that says of one name what the article says of another.

The most common inconsistency of summarizers that copy is a predicate moved onto the
wrong subject: the article's "... international Charlton Vicento scored in the 87th
minute" becomes "Louis van Gaal scored in the 87th minute"; "The Foxes host Swansea"
becomes "Swansea host Swansea". Every word is the article's, so word and word-pair
support stay high. What is wrong is which name stands right before the predicate.

The check, for each name (or he/she) that stands right before two words of the
candidate (the first a content word, no punctuation in between), the *context*:

1. Find the context in the article (the same two words, no punctuation between them).
   A context the article does not have says nothing here (sentence support judges it).
2. Look at what stands right before each occurrence in the article: a run of names, a
   gendered pronoun, or something else.
3. The candidate's name is flagged only when *every* occurrence has a name (or pronoun)
   right before it and none of them can be the candidate's: not the same name or a part
   of it ("Henderson" / "Jordan Henderson"), not the same family name, not a spelling
   variant or demonym ("Jamaica" / "Jamaican"), not one alias group of the gazetteer
   ("US" / "American"), and the article never writes the two together as one name
   ("Louis van Gaal" and "Van Gaal"). A pronoun is compared only with a pronoun ("she"
   where the article has "he"); a name against a pronoun cannot be told.

A pronoun before function words ("she has been told to return", where the article has
"He has been told to return") is checked the same way with a longer context
(`pronoun_swaps`): the next three words, or four when the three are all function words.

Names are read from the article's capitals, so a candidate written in lowercase is
checked too: a *name word* is a word the article writes capitalised inside a sentence
and never in lowercase. Team nicknames ("the Foxes" for "Leicester") are names the
article does not link, a known source of false flags.
"""

from __future__ import annotations

from dataclasses import dataclass

from harness.grounding_lexicon import ALIAS_GROUPS, NAME_JOINERS, STOPWORDS
from harness.grounding_spans import words

PRONOUNS = {"he": "male", "she": "female"}
_OTHER = {"male": "female", "female": "male"}
_JOINERS = NAME_JOINERS - {"and"}  # "Louis van Gaal" is one name, "Ann and Bo" two
_OPENERS = ".\"'\u201c\u2018:(!?"


@dataclass(frozen=True)
class ActorIndex:
    """What the check needs of an article, computed once."""

    names: frozenset[str]  # name words (lowercase)
    runs: tuple[frozenset[str], ...]  # every run of name words the article writes
    tokens: tuple[tuple[int, int, str], ...]  # (start, end, lowercase word)
    joined: tuple[bool, ...]  # word i follows word i-1 with only spaces between
    pairs: dict[tuple[str, str], tuple[int, ...]]  # where each joined word pair starts


@dataclass(frozen=True)
class Swap:
    """A name of the candidate before a context the article says of another name."""

    span: tuple[int, int]  # the candidate's name run (offsets in the candidate text)
    context: str  # the candidate's two words after it
    article_span: tuple[int, int]  # the article's name and the same two words


def _links(text: str, toks=None) -> tuple[list[tuple[int, int, str]], list[bool]]:
    toks = words(text) if toks is None else toks
    joined = [False] + [not text[toks[i - 1][1] : toks[i][0]].strip() for i in range(1, len(toks))]
    return toks, joined


def name_words(text: str, toks, sentence_starts: set[int]) -> frozenset[str]:
    """The words (`words` of `text`) written capitalised where no sentence, quote or
    clause after a colon opens, and never in lowercase; function words left out."""
    capital, lower = set(), set()
    for s, e, w in toks:
        raw = text[s:e]
        if raw[:1].isupper():
            b = s - 1
            while b >= 0 and text[b].isspace():
                b -= 1
            if s not in sentence_starts and b >= 0 and text[b] not in _OPENERS:
                capital.add(w)
        elif raw[:1].isalpha():
            lower.add(w)
    return frozenset(w for w in capital - lower if w not in STOPWORDS)


def index_article(text: str, sentence_starts: set[int]) -> ActorIndex:
    """Name words, name runs and joined word pairs of an article (text as folded)."""
    toks, joined = _links(text)
    names = name_words(text, toks, sentence_starts)
    runs, run = [], []
    for i, (_, _, w) in enumerate(toks):
        if w in names and (not run or joined[i]):
            run.append(w)
            continue
        if run and w in _JOINERS and i + 1 < len(toks) and toks[i + 1][2] in names:
            continue  # "Louis van Gaal" is one run
        if run:
            runs.append(frozenset(run))
        run = [w] if w in names else []
    if run:
        runs.append(frozenset(run))
    pairs: dict[tuple[str, str], list[int]] = {}
    for i in range(len(toks) - 1):
        if joined[i + 1]:
            pairs.setdefault((toks[i][2], toks[i + 1][2]), []).append(i)
    return ActorIndex(
        names=names,
        runs=tuple(runs),
        tokens=tuple(toks),
        joined=tuple(joined),
        pairs={k: tuple(v) for k, v in pairs.items()},
    )


def _before(toks, joined, i: int, names: frozenset[str]) -> tuple[int, str | frozenset] | None:
    """The name run (or gendered pronoun) joined right before word i: its first word's
    index and the run (a set of words) or the pronoun's gender; None when there is none."""
    j = i - 1
    if j >= 0 and joined[i] and toks[j][2] in PRONOUNS:
        return j, PRONOUNS[toks[j][2]]
    run = []
    while j >= 0 and joined[j + 1]:
        w = toks[j][2]
        if w in names:
            run.append(w)
        elif not (run and w in _JOINERS and j > 0 and toks[j - 1][2] in names):
            break  # "van" in "Louis van Gaal" joins, "of" in "Bank of England" too
        j -= 1
    return (j + 1, frozenset(run)) if run else None


def _same_word(x: str, y: str) -> bool:
    """One name word, spelled alike or as a variant/demonym ("Jamaica" / "Jamaican")."""
    return x == y or (len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5])


def _one_group(a: frozenset[str], b: frozenset[str]) -> bool:
    phrase_a, phrase_b = " ".join(sorted(a)), " ".join(sorted(b))
    for group in ALIAS_GROUPS:
        if (phrase_a in group or a & group) and (phrase_b in group or b & group):
            return True
    return False


def _compatible(mine, theirs, last_mine: str, last_theirs: str, idx: ActorIndex) -> bool:
    if isinstance(mine, str) or isinstance(theirs, str):
        return not (isinstance(mine, str) and isinstance(theirs, str)) or mine == theirs
    if all(any(_same_word(x, o) for o in theirs) for x in mine):
        return True  # the same name or a part of it
    if _same_word(last_mine, last_theirs):
        return True  # the same family name (or a run the article glued to a name)
    both = mine | theirs
    return any(both <= run for run in idx.runs) or _one_group(mine, theirs)


def swaps(sentence: str, offset: int, idx: ActorIndex, toks=None) -> list[Swap]:
    """The wrong actors of one candidate sentence (`offset`: where it starts in the
    candidate, for the spans; `toks`: its `words`, when already read)."""
    toks, joined = _links(sentence, toks)
    out = []
    for i in range(1, len(toks) - 1):
        first, second = toks[i][2], toks[i + 1][2]
        if not joined[i + 1] or first in STOPWORDS or first in idx.names or first in PRONOUNS:
            continue
        if not first[0].isalpha():
            continue
        found = idx.pairs.get((first, second))
        if not found:
            continue
        mine = _before(toks, joined, i, idx.names)
        if mine is None:
            continue
        start, run = mine
        last_mine = toks[i - 1][2]
        conflict = None
        for p in found:
            theirs = _before(idx.tokens, idx.joined, p, idx.names)
            if theirs is None:
                conflict = None
                break
            if _compatible(run, theirs[1], last_mine, idx.tokens[p - 1][2], idx):
                conflict = None
                break
            if conflict is None:
                conflict = (theirs[0], p)
        if conflict is not None:
            j, p = conflict
            out.append(
                Swap(
                    span=(offset + toks[start][0], offset + toks[i - 1][1]),
                    context=sentence[toks[i][0] : toks[i + 1][1]],
                    article_span=(idx.tokens[j][0], idx.tokens[p + 1][1]),
                )
            )
    return out


def _context_end(toks, joined, i: int) -> int | None:
    """The end (exclusive) of the pronoun's context: three joined words after word i, or
    four when the three are all function words; None when the sentence has not as many."""
    for n in (3, 4):
        end = i + 1 + n
        if end > len(toks) or not all(joined[k] for k in range(i + 1, end)):
            return None
        if n == 4 or any(toks[k][2] not in STOPWORDS for k in range(i + 1, end)):
            return end
    return None


def pronoun_swaps(sentence: str, offset: int, idx: ActorIndex, toks=None) -> list[Swap]:
    """ "he"/"she" before function words that the article writes only after the other
    pronoun (the contexts `swaps` leaves out: it needs a content word first)."""
    toks, joined = _links(sentence, toks)
    out = []
    for i in range(len(toks) - 1):
        gender = PRONOUNS.get(toks[i][2])
        if gender is None or toks[i + 1][2] not in STOPWORDS:
            continue
        end = _context_end(toks, joined, i)
        if end is None:
            continue
        context = [w for _, _, w in toks[i + 1 : end]]
        found = [
            p
            for p in idx.pairs.get((context[0], context[1]), ())
            if p + len(context) <= len(idx.tokens)
            and all(
                idx.tokens[p + k][2] == context[k] and idx.joined[p + k]
                for k in range(1, len(context))
            )
        ]
        theirs = [_before(idx.tokens, idx.joined, p, idx.names) for p in found]
        if not found or any(t is None or t[1] != _OTHER[gender] for t in theirs):
            continue
        j, p = theirs[0][0], found[0]
        out.append(
            Swap(
                span=(offset + toks[i][0], offset + toks[i][1]),
                context=sentence[toks[i + 1][0] : toks[end - 1][1]],
                article_span=(idx.tokens[j][0], idx.tokens[p + len(context) - 1][1]),
            )
        )
    return out
