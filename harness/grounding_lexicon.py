"""General English word lists for grounding (harness.grounding): function words, number
words and calendar names, and the usual aliases of countries (capital, demonym, seat of
government), read from the gazetteer harness/lexicons/place_aliases.txt. Nothing here
serves one article; every list is general English or general world knowledge a news reader
has.
"""

from __future__ import annotations

import re

# function words and very common verbs: never a specific, never lexical evidence
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves n't 's 're 've 'll 'd s t said says say told
    tell also would could may might must shall one ones mr mrs ms dr st per cent percent
    lrb rrb lsb rsb new last first next year years week weeks day days time times""".split()
)

UNITS = {
    "zero": 0,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
# "one" is read as a number only inside a compound ("twenty-one", "one hundred"): alone it
# is mostly a pronoun ("the one who")
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "m": 1_000_000,
    "k": 1_000,
    "mn": 1_000_000,
    "tn": 1_000_000_000_000,
}
# scales a number written in words may take ("three thousand", "half a million"); the
# abbreviations above follow digits only ("£42.3m", "2bn")
WORD_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
# ordinal words: read in the ARTICLE only ("third straight season" supports "3 seasons",
# "ninth minute" supports "9th minute"); a summary's "fourth" is not read as four
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
# words before a number that make it a bound or an estimate, not an exact value: "more
# than 10,000" is true of 10,190. "at least" and "up to" include the value itself.
BOUNDS_ABOVE = ("more than", "over", "upwards of", "in excess of", "above")
BOUNDS_BELOW = ("nearly", "almost", "under", "less than", "fewer than", "below")
BOUNDS_AROUND = ("about", "around", "approximately", "roughly", "some", "an estimated")
BOUNDS_MIN = ("at least",)
BOUNDS_MAX = ("up to",)
MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()
)
# month names that are also common words: a month only next to a number ("May 4")
AMBIGUOUS_MONTHS = frozenset({"march", "may", "june", "august"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# function words that open a sentence: capitalised inside a run of capitalised words they
# mark a sentence that began after a lost full stop ("... in Salt Lake City The hotel")
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i his her its their this that these those there but
    if when while""".split()
)

# words that join the parts of a name ("Bank of England", "Louis van Gaal")
NAME_JOINERS = frozenset("of de van der von da di du la le al bin el and for the".split())


def _alias_groups() -> tuple[frozenset[str], ...]:
    """The place aliases of harness/lexicons/place_aliases.txt, a group per line."""
    from importlib.resources import files

    text = files("harness").joinpath("lexicons/place_aliases.txt").read_text(encoding="utf-8")
    return tuple(
        frozenset(part.strip() for part in line.split("|"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


# Each group names one country, union, international body or widely known organisation
# as news writes it interchangeably ("Kyiv said", "the Kremlin", "Man Utd"); the list is
# data, documented in its file.
ALIAS_GROUPS: tuple[frozenset[str], ...] = _alias_groups()
# the gazetteer's names of two words or more, dots dropped ("man united", "new delhi"): a
# capitalised word followed by the rest in lowercase is still that name ("Man united")
ALIAS_PHRASES: frozenset[str] = frozenset(
    name.replace(".", "") for group in ALIAS_GROUPS for name in group if " " in name
)


def _word_list(name: str) -> frozenset[str]:
    """The words of harness/lexicons/<name>, one a line ("#" starts a comment line)."""
    from importlib.resources import files

    text = files("harness").joinpath(f"lexicons/{name}").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


# Common words a writer capitalises next to a name ("Coach Jo Bell", "However Bell"):
# at the edge of a capitalised run they are not part of the name (general English, the
# list and its categories are documented in its file)
NAME_EDGE_WORDS: frozenset[str] = _word_list("name_edges.txt")

# Titles, offices, roles and sentence-opening adjectives written before a name ("Dame",
# "Foreign Minister", "Batsman", "Former"): taken off the front of a name the article does
# not support as written, and the rest judged alone (harness.grounding_people; the list and
# its categories are documented in its file)
NAME_TITLES: frozenset[str] = _word_list("name_titles.txt")
# Words that make a name a place's, a building's, a body's or a team's ("County", "Street",
# "University", "Rovers"): such a name is never read as a person's given name and surname
NAME_KINDS: frozenset[str] = _word_list("name_kinds.txt")
# The usual last words of a sports club's full name: "Ashby Rovers" is the club the article
# calls "Ashby" (harness.grounding_people.club_supported)
CLUB_SUFFIXES = frozenset("rovers united city athletic albion town county wanderers fc afc".split())

_SPELLING = (
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"ise([sd]?)$"), r"ize\1"),
    (re.compile(r"ising$"), "izing"),
    (re.compile(r"([^aeiou])our(s?)$"), r"\1or\2"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
)


def american(word: str) -> str:
    """A lowercase word in American spelling ("defence" -> "defense", "organisation" ->
    "organization"), so British and American spellings of one word compare equal."""
    for pattern, repl in _SPELLING:
        if pattern.search(word):
            return pattern.sub(repl, word)
    return word
