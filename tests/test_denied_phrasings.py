# ruff: noqa: E501  (test sentences are kept on one line each)
"""Two ways a denial or a contradiction was wrongly set aside, on sentences written for them
about a made-up club and a made-up school:

- a listed phrasing that names the fact ("Rovers' winless run") no longer shields a reading
  whose negation lies outside that phrasing: "Rovers' winless run was not extended" denies
  what the phrasing names;
- a contradiction whose first slot is one the fact's statement holds as no actor (the
  results, in "The board annulled the school's exam results") is not judged to give the
  claim to another actor because another actor does the verb."""

from __future__ import annotations

import pytest
from conftest import parsed_facts

from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "rovers-winless"
statement = "Rovers' winless run was extended to six matches."
stated_as = ["Rovers' winless run", "Rovers without a win"]

[fact.slots]
team = ["Rovers"]
run = ["winless run", "without a win", "failed to win"]

[[fact.contradiction]]
slots = { team = ["Rovers"], act = ["won", "beat", "ended their winless"] }
order = ["team", "act"]

[[fact]]
id = "results-voided"
statement = "The exam board voided the whole school's maths results."

[fact.slots]
what = ["maths results", "results"]
act = ["voided", "annulled", "cancelled"]

[[fact.contradiction]]
slots = { what = ["science results", "English results"], act = ["voided", "annulled", "cancelled"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # the negation lies outside the listed phrasing: the run was not extended
        (
            "daniel cole scored twice for the visitors . rovers' winless run - home and away - was not extended to six matches .",
            "rovers-winless",
            "contradicted",
        ),
        # the listed phrasing alone states it
        (
            "daniel cole scored twice for the visitors . rovers' winless run - home and away - was extended to six matches .",
            "rovers-winless",
            "present",
        ),
        # the board voids the wrong results: the results are no actor
        (
            "A teacher changed pupils' answers after the exam . The exam board annulled the whole school's science results .",
            "results-voided",
            "contradicted",
        ),
        (
            "A teacher changed pupils' answers after the exam . The exam board annulled the whole school's maths results .",
            "results-voided",
            "present",
        ),
    ],
)
def test_denials_and_contradictions_outside_a_phrasing(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict


CLEFT_FACTS = """
[[fact]]
id = "no-staff-parking"
statement = "The new library would have no parking for its staff."
polarity = "negative"

[fact.slots]
who = ["staff", "librarians"]
what = ["parking", "car park"]
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a pseudo-cleft: what the council ruled out is what follows "was"
        (
            "The library opens in May. What the council ruled out at the meeting was any parking for its staff.",
            "present",
        ),
        (
            "The library opens in May. What the council approved at the meeting was parking for its staff.",
            "contradicted",
        ),
        (
            "The library opens in May. What the council ruled out was a new road; there will be parking for its staff.",
            "contradicted",
        ),
    ],
)
def test_a_pseudo_cleft_denial(text, verdict):
    facts = parsed_facts(CLEFT_FACTS)
    assert check_facts(text, facts).get("no-staff-parking").verdict == verdict


def test_explain_shows_the_word_rules_reading_when_it_wins():
    # the parse reads no denial in the pseudo-cleft, the word rules do and their reading
    # stands: explain shows their cue and their negation, not the parse's
    from harness.matcher import explain_fact

    facts = parsed_facts(CLEFT_FACTS)
    text = "What the council ruled out at the meeting was any parking for its staff."
    e = explain_fact(text, facts.get("no-staff-parking"))
    assert e.result.verdict == "present"
    (reading,) = [g for g in e.readings if g.outcome == "present"]
    assert reading.negated
    assert "ruled out" in reading.cues
    assert not reading.hedged
