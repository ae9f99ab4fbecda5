"""The noun-phrase rules of harness/noun_rules.py, each on made-up sentences of other topics:
a share of a group states that some of it did what a negative fact says none did, and a
capitalised title right before a proper name is part of the name, no role of anyone."""

from __future__ import annotations

import pytest
from conftest import parsed_facts, verdict_of

from harness import noun_rules, syntax

FACTS = """
[aliases]
city = ["Leeds", "Leeds council"]
rivals = ["York", "Hull"]
lead = ["chair", "chairs", "chaired", "mayor", "mayoralty", "head*"]

[[fact]]
id = "no-city-money"
statement = "The new stadium will be built with no city money."
polarity = "negative"
context = ["stadium"]
slots = { who = ["city", "council"], what = ["money", "funds", "cash"] }

[[fact]]
id = "no-local-players"
statement = "The team will field no local players."
polarity = "negative"
slots = { who = ["local"], what = ["players"] }

[[fact]]
id = "all-passed"
statement = "The pupils passed the exam."
slots = { who = ["pupils"], act = ["passed"] }

[[fact]]
id = "leeds-chairs"
statement = "Leeds took over the chair of the regional transport board from York."
context = ["board"]
slots = { holder = ["@city"], role = ["@lead"] }
[[fact.contradiction]]
slots = { holder = ["@rivals"], role = ["@lead", "replac*"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        # a share of a group says some of it: the opposite of "none", stated
        (
            "The council would put up the bulk of the money for the stadium.",
            "no-city-money",
            "contradicted",
        ),
        (
            "The stadium will be paid for by private backers. The council would provide "
            "the majority of the funds for the stadium, the mayor added.",
            "no-city-money",
            "contradicted",
        ),
        # ... stated, then its opposite: contradicted, with both spans
        (
            "The stadium will be built without council money. The council would supply "
            "most of the cash for the stadium, she added.",
            "no-city-money",
            "contradicted",
        ),
        # ... and so does a share said to be what the fact says none is
        ("Most of the players would be local, the coach said.", "no-local-players", "contradicted"),
        ("Most of the players would not be local.", "no-local-players", "absent"),
        # a share as the subject says something of part of a group: still a hedge
        (
            "The majority of council members oppose spending money on the stadium.",
            "no-city-money",
            "absent",
        ),
        # a share denied is no statement that none did
        (
            "The council would not provide the bulk of the money for the stadium.",
            "no-city-money",
            "absent",
        ),
        # ... and a share still hedges a claim that all did
        ("The bulk of the pupils passed the exam.", "all-passed", "absent"),
        ("Most of the pupils passed the exam.", "all-passed", "absent"),
        # a title before a name names a person: no one holds the chair there
        (
            "Leeds took over the chair of the regional transport board this month, as "
            "Mayor Hull complained about the cost of the buses for York residents.",
            "leeds-chairs",
            "present",
        ),
        # the rival named as the holder is still a contradiction
        (
            "Leeds replaced York as chair of the regional transport board.",
            "leeds-chairs",
            "contradicted",
        ),
        ("York kept the chair of the regional transport board.", "leeds-chairs", "contradicted"),
    ],
)
def test_noun_rules_in_verdicts(facts, text: str, fact: str, expected: str) -> None:
    assert verdict_of(facts, text, fact) == expected, text


def _spans(sentence: str, *words: str) -> list[tuple[int, int]]:
    out = []
    for w in words:
        a = sentence.index(w)
        out.append((a, a + len(w)))
    return out


TITLES = ("coach", "chairman", "mayor", "envoy", "Newcastle")


@pytest.mark.parametrize(
    ("sentence", "word", "title"),
    [
        ("The fans cheered as Coach Ana Silva walked in.", "Coach", True),
        ("The board met while Chairman Okafor was away.", "Chairman", True),
        # an acronym before a name is no title
        ("The talks began after U.S. envoy Mark Ruiz arrived.", "U.S.", False),
        # nor is a word the facts file lists with a capital: a name of its own
        ("The fans cheered as Newcastle United won.", "Newcastle", False),
        # nor a word the facts file does not list as a common word
        ("The fans cheered as Ana Silva walked in.", "Ana", False),
        # a common noun in lower case, or one that heads its own phrase, is no title
        ("The coach Ana Silva walked in.", "coach", False),
        ("The chairman resigned on Monday.", "chairman", False),
    ],
)
def test_title_before_a_name(sentence: str, word: str, title: bool) -> None:
    doc = syntax.parse(sentence)
    assert noun_rules.title_before_a_name(doc, _spans(sentence, word), [TITLES]) is title


@pytest.mark.parametrize(
    ("hedge", "share"),
    [
        *[("bulk", True), ("majority", True), ("most of", True), ("lion's share", True)],
        *[("mostly", False), ("might", False), ("expected to", False)],
    ],
)
def test_share_words(hedge: str, share: bool) -> None:
    assert noun_rules.is_share(hedge) is share


def test_listed_as_common_word() -> None:
    assert noun_rules.listed_as_common_word("President", ("presid*", "chair"))
    assert not noun_rules.listed_as_common_word("Newcastle", ("Newcastle", "newcastle"))
    assert not noun_rules.listed_as_common_word("Bell", ("chair",))


def test_share_is_no_hedge_only_of_an_asserted_negative_claim() -> None:
    text = "The council would supply the bulk of the cash."
    (who, what) = _spans(text, "council", "cash")
    at = (text, (0, len(text)), [("who", who), ("what", what)])
    assert noun_rules.share_asserts_some("claim", "negative", False, *at)
    assert not noun_rules.share_asserts_some("claim", "negative", True, *at)
    assert not noun_rules.share_asserts_some("claim", "positive", False, *at)
    assert not noun_rules.share_asserts_some("contra", "negative", False, *at)
    assert noun_rules.without_shares(("bulk", "may")) == ("may",)


@pytest.mark.parametrize(
    ("sentence", "words", "share"),
    [
        ("The council would supply the bulk of the cash.", ("council", "cash"), True),
        ("The club provided most of the players.", ("club", "players"), True),
        # the share is the subject, or holds no slot
        ("The majority of members oppose the plan.", ("members", "plan"), False),
        ("Most of the crew were volunteers.", ("crew", "volunteers"), True),
        ("Most of the crew thanked the volunteers.", ("crew", "volunteers"), False),
        ("The bulk of the work is done, the council said.", ("council",), False),
    ],
)
def test_object_share(sentence: str, words: tuple[str, ...], share: bool) -> None:
    doc = syntax.parse(sentence)
    assert noun_rules.object_share(doc, _spans(sentence, *words)) is share
