# ruff: noqa: E501  (test sentences are kept on one line each)
"""Readings of who and what a clause states, on sentences written for them about a made-up
cyclist, ferry, footballer, couple, captain and cup tie:

- a description from the fact's list ("the 24-year-old") that opens a sentence right after
  a declared contradiction naming another actor refers back to that actor;
- the clause after a short label's colon ("Ruiz: ...") with a tensed verb of its own is
  parsed like any clause: "would carry no passengers and take no cars" denies the cars once;
- a statement's filler that names only a modifier of the noun a contradiction's filler
  heads ("new baby" in "his new baby son", with "baby son" declared) states nothing;
- a count of the statement's own unit word or a score anywhere in the claim's clause
  ("played 45 minutes ... against Albion" for *90 minutes*, "drew 1-1 ... to win 4-2 on
  aggregate" for *3-2*) is a wrong figure;
- a definite noun for a group ("the couple") after one of the statement's actors is named
  in the sentence names those actors again; any other definite noun still is another;
- a fact that is itself a plan ("is set to sign") is stated by its expectation ("is
  expected to sign"), which still hedges a fact that something was done;
- a noun's own preposition before a name ("a cup tie with Albion") is a detail like a
  verb's;
- "unlikely" (a hedge predicate) said of a claim held in the subject hedges it ("Cars are
  unlikely to be carried");
- "she" as the subject of a clause coordinated with the first continues that clause's
  subject when it holds the slot's words ("Ana Ruiz was barely showing, but she is now a
  mother")."""

from __future__ import annotations

import pytest
from conftest import parsed_facts

from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "ruiz-bike"
statement = "Ana Ruiz got a new racing bike."

[fact.slots]
who = ["Ruiz", "Ana Ruiz", "24-year-old", "cyclist"]
what = ["bike", "new bike"]

[[fact.contradiction]]
slots = { who = ["Tom Bell", "Bell"], what = ["bike", "new bike"] }

[[fact]]
id = "no-cars"
statement = "The ferry would carry no cars during the storm."
polarity = "negative"
context = ["ferry", "storm"]

[fact.slots]
what = ["cars", "vehicles"]

[[fact]]
id = "bell-90"
statement = "Tom Bell played 90 minutes for the reserves against Albion on Monday."

[fact.slots]
team = ["reserves"]
opp = ["Albion"]

[[fact]]
id = "bell-baby"
statement = "Tom Bell gazes lovingly at his new baby daughter."

[fact.slots]
who = ["Bell"]
baby = ["new baby", "baby daughter", "daughter"]

[[fact.contradiction]]
slots = { who = ["Bell"], baby = ["baby son", "son"] }

[[fact]]
id = "rovers-aggregate"
statement = "Rovers drew 1-1 at Albion in the second leg to win 3-2 on aggregate."

[fact.slots]
team = ["Rovers"]
act = ["drew"]
score = ["1-1"]

[[fact]]
id = "daughter"
statement = "Ruiz and Bell have a daughter together."

[fact.slots]
kid = ["daughter"]
have = ["have", "has"]

[[fact]]
id = "ruiz-mother"
statement = "Ana Ruiz has given birth and is now a mother."

[fact.slots]
who = ["Ruiz", "Ana Ruiz"]
act = ["mother", "gave birth", "given birth"]

[[fact]]
id = "set-to-sign"
statement = "Rovers captain Tom Bell is set to sign a new contract."

[fact.slots]
who = ["Bell"]
deal = ["new contract", "new deal"]

[[fact]]
id = "signed"
statement = "Rovers captain Tom Bell signed a new contract."

[fact.slots]
who = ["Bell"]
deal = ["new contract", "new deal"]

[[fact]]
id = "sell-out"
statement = "Rovers' cup tie with Albion has been declared a sell-out."

[fact.slots]
game = ["cup tie", "tie"]
what = ["sell-out"]
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "she" as the subject of a clause coordinated with the first continues its subject
        (
            "last week ana ruiz was barely showing – but she is now the proud mother of a baby girl .",
            "ruiz-mother",
            "present",
        ),
        (
            "last week tom bell met ana ruiz – but she is now the proud mother of a baby girl .",
            "ruiz-mother",
            "absent",
        ),
        # "unlikely" said of a claim held in the subject hedges it
        ("Cars are unlikely to be carried by the ferry during the storm .", "no-cars", "absent"),
        ("Cars will be carried by the ferry during the storm .", "no-cars", "contradicted"),
        # a description opening a sentence after a contradiction's actor is that actor
        (
            "Tom Bell took to Instagram to show off his new bike . The 24-year-old compared the bike to a rocket .",
            "ruiz-bike",
            "contradicted",
        ),
        (
            "Ana Ruiz took to Instagram to show off her new bike . The 24-year-old compared the bike to a rocket .",
            "ruiz-bike",
            "present",
        ),
        # the clause after a short label's colon is parsed: one 'no' per conjunct
        (
            "Ruiz: the ferry would carry no passengers and take no cars during the storm .",
            "no-cars",
            "present",
        ),
        ("Ruiz: the ferry would take cars during the storm .", "no-cars", "contradicted"),
        # a filler that names only a modifier of a contradiction's noun states nothing
        ("viewers will see bell gaze at his new baby son on sunday .", "bell-baby", "contradicted"),
        ("viewers will see bell gaze at his new baby daughter on sunday .", "bell-baby", "present"),
        # a count of the statement's own unit word anywhere in the clause
        (
            "tom bell played 45 minutes for the reserves against albion on monday .",
            "bell-90",
            "contradicted",
        ),
        (
            "tom bell played 90 minutes for the reserves against albion on monday .",
            "bell-90",
            "present",
        ),
        # ... and so does a score anywhere in the clause
        (
            "rovers drew 1-1 in a second-leg match at albion to win 4-2 on aggregate .",
            "rovers-aggregate",
            "contradicted",
        ),
        (
            "rovers drew 1-1 in a second-leg match at albion to win 3-2 on aggregate .",
            "rovers-aggregate",
            "present",
        ),
        # a group noun after one of the actors' names names them again; no other noun
        (
            "bell married the singer ruiz last year and the couple have a daughter together .",
            "daughter",
            "present",
        ),
        (
            "bell married the singer ruiz last year and the neighbours have a daughter together .",
            "daughter",
            "absent",
        ),
        # a fact that is itself a plan is stated by its expectation
        ("bell is expected to sign a new contract this week .", "set-to-sign", "present"),
        ("bell is poised to sign a new contract this week .", "set-to-sign", "present"),
        # ... which still hedges a fact that something was done
        ("bell is expected to sign a new contract this week .", "signed", "absent"),
        # a noun's own preposition before a name is a detail
        (
            "Rovers' cup tie with Wanderers has been declared a sell-out.",
            "sell-out",
            "contradicted",
        ),
        ("Rovers' cup tie with Albion has been declared a sell-out.", "sell-out", "present"),
        (
            "Rovers' cup tie has been declared a sell-out, with Wanderers next.",
            "sell-out",
            "present",
        ),
    ],
)
def test_reading(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict
