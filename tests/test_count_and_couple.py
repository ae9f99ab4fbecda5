"""Three readings on sentences written for them about a made-up footballer and a made-up
couple: a statement's filler that names only a modifier of the noun a contradiction's
filler heads ("new baby" in "his new baby son", with "baby son" declared) is no
statement; a count of the statement's own unit word anywhere in the claim's clause
("played 45 minutes ... against Albion" for *90 minutes*) is a wrong figure; a definite noun for a
group ("the couple") after one of the statement's actors is named in the sentence names
those actors again, so it is no other actor; any other definite noun ("the neighbours")
still is."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness import syntax
from harness.matcher import check_facts

FACTS = """
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
id = "daughter"
statement = "Ruiz and Bell have a daughter together."

[fact.slots]
kid = ["daughter"]
have = ["have", "has"]
"""


@pytest.fixture(scope="module")
def facts():
    assert syntax.parser() is not None, "the English pipeline is a dependency of harness"
    return made_up_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        ("viewers will see bell gaze at his new baby son on sunday .", "bell-baby", "contradicted"),
        ("viewers will see bell gaze at his new baby daughter on sunday .", "bell-baby", "present"),
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
    ],
)
def test_count_and_couple(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict
