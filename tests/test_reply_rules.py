"""The reply rules of harness/reply_rules.py, each on made-up sentences of other topics: a
question put to someone and answered with a bare "no"/"yes" in the same sentence, and a
denied saying corrected by the opposite said right after it."""

from __future__ import annotations

import pytest
from conftest import parsed_facts, verdict_of

from harness import reply_rules, syntax

FACTS = """
[[fact]]
id = "no-sunday-opening"
statement = "The shop will not open on Sundays."
polarity = "negative"
slots = { what = ["shop"], act = ["open", "opens", "opening"] }

[[fact]]
id = "bridge-repaired"
statement = "The council will repair the bridge."
slots = { who = ["council"], act = ["repair"], what = ["bridge"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        # asked and answered in one sentence: "no" denies, "yes" asserts
        (
            "Asked whether the shop would open on Sundays, the owner said no.",
            "no-sunday-opening",
            "present",
        ),
        (
            "Asked in effect whether the shop would open on Sundays, her answer was no.",
            "no-sunday-opening",
            "present",
        ),
        (
            "Asked whether the shop would open on Sundays, the owner said yes.",
            "no-sunday-opening",
            "contradicted",
        ),
        (
            "When asked if the council would repair the bridge, the mayor replied yes.",
            "bridge-repaired",
            "present",
        ),
        (
            "Asked whether the council would repair the bridge, the mayor said no.",
            "bridge-repaired",
            "contradicted",
        ),
        # ... by a verb coordinated with the asking one, or by the next sentence
        (
            "The owner was asked whether the shop would open on Sundays and said no.",
            "no-sunday-opening",
            "present",
        ),
        (
            "The owner was asked if the shop would open on Sundays. His answer: no.",
            "no-sunday-opening",
            "present",
        ),
        (
            "Reporters asked the mayor whether the council would repair the bridge. She said yes.",
            "bridge-repaired",
            "present",
        ),
        # no bare answer: the question stays open
        (
            "The owner was asked whether the shop would open on Sundays. He said no one "
            "had decided.",
            "no-sunday-opening",
            "absent",
        ),
        (
            "The owner was not asked whether the shop would open on Sundays. He said no.",
            "no-sunday-opening",
            "absent",
        ),
        (
            "Asked whether the shop would open on Sundays, the owner smiled.",
            "no-sunday-opening",
            "absent",
        ),
        (
            "Asked whether the council would repair the bridge, the mayor did not say no.",
            "bridge-repaired",
            "absent",
        ),
        # a denied saying corrected by the opposite denies what was not said
        (
            "The owner didn't say the shop would open on Sundays either - he said the "
            "opposite: it would stay shut.",
            "no-sunday-opening",
            "present",
        ),
        # ... which, for a positive fact, only the parse reads so: precision first keeps
        # it from `contradicted`, as with "on the contrary"
        (
            "The mayor didn't say the council would repair the bridge either - she said "
            "the opposite: it would stay closed.",
            "bridge-repaired",
            "absent",
        ),
        (
            "The owner did not say the shop would open on Sundays; he said the opposite.",
            "no-sunday-opening",
            "present",
        ),
        # a denied saying with nothing after it leaves the question open
        (
            "The mayor didn't say the council would repair the bridge.",
            "bridge-repaired",
            "absent",
        ),
    ],
)
def test_reply_rules_in_verdicts(facts, text: str, fact: str, expected: str) -> None:
    assert verdict_of(facts, text, fact) == expected, text


def _span(sentence: str, word: str) -> list[tuple[int, int]]:
    a = sentence.index(word)
    return [(a, a + len(word))]


@pytest.mark.parametrize(
    ("sentence", "word", "answer"),
    [
        ("Asked whether the ferry would sail, the captain said no.", "ferry", "no"),
        ("Pressed on whether the ferry would sail, the captain replied yes.", "ferry", "yes"),
        # the claim outside the question, or a question with no asking verb
        ("Asked whether the ferry would sail, the captain said no.", "captain", None),
        ("Unsure whether the ferry would sail, the captain said no.", "ferry", None),
    ],
)
def test_asked_and_answered(sentence: str, word: str, answer: str | None) -> None:
    doc = syntax.parse(sentence)
    assert reply_rules.asked_and_answered(doc, _span(sentence, word)) == answer


@pytest.mark.parametrize(
    ("sentence", "corrected"),
    [
        ("He did not say the ferry would sail - he said the opposite.", True),
        ("He did not say the ferry would sail either; quite the reverse.", True),
        ("He did not say the ferry would sail; if anything, the opposite.", True),
        ("He did not say the ferry would sail, and the crew left.", False),
    ],
)
def test_opposite_said_after(sentence: str, corrected: bool) -> None:
    doc = syntax.parse(sentence)
    said = next(t for t in doc if t.lower_ == "sail")
    assert reply_rules.opposite_said_after(said) is corrected


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        # a question with its verb left out is a yes/no question, and its answer may open
        # with "also", "and" or "but"
        ("Shop opening on Sundays? Not this year, says the owner.", "no-sunday-opening", "present"),
        ("Bridge repair by the council? Yes, says the mayor.", "bridge-repaired", "present"),
        (
            "The shop's hours? Settled. Sunday opening of the shop? Also no.",
            "no-sunday-opening",
            "present",
        ),
        # a wh-question is no yes/no question
        ("Who opens the shop on Sundays? Not the owner.", "no-sunday-opening", "absent"),
    ],
)
def test_a_question_with_its_verb_left_out(facts, text: str, fact: str, expected: str) -> None:
    assert verdict_of(facts, text, fact) == expected
