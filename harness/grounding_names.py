"""How a name of the candidate may be written differently from the article's and still be
the same name (harness.grounding): a slip of the hand on a name the article has
("Venessa" / "Vanessa", "Goergia" / "Georgia", "Machester" / "Manchester"), or one
name written as two words ("South Hampton" / "Southampton"). Accents are folded before
(harness.grounding_spans.words: "Yûki" reads "yuki").

A slip is measured by the restricted Damerau-Levenshtein (optimal string alignment)
distance of rapidfuzz: one insertion, deletion, substitution or swap of two neighbouring
letters counts 1. Allowed: 1 for a candidate's word of 4 to 7 letters, 2 for 8 letters or
more, none for shorter words, and never on the first letter. "rn" and "m", which look alike
in print, read the same ("Bayem" / "Bayern"). The risk is a different real name one letter away
("Sterling" / "Stirling", "Milton" / "Mitton"): it is read as the article's name, so the
check misses such a swap; see README "Grounding".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping


def max_slips(word: str) -> int:
    """How many letter slips a name word of this length may carry."""
    n = len(word)
    return 0 if n < 4 else 1 if n < 8 else 2


def _print_form(word: str) -> str:
    return word.replace("rn", "m")


def name_index(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The article's name words (lowercase, letters only, 3 letters or more) by their
    first letter: what `spelled_like` compares with."""
    out: dict[str, list[str]] = {}
    for n in sorted(set(names)):
        if n.isalpha() and len(n) >= 3:
            out.setdefault(n[0], []).append(n)
    return {k: tuple(v) for k, v in out.items()}


def spelled_like(word: str, index: Mapping[str, tuple[str, ...]]) -> bool:
    """`word` (lowercase) is one of the article's name words (`name_index`) written with a
    slip or two: the same first letter, within `max_slips` of `word`."""
    k = max_slips(word)
    if not word.isalpha() or not k:
        return False
    from rapidfuzz.distance import OSA

    for name in index.get(word[0], ()):
        if abs(len(name) - len(word)) > k:
            continue
        if OSA.distance(word, name, score_cutoff=k) <= k:
            return True
        a, b = _print_form(word), _print_form(name)
        if (a, b) != (word, name) and OSA.distance(a, b, score_cutoff=k) <= k:
            return True
    return False


def join_split(key: Iterable[str], known: Callable[[str], bool]) -> tuple[str, ...]:
    """A name's words with neighbours joined where the article writes them as one word
    (`known`: "south hampton" -> "southhampton", a slip of "southampton"; "health
    grades" -> "healthgrades")."""
    out: list[str] = []
    for w in key:
        if out and out[-1].isalpha() and w.isalpha() and known(out[-1] + w):
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)


def far_slips(word: str, other: str) -> int:
    """How many slips one word of a longer name may carry when the name's other words are
    the article's (`slipped_name`): 2 for 5 to 7 letters, 3 for 8 or more (the longer of
    the two words), none below 5."""
    n = max(len(word), len(other))
    return 0 if n < 5 else 2 if n < 8 else 3


def slipped_name(key: tuple[str, ...], names: Iterable[tuple[str, ...]]) -> bool:
    """A name of two words or more (`key`, lowercase words) is one of the article's
    multi-word `names` written with a larger slip on one word ("Anger Lindegaard" /
    "Anders Lindegaard", "Anders Ligaard" / "Anders Lindegaard"): every word has the
    article word's first letter, one word is within `far_slips`, and every other word is
    the article's exactly or within the ordinary `max_slips` ("Brandon Rogers" / "Brendan
    Rodgers")."""
    if not 2 <= len(key) <= 6 or not all(w.isalpha() for w in key):
        return False  # a run of more than six words is no one name
    from rapidfuzz.distance import OSA

    for name in names:
        for k in range(len(name) - len(key) + 1):
            window = name[k : k + len(key)]
            if any(w[0] != x[0] for w, x in zip(key, window, strict=True)):
                continue
            far = 0
            for w, x in zip(key, window, strict=True):
                d = OSA.distance(w, x)
                if d <= max_slips(w):
                    continue
                far += 1
                if far > 1 or d > far_slips(w, x):
                    break
            else:
                if far <= 1:
                    return True
    return False
