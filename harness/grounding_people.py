"""Names of a candidate the article supports without writing them out whole, for grounding
(harness.grounding):

* **parts**: a capitalised run of the candidate may glue several names together ("Oslo's
  Mayor Ana Ruiz", "Ana Ruiz and Tom Berg", "Dame Ana Ruiz"). A run the article does not
  support as written is cut at a possessive "'s", at "and" / "&", and stripped of the
  titles, roles and opening adjectives before a name (harness/lexicons/name_titles.txt);
  each part is judged alone, and only the unsupported parts are flagged, with their titles
  (`name_parts`, `unsupported_parts`); a run none of whose parts is supported is flagged
  whole, once.
* **given names**: news writes a person's full name once and the surname after; the
  article a summary is checked against may keep only the surname ("Ruiz said"). A name
  "Given [Middle] Surname" is supported when the article uses the surname alone as a name
  and never writes another given name before it ("Ana Ruiz" for the article's "Ruiz"; not
  for an article that has "Eva Ruiz": a slip). A name holding a word of a place, building,
  body or team (harness/lexicons/name_kinds.txt: "County", "Street") or a place of the
  gazetteer is no person's and is left to the ordinary check (`person_supported`). The
  rule cannot tell an invented given name from the true one the article left out: "Max
  Ruiz" for the article's "Ruiz" passes too.
* **clubs**: "Ashby Rovers" is the club the article calls "Ashby" when the summary adds a
  usual last word of a club's name (`CLUB_SUFFIXES`) and the article gives the name no
  other one ("Ashby Town") (`club_supported`).

General English and general news usage; nothing here knows one article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from harness.grounding_lexicon import (
    ALIAS_GROUPS,
    CLUB_SUFFIXES,
    NAME_EDGE_WORDS,
    NAME_JOINERS,
    NAME_KINDS,
    NAME_TITLES,
    STOPWORDS,
)
from harness.grounding_spans import Specific, words

# the single-word names of the place gazetteer ("washington", "paris"): a surname that is
# also a place may be the place the article means
_PLACES = frozenset(name for group in ALIAS_GROUPS for name in group if " " not in name)
# joiners inside a person's name ("Louis van Gaal", "Ana de Souza"); "and", "of" and "the"
# join names of other things
_PARTICLES = NAME_JOINERS - {"and", "of", "for", "the"}
_NOT_GIVEN = STOPWORDS | NAME_TITLES | NAME_EDGE_WORDS | NAME_KINDS | _PLACES


@dataclass(frozen=True)
class PeopleIndex:
    """An article's capitalised names, read for the rules above: the words it uses alone as
    a name ("Ruiz said"), the given names it writes before each surname ("Ana Ruiz": ana),
    and the capitalised word after each name word ("Ashby Town": town)."""

    alone: frozenset[str] = frozenset()
    given: dict[str, frozenset[str]] = field(default_factory=dict)
    after: dict[str, frozenset[str]] = field(default_factory=dict)


def _possessive(raw: str) -> bool:
    return raw.endswith(("'s", "\u2019s", "'S"))


def _name_word(w: str) -> bool:
    return w.replace("'", "").replace("-", "").isalpha()


def index_people(text: str) -> PeopleIndex:
    """Read an article's capitalised words (`PeopleIndex`)."""
    toks = words(text)
    alone: set[str] = set()
    given: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}

    def cap(k: int) -> bool:
        return text[toks[k][0] : toks[k][1]][:1].isupper()

    def joined(k: int) -> bool:  # toks[k] and toks[k + 1] stand apart by spaces only
        return not text[toks[k][1] : toks[k + 1][0]].strip()

    for i, (s, e, w) in enumerate(toks):
        if not cap(i) or w in STOPWORDS or w in NAME_JOINERS or not _name_word(w):
            continue
        if i + 1 < len(toks) and joined(i) and cap(i + 1) and not _possessive(text[s:e]):
            after.setdefault(w, set()).add(toks[i + 1][2])
        p = i - 1
        while p >= 0 and toks[p][2] in _PARTICLES and joined(p):
            p -= 1  # "Van Zyl", "El Amin": the particle belongs to the surname
        prev = toks[p] if p >= 0 else None
        if (
            prev is not None
            and joined(p)
            and cap(p)
            and not _possessive(text[prev[0] : prev[1]])
            and prev[2] not in STOPWORDS | NAME_TITLES | NAME_EDGE_WORDS
            and _name_word(prev[2])
        ):
            given.setdefault(w, set()).add(prev[2])
            continue
        last = i + 1 >= len(toks) or not joined(i) or not cap(i + 1) or _possessive(text[s:e])
        if last:
            alone.add(w)
    return PeopleIndex(
        frozenset(alone),
        {k: frozenset(v) for k, v in given.items()},
        {k: frozenset(v) for k, v in after.items()},
    )


def person_supported(words_: tuple[str, ...], people: PeopleIndex) -> bool:
    """A name "Given [Middle] Surname" (lowercase words, particles kept: "jo van dijk") whose
    surname the article uses alone as a name and whose given names it never contradicts."""
    core = [w for w in words_ if w not in _PARTICLES]
    if not 2 <= len(core) <= 4 or not all(_name_word(w) for w in core):
        return False
    surname, first = core[-1], core[:-1]
    if surname in _NOT_GIVEN or surname not in people.alone:
        return False
    if any(w in _NOT_GIVEN for w in first):
        return False
    return people.given.get(surname, frozenset()) <= set(first)


def club_supported(
    words_: tuple[str, ...], people: PeopleIndex, known: Callable[[str], bool]
) -> bool:
    """A club's name the article writes without its usual last word ("Ashby Rovers" for
    "Ashby"): the last word is a club suffix, the words before it are the article's
    (`known`) and the last of them is capitalised there with no other club suffix after it."""
    if len(words_) < 2 or words_[-1] not in CLUB_SUFFIXES:
        return False
    base = words_[:-1]
    if not all(known(w) for w in base) or base[-1] not in people.alone | set(people.after):
        return False
    return not (people.after.get(base[-1], frozenset()) & CLUB_SUFFIXES) - {words_[-1]}


def _part(sp: Specific, toks: list[tuple[int, int, str]], cut: bool = False) -> Specific | None:
    """The Specific of one part of `sp` (`toks`: its words, offsets within sp.text); `cut`:
    the part ends where a possessive cut it, its "'s" left out."""
    while toks and (toks[0][2] in STOPWORDS or toks[0][2] in NAME_JOINERS):
        toks = toks[1:]
    while toks and (toks[-1][2] in STOPWORDS or toks[-1][2] in NAME_JOINERS):
        toks = toks[:-1]
    key = tuple(
        w
        for *_, w in toks
        if w not in STOPWORDS and w not in NAME_JOINERS and not any(c.isdigit() for c in w)
    )
    if not key:
        return None
    s, e = toks[0][0], toks[-1][1]
    if cut and _possessive(sp.text[s:e]):
        e -= 2
    return Specific("entity", sp.text[s:e], sp.start + s, sp.start + e, key=key)


def _untitled(sp: Specific) -> Specific:
    """`sp` without the titles at its front, while a word that is no title stays ("Dame Ana
    Ruiz": Ana Ruiz; "Prime Minister" stays whole)."""
    toks = words(sp.text)
    k = 0
    while k + 1 < len(toks) and toks[k][2] in NAME_TITLES:
        k += 1
    if not k or all(w in NAME_TITLES for *_, w in toks[k:]):
        return sp
    return _part(sp, toks[k:]) or sp


def name_parts(sp: Specific) -> list[Specific]:
    """The names glued in one capitalised run: cut after a possessive "'s" and at "and" or
    "&" ("Oslo's Ana Ruiz and Tom Berg": Oslo, Ana Ruiz, Tom Berg)."""
    toks = words(sp.text)
    groups: list[list[tuple[int, int, str]]] = [[]]
    for k, tok in enumerate(toks):
        s, e, w = tok
        if w == "and" or (k and "&" in sp.text[toks[k - 1][1] : s]):
            groups.append([])
            if w == "and":
                continue
        groups[-1].append(tok)
        if _possessive(sp.text[s:e]) and k + 1 < len(toks):
            groups.append([])
    last = len(groups) - 1
    return [p for k, g in enumerate(groups) if g and (p := _part(sp, g, k < last)) is not None]


def unsupported_parts(
    sp: Specific, supported: Callable[[Specific], bool], people: PeopleIndex
) -> list[Specific]:
    """The parts of an entity the article does not support (none when it supports the
    whole): `supported` is the ordinary check; a part also passes as a person's fuller
    name (`person_supported`) or a club's (`club_supported`)."""
    if supported(sp):
        return []

    def known(w: str) -> bool:
        return supported(Specific("entity", w, 0, len(w), key=(w,)))

    parts = name_parts(sp)
    out = []
    for part in parts:
        bare = _untitled(part)  # judged without its titles, flagged with them
        full = tuple(w for *_, w in words(bare.text))
        if supported(bare) or person_supported(full, people):
            continue
        if club_supported(bare.key, people, known):
            continue
        out.append(part)
    # no part supported: the run is flagged whole, once ("Bosnia and Herzegovina")
    return [sp] if len(out) == len(parts) > 1 else out
