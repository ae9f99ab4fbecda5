# ruff: noqa: E501  (test sentences are kept on one line each)
"""Verbs and adjectives of trying, wanting, offering and seeming over an infinitive, and
verbs of asking and ordering over an infinitive or a bare subjunctive clause, assert
nothing of it (harness.lexicon.INTENT_PREDICATES, DIRECTIVE_PREDICATES,
SUBJUNCTIVE_DIRECTIVES; harness.scope_rules.unasserting_controller): "the museum tried to sell the painting"
states no sale, so it neither states nor contradicts a fact that the painting was (not)
sold. Implicative verbs keep their meaning ("managed to sell": sold; "refused to sell": not
sold), and a fact whose own wording is the intention is still stated by it. Sentences
written for this test about a made-up museum."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness import syntax
from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "kept"
statement = "The museum did not sell the painting."
polarity = "negative"
slots = { who = ["museum"], act = ["sell*", "sold"], what = ["painting"] }

[[fact]]
id = "sold"
statement = "The museum sold the painting."
slots = { who = ["museum"], act = ["sell*", "sold"], what = ["painting"] }

[[fact]]
id = "tried"
statement = "The museum tried to sell the painting."
slots = { who = ["museum"], act = ["tried", "attempted"], what = ["painting"] }
"""


@pytest.fixture(scope="module")
def facts():
    assert syntax.parser() is not None, "the English pipeline is a dependency of harness"
    return made_up_facts(FACTS)


@pytest.mark.parametrize(
    "text",
    [
        "The museum tried to sell the painting.",
        "The museum attempted to sell the painting but found no buyer.",
        "The museum wants to sell the painting.",
        "The museum sought to sell the painting last year.",
        "The museum is keen to sell the painting.",
        "The museum is willing to sell the painting.",
        "The museum offered to sell the painting to the city.",
        "The museum threatened to sell the painting.",
        "The museum appeared to sell the painting.",
        "The museum is looking to sell the painting.",
        "the museum has tried to sell the painting , the trustees said .",
        # asked, urged or ordered to: a request says nothing of what was done
        "The museum was asked to sell the painting.",
        "Critics urged the museum to sell the painting.",
        "Critics called on the museum to sell the painting.",
        "The museum was ordered to sell the painting.",
        "Critics demanded that the museum sell the painting.",
        "Critics demanded that the museum should sell the painting.",
    ],
)
def test_an_intention_states_neither_the_event_nor_its_denial(facts, text):
    verdicts = check_facts(text, facts)
    assert verdicts.get("sold").verdict == "absent"
    assert verdicts.get("kept").verdict == "absent"


@pytest.mark.parametrize(
    ("text", "sold", "kept"),
    [
        ("The museum sold the painting.", "present", "contradicted"),
        ("The museum managed to sell the painting.", "present", "contradicted"),
        ("The museum refused to sell the painting.", "contradicted", "present"),
        ("The museum was forced to sell the painting.", "present", "contradicted"),
        # "insisted that it sold": a report, not a request
        ("Critics insisted that the museum sold the painting.", "present", "contradicted"),
        (
            "The director insisted the museum would not sell the painting.",
            "contradicted",
            "present",
        ),
        # the intention itself denied says the event did not happen
        ("The museum did not try to sell the painting.", "contradicted", "present"),
    ],
)
def test_implicative_verbs_and_plain_statements_keep_their_verdicts(facts, text, sold, kept):
    verdicts = check_facts(text, facts)
    assert (verdicts.get("sold").verdict, verdicts.get("kept").verdict) == (sold, kept)


def test_a_fact_worded_as_the_intention_is_stated_by_it(facts):
    assert (
        check_facts("The museum tried to sell the painting.", facts).get("tried").verdict
        == "present"
    )
    assert (
        check_facts("The museum attempted to sell the painting.", facts).get("tried").verdict
        == "present"
    )


AIMS = """
[[fact]]
id = "auction-bid"
statement = "The museum will attempt to sell the painting at auction."
slots = { who = ["museum"], act = ["sell*"], what = ["painting"] }

[[fact]]
id = "urged"
statement = "Critics urged the museum to sell the painting."
slots = { who = ["museum"], act = ["sell*"], what = ["painting"] }

[[fact]]
id = "photo"
statement = "The curator posted a photo of the painting."
slots = { image = ["photo", "picture"], what = ["painting"] }
"""


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # a fact about an aim is stated by any wording of the intention
        ("The museum hopes to sell the painting at auction.", "auction-bid"),
        ("The museum will try to sell the painting at auction.", "auction-bid"),
        # ... and one worded as a request by the request
        ("Critics urged the museum to sell the painting.", "urged"),
        # "seemed" hedges the verb it takes, not a participle hung on that verb
        ("The curator seemed to be enjoying the day, posting a photo of the painting.", "photo"),
    ],
)
def test_intentions_of_a_fact_about_an_aim_and_outside_the_claim(text, fact):
    assert check_facts(text, made_up_facts(AIMS)).get(fact).verdict == "present"
