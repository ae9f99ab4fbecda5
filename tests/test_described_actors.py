# ruff: noqa: E501  (test sentences are kept on one line each)
"""Two readings of who a clause is about, on sentences written for them about a made-up
cyclist and a made-up ferry:

- a description from the fact's list ("the 24-year-old") that opens a sentence right after
  a declared contradiction naming another actor refers back to that actor, not the fact's;
- the clause after a short label's colon ("Ruiz: ...") with a tensed verb of its own is
  parsed like any clause: "would carry no passengers and take no cars" denies the cars
  once, not twice."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness import syntax
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
"""


@pytest.fixture(scope="module")
def facts():
    assert syntax.parser() is not None, "the English pipeline is a dependency of harness"
    return made_up_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
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
        (
            "Ruiz: the ferry would carry no passengers and take no cars during the storm .",
            "no-cars",
            "present",
        ),
        ("Ruiz: the ferry would take cars during the storm .", "no-cars", "contradicted"),
    ],
)
def test_who_a_clause_is_about(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict
