# ruff: noqa: E501  (test sentences are kept on one line each)
"""Which of two readings wins when a summary both states and denies a fact, on sentences
written for them about made-up divers: at the same scope the later reading wins ("... or
rather, they did"), unless the earlier one is a contradiction written in the statement's
own words and every statement of the fact uses another phrasing for a slot: a denial in
the statement's words is more direct than a paraphrase."""

from __future__ import annotations

import pytest
from conftest import parsed_facts, verdict_of

FACTS = """
[[fact]]
id = "divers-leap"
statement = "The divers leap into the lake from the pier."

[fact.slots]
who = ["divers", "diver"]
act = ["leap", "leaping", "leaps", "striking pose"]
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a denial in the statement's words, then a paraphrase: the denial is more direct
        (
            "The photographer shows divers standing still on the pier, not leaping. In each picture a diver pulls a striking pose.",
            "contradicted",
        ),
        # both in the statement's words: the later one is the summary's last word
        (
            "The divers do not leap at first. Later the divers leap into the lake.",
            "present",
        ),
        # the paraphrase alone still states it
        ("In each picture a diver pulls a striking pose.", "present"),
    ],
)
def test_direct_readings(facts, text: str, verdict: str) -> None:
    assert verdict_of(facts, text, "divers-leap") == verdict, text
