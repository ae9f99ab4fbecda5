"""A fact's `actor`: a summary giving the proposal to someone else by name contradicts it
(harness.agent_rules), on made-up sentences about a bridge Ruiz proposed."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness.agent_rules import claim_agent
from harness.matcher import check_facts

BRIDGE = """
[aliases]
ruiz = ["Ruiz", "Ana Ruiz", "the mayor", "city hall"]

[[fact]]
id = "no-cars"
statement = "Ruiz proposed a bridge that would carry no cars."
polarity = "negative"
actor = ["@ruiz"]
context = ["bridge"]
slots = { what = ["cars"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Ruiz proposed a bridge that would carry no cars.", "present"),
        ("Mayor Ana Ruiz proposed a bridge that would carry no cars.", "present"),
        ("The mayor outlined a bridge without cars.", "present"),
        ("She proposed a bridge that would carry no cars.", "present"),  # a pronoun: who?
        ("The new bridge will carry no cars.", "present"),  # no one named
        ("Rivals claimed the bridge would carry no cars.", "present"),  # reported, not proposed
        (
            "Whose plan is it? Ruiz, whose plan envisages a bridge without cars, spoke on Monday.",
            "present",
        ),
        # someone else by name proposed it
        ("Former councillor Tom Bell proposed a bridge that would carry no cars.", "contradicted"),
        (
            "Ruiz's predecessor, Tom Bell, proposed a bridge that would carry no cars.",
            "contradicted",
        ),
        ("Local traders proposed that the bridge carry no cars.", "contradicted"),
        # the proposing verb is the first verb above the claim: what it proposes holds it
        ("Councillor Tom Bell proposed a bridge without cars or tolls.", "contradicted"),
        ("Ruiz proposed a bridge without cars or tolls.", "present"),
    ],
)
def test_a_proposal_given_to_someone_else_contradicts(text, verdict):
    assert check_facts(text, made_up_facts(BRIDGE)).get("no-cars").verdict == verdict


def test_without_an_actor_key_nobody_is_checked():
    facts = made_up_facts(BRIDGE.replace('actor = ["@ruiz"]\n', ""))
    text = "Former councillor Tom Bell proposed a bridge that would carry no cars."
    assert check_facts(text, facts).get("no-cars").verdict == "present"


def test_claim_agent_skips_headings_and_datelines():
    text = "CITY HALL proposed a bridge that would carry no cars."
    a = text.index("cars")
    assert claim_agent(text, [(a, a + 4)]) is None
    text = "Early talk: traders proposed a bridge that would carry no cars."
    a = text.index("cars")
    assert claim_agent(text, [(a, a + 4)], text.index(":")) is not None  # after the heading
    assert claim_agent(text, [(a, a + 4)], text.index("proposed")) is None  # before it
