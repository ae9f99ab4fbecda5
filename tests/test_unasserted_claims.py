# ruff: noqa: E501  (test sentences are kept on one line each)
"""Claims that are not asserted. Verbs and adjectives of trying, wanting, offering and seeming over an infinitive, and
verbs of asking over an infinitive or a bare subjunctive clause, assert nothing of it
(harness.undone_rules: AIM_VERBS, REQUEST_VERBS, SUBJUNCTIVE_REQUESTS): "the museum tried to sell the painting"
states no sale, so it neither states nor contradicts a fact that the painting was (not)
sold. Implicative verbs keep their meaning ("managed to sell": sold; "refused to sell": not
sold), and a fact whose own wording is the intention is still stated by it. A condition
right after the claim hedges it as one before it does (harness.general_rules.condition_of),
and what a speaker reports as possible or conditional is hedged (harness.syntax), and a topic
named as the subject of "came up" or of a passive verb of discussing ("the sale ... was
discussed") is not asserted. Sentences
written for this test about a made-up museum and mayor."""

from __future__ import annotations

import pytest
from conftest import made_up_facts, parsed_facts

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
    return parsed_facts(FACTS)


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
        # asked or urged to: a request says nothing of what was done (harness.undone_rules;
        # "ordered", "forced" are left out: they report an outcome)
        "The museum was asked to sell the painting.",
        "Critics urged the museum to sell the painting.",
        "Critics called on the museum to sell the painting.",
        "Critics demanded that the museum sell the painting.",
        "Critics demanded that the museum should sell the painting.",
        # a topic named as the subject of "came up" or of a passive verb of discussing
        "The idea of the museum selling the painting came up at the board meeting.",
        "The idea of the museum selling the painting was discussed at the board meeting.",
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
        # "came up with" is another verb: the museum's own doing
        ("The museum came up with a plan and sold the painting.", "present", "contradicted"),
        # a denied attempt only implies the event did not happen: left open (precision first)
        ("The museum did not try to sell the painting.", "absent", "absent"),
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


MAYOR = """
[[fact]]
id = "resigned"
statement = "The mayor resigned."
slots = { who = ["mayor"], act = ["resign*"] }

[[fact]]
id = "stayed"
statement = "The mayor did not resign."
polarity = "negative"
slots = { who = ["mayor"], act = ["resign*"] }

[[fact]]
id = "cover"
statement = "The crew would have no insurance cover if the boat sank."
polarity = "negative"
slots = { who = ["crew"], what = ["insurance", "cover"] }
"""


@pytest.mark.parametrize(
    "text",
    [
        # a condition right after the claim, as before it
        "The mayor will resign if the budget fails.",
        "The mayor will resign unless the budget passes.",
        "The mayor would resign if asked.",
        # what a speaker says might or would happen on a condition is the speaker's hedge
        "The mayor said he might resign.",
        "The mayor said he would resign if the budget failed.",
    ],
)
def test_a_conditional_or_hedged_report_asserts_nothing(text):
    verdicts = check_facts(text, made_up_facts(MAYOR))
    assert (verdicts.get("resigned").verdict, verdicts.get("stayed").verdict) == (
        "absent",
        "absent",
    )


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        ("The mayor said he resigned.", "resigned", "present"),
        ("The mayor said that he will not resign.", "stayed", "present"),
        ("The mayor resigned after the budget failed.", "resigned", "present"),
        ("The mayor resigned even if critics disagree.", "resigned", "present"),
        # a condition after other words may be theirs alone; the fact's own condition is no hedge
        ("The crew had no insurance and no lifeboat if the boat sank.", "cover", "present"),
        ("The crew would have no insurance cover if the boat sank.", "cover", "present"),
    ],
)
def test_plain_reports_and_other_conditions_keep_their_verdicts(text, fact, verdict):
    assert check_facts(text, made_up_facts(MAYOR)).get(fact).verdict == verdict


BRIDGE = """
[[fact]]
id = "cost"
statement = "The proposed bridge would cost five million pounds."
slots = { what = ["bridge"], cost = ["five million", "£5m", "5 million"] }
[[fact.contradiction]]
slots = { what = ["bridge"], cost = ["eight million", "£8m", "8 million"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a hypothetical fact ("would") is stated by the same hypothesis on a condition
        ("If the council approves it, the bridge would cost £5m.", "present"),
        ("Should it be approved, the bridge would cost £8m.", "contradicted"),
        ("The bridge would cost £5m if it is approved.", "present"),
    ],
)
def test_a_condition_restates_a_hypothetical_fact(text, verdict):
    assert check_facts(text, made_up_facts(BRIDGE)).get("cost").verdict == verdict
