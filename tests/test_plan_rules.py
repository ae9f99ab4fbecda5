# ruff: noqa: E501  (test sentences are kept on one line each)
"""General rules of English found on the thirteenth writer's set (facts_summeval_m), each on
sentences written for it about a made-up town: a library service, a bakery chain, a
rowing race, a choir. A plan's aim states a fact that is itself a plan."""

from __future__ import annotations

import pytest
from conftest import made_up_facts, parsed_facts

from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "nine-towns"
statement = "Book delivery will be offered in nine towns."
context = ["library", "book*"]
slots = { count = ["nine"], place = ["towns"] }

[[fact.contradiction]]
slots = { count = ["six", "twelve"], place = ["towns"] }

[[fact]]
id = "nine-towns-plan"
statement = "The library plans to offer book delivery in nine towns."
context = ["library", "book*"]
slots = { count = ["nine"], place = ["towns"] }

[[fact]]
id = "nine-towns-now"
statement = "The library delivers books in nine towns."
context = ["library", "book*"]
slots = { count = ["nine"], place = ["towns"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # the aim of a plain future states a fact that is itself a plan
        (
            "The library will team up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns",
            "present",
        ),
        (
            "The library will work with a courier firm to deliver books in nine towns.",
            "nine-towns",
            "present",
        ),
        (
            "The library will work with a courier firm to deliver books in twelve towns.",
            "nine-towns",
            "contradicted",
        ),
        # a statement that is a plan by its verb ("plans to") is a plan too
        (
            "The library will work with a courier firm to deliver books in nine towns.",
            "nine-towns-plan",
            "present",
        ),
        # an obligation's or a possibility's aim still states nothing
        (
            "The library will have to team up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns",
            "absent",
        ),
        (
            "The library could team up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns",
            "absent",
        ),
        # nor does a plain future's aim state a fact that is no plan
        (
            "The library will work with a courier firm to deliver books in nine towns.",
            "nine-towns-now",
            "absent",
        ),
        # after a verb that happened the aim is the outcome
        (
            "The library teamed up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns-now",
            "present",
        ),
    ],
)
def test_a_plans_aim_states_a_planned_fact(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict


DENIALS = """
[[fact]]
id = "delivery-fee"
statement = "The bakery will add a five per cent fee to delivery orders."
slots = { rate = ["five per cent", "5 per cent"], charge = ["fee", "charge", "surcharge"] }

[[fact]]
id = "approach"
statement = "Rovers have made an approach for the goalkeeper Okafor."
slots = { club = ["Rovers", "the club"], act = ["approach", "bid", "enquiry"], player = ["Okafor", "goalkeeper"] }
"""


@pytest.fixture(scope="module")
def denials():
    return parsed_facts(DENIALS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a later "but Y denied that it ..." restating the claim by a pronoun and its words
        (
            "The bakery will add a five per cent fee to delivery orders, but the owner has since denied that it will charge the fee.",
            "delivery-fee",
            "contradicted",
        ),
        (
            "The bakery will add a five per cent fee to delivery orders, but the owner denied that it would charge a fee.",
            "delivery-fee",
            "contradicted",
        ),
        (
            "The bakery will add a five per cent fee to delivery orders, but the owner later denied it would charge the fee.",
            "delivery-fee",
            "contradicted",
        ),
        # a denied clause with none of the claim's words, or one that says something new
        (
            "The bakery will add a five per cent fee to delivery orders, but the owner denied that it had raised bread prices.",
            "delivery-fee",
            "present",
        ),
        (
            "The bakery will add a five per cent fee to delivery orders, but the owner denied that it is up against two rival chains for the fee-paying school contract.",
            "delivery-fee",
            "present",
        ),
        # a correction in the next sentence with a negation and most of the claim's words
        (
            "Rovers have made an approach for Okafor. In fact, the club has made no approach for him, its coach said.",
            "approach",
            "contradicted",
        ),
        (
            "Rovers have made a bid for Okafor. Actually, the club never made any bid, according to the chairman.",
            "approach",
            "contradicted",
        ),
        # a correction that adds something, or that denies something else
        (
            "Rovers have made an approach for Okafor. In fact, it is the third approach the club has made this year.",
            "approach",
            "present",
        ),
        (
            "Rovers have made an approach for Okafor. In fact, the club has no other target this summer.",
            "approach",
            "present",
        ),
        # a negation in the next sentence without a correcting opener is no retraction
        (
            "Rovers have made an approach for Okafor. The club has made no approach for any other keeper.",
            "approach",
            "present",
        ),
    ],
)
def test_a_later_denial_or_correction_of_the_claim(denials, text, fact, verdict):
    assert check_facts(text, denials).get(fact).verdict == verdict


SCOPE = """
[[fact]]
id = "best-loaf"
statement = "Hill Bakery won this year's prize for the best loaf, beating the previous winner."
context = ["Hill Bakery"]
exclude = ["rival", "previous prize"]
slots = { who = ["Hill Bakery", "bakery"], act = ["prize", "best loaf"] }

[[fact.contradiction]]
slots = { holder = ["rival"], act = ["won the prize", "took the prize"] }
"""


@pytest.fixture(scope="module")
def scope_facts():
    return parsed_facts(SCOPE)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Hill Bakery won the prize for the best loaf at the spring fair.", "present"),
        # a slot's word inside a longer exclude phrase names the excluded thing
        ("The previous prize went to Hill Bakery, a family firm by the harbour.", "absent"),
        # an exclude word that is the contradiction's own word is no other subject for it
        (
            "A rival won the prize for the best loaf at the spring fair. Hill Bakery came second.",
            "contradicted",
        ),
        # it still needs the fact's context nearby
        ("A rival won the prize for the best loaf at the spring fair.", "absent"),
    ],
)
def test_exclude_words_and_the_statements_own_words(scope_facts, text, verdict):
    assert check_facts(text, scope_facts).get("best-loaf").verdict == verdict


FALSITY = """
[[fact]]
id = "choir-won"
statement = "The choir won the regional contest."
slots = { who = ["choir", "singers"], act = ["won", "took the title"], what = ["regional contest", "contest"] }

[[fact]]
id = "no-rehearsal"
statement = "The choir did not rehearse on Sundays."
polarity = "negative"
stated_as = ["skipped Sunday rehearsals", "rested on Sundays"]
slots = { who = ["choir"], act = ["rehearse*"], when = ["Sunday*"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "It is not true that X" opening the sentence denies X, the claim far from "not"
        (
            "It is not true that the choir from the old mill town won the regional contest, its director said.",
            "choir-won",
            "contradicted",
        ),
        (
            "It is not true that the choir from the old mill town skipped Sunday rehearsals, its director said.",
            "no-rehearsal",
            "contradicted",
        ),
        (
            "It was never the case that the choir from the old mill town won the regional contest.",
            "choir-won",
            "contradicted",
        ),
        # the frame asserted, or a frame that is no falsity, or a second negation inside
        (
            "It is true that the choir from the old mill town won the regional contest, its director said.",
            "choir-won",
            "present",
        ),
        (
            "It is not clear that the choir from the old mill town won the regional contest.",
            "choir-won",
            "absent",
        ),
        (
            "It was not yet known whether the choir had won the regional contest.",
            "choir-won",
            "absent",
        ),
        # ... which leaves a later clause alone
        (
            "It is not clear whether the hall will reopen, but the choir won the regional contest.",
            "choir-won",
            "present",
        ),
        (
            "It is not true that the choir from the old mill town never won the regional contest.",
            "choir-won",
            "present",
        ),
    ],
)
def test_a_falsity_frame_opening_the_sentence(text, fact, verdict):
    assert check_facts(text, made_up_facts(FALSITY)).get(fact).verdict == verdict


LOAVES = """
[[fact]]
id = "900-loaves"
statement = "Hill Bakery sold 900 loaves at the fair."
exclude = ["rival"]
slots = { who = ["Hill Bakery", "bakery"], count = ["900 loaves"] }

[[fact.contradiction]]
slots = { who = ["Hill Bakery", "bakery"], count = ["400 loaves", "90 loaves"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # no context declared: an exclude word in another clause marks that clause only
        (
            "Hill Bakery sold 900 loaves at the fair, but did not beat the record set by a rival.",
            "present",
        ),
        (
            "Hill Bakery sold 400 loaves at the fair, but did not beat the record set by a rival.",
            "contradicted",
        ),
        ("Hill Bakery sold 900 loaves at the fair. A rival sold fewer.", "present"),
        # in the statement's own clause it still sets it aside
        ("A rival of Hill Bakery sold 900 loaves at the fair.", "absent"),
    ],
)
def test_an_exclude_word_in_another_clause_without_context(text, verdict):
    assert check_facts(text, made_up_facts(LOAVES)).get("900-loaves").verdict == verdict


SQUAD = """
[[fact]]
id = "picked-squad"
statement = "Ana Ruiz picked the squad for the final."
slots = { who = ["Ana Ruiz", "Ruiz"], act = ["picked", "chose"], what = ["squad"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Ana Ruiz coached the team for ten years. She picked the squad for the final.", "present"),
        # "she" after a frame that only says whether the rest is true still opens the
        # sentence's own statement, and takes the named subject before it
        (
            "Ana Ruiz coached the team for ten years. It is not true that she picked the squad for the final.",
            "contradicted",
        ),
        (
            "Ana Ruiz coached the team for ten years. It is true that she picked the squad for the final.",
            "present",
        ),
        # not when the pronoun is of the other gender
        (
            "Ana Ruiz praised her assistant. It is not true that he picked the squad for the final.",
            "absent",
        ),
    ],
)
def test_a_person_pronoun_after_a_truth_frame(text, verdict):
    assert check_facts(text, made_up_facts(SQUAD)).get("picked-squad").verdict == verdict


def test_an_emphasis_after_a_correction_retracts_nothing(denials):
    text = "Rovers have made an approach for Okafor. In fact, the club has not only made an approach but also sent scouts to watch him."
    assert check_facts(text, denials).get("approach").verdict == "present"


FILM = """
[[fact]]
id = "film-goals"
statement = "A new film shows the striker's best goals."
slots = { video = ["film", "video"], content = ["goals"] }

[[fact]]
id = "joined-choir"
statement = "Mara joined the choir."
slots = { who = ["Mara"], act = ["joined"], group = ["choir"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The new film shows the best goals of the season.", "present"),
        # two coordinated clauses, each with a slot as its subject: no claim joins them
        ("The film will start at nine and the goals have been the best of the season.", "absent"),
        # ... also when a third clause with a pronoun of its own follows
        (
            "The film will start at nine and the goals have been the best of the season, but he has also been a fine captain.",
            "absent",
        ),
        # a pronoun in the second clause itself may stand for the first clause's slot
        ("The film was edited for weeks, and the goals feature in it.", "present"),
    ],
)
def test_two_clauses_each_with_a_slot_as_subject(text, verdict):
    assert check_facts(text, made_up_facts(FILM)).get("film-goals").verdict == verdict


def test_a_slot_on_the_second_verb_keeps_the_clauses_joined():
    """The second verb's slot may take the first subject as its object: Mara joined the choir."""
    text = "The choir had a fine year, and Mara joined in May."
    assert check_facts(text, made_up_facts(FILM)).get("joined-choir").verdict == "present"


KEEPER = """
[[fact]]
id = "keeper-fit"
statement = "Okafor, the club's goalkeeper, is fit to play."
context = ["Okafor"]
slots = { who = ["goalkeeper", "keeper"], state = ["fit"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a definite description opening the sentence, headed by a slot's words, refers
        # back to the one the sentence before named, like a pronoun
        (
            "Okafor missed training on Monday. The veteran goalkeeper is not fit, the club said.",
            "contradicted",
        ),
        ("Okafor missed training on Monday. The goalkeeper is fit, the club said.", "present"),
        # an indefinite one, or one further into the sentence, does not
        ("Okafor missed training on Monday. A goalkeeper is not fit, the club said.", "absent"),
        (
            "Okafor missed training on Monday. On Tuesday the club said the veteran goalkeeper was not fit.",
            "absent",
        ),
    ],
)
def test_a_definite_description_refers_back(text, verdict):
    assert check_facts(text, made_up_facts(KEEPER)).get("keeper-fit").verdict == verdict
