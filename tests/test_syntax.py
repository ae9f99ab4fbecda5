# ruff: noqa: E501  (test sentences are kept on one line each)
"""Fact verdicts on general English, with facts written the short way a new user would.

The facts below belong to no real article: a made-up football club that keeps its coach,
a goalkeeper who denies he will move, a probe whose landing failed, a museum sale, a
report the police would not confirm. Each case is a sentence written for one
construction (coordination, embedded and reported clauses, denials placed after the
claim, relative clauses, requests, positive wording of a negative fact, the wrong actor).
These need the dependency parser (harness/syntax.py); the suite installs it.
"""

from __future__ import annotations

import pytest
from conftest import made_up_facts, parsed_facts

from harness import syntax
from harness.matcher import check_facts, explain_fact

FACTS = """
[[fact]]
id = "coach-stays"
statement = "The club has no plans to replace its coach."
polarity = "negative"
[fact.slots]
act = ["replace", "replaced", "replacing", "sack*", "fire", "fired"]
whom = ["coach", "manager", "him"]

[[fact]]
id = "board-happy"
statement = "The board is very happy with the coach."
slots = { who = ["board", "they", "club"], mood = ["happy", "pleased", "delighted"] }

[[fact]]
id = "keeper-not-leaving"
statement = "The goalkeeper is not leaving the club."
polarity = "negative"
slots = { who = ["goalkeeper", "keeper", "Okafor"], act = ["leave", "leaving", "quit*", "move", "exit"] }

[[fact]]
id = "missed-final"
statement = "Okafor missed the final."
slots = { who = ["Okafor", "goalkeeper"], act = ["missed", "missing", "sat out", "sit out", "was absent from"], what = ["final"] }

[[fact]]
id = "chose-club"
statement = "Okafor chose Rovers over three other clubs."
slots = { who = ["Okafor"], act = ["chose", "picked", "joined"], club = ["Rovers"] }

[[fact]]
id = "landing-failed"
statement = "The probe's landing failed."
slots = { what = ["landing", "touchdown"], outcome = ["failed", "crashed"] }
stated_as = ["unsuccessful", "did not survive", "too hard for survival"]

[[fact]]
id = "letters-unsold"
statement = "The museum letters did not find a buyer."
polarity = "negative"
slots = { what = ["letters"], sale = ["found a buyer", "find a buyer", "sold"] }
max_gap = 6

[[fact]]
id = "no-death-penalty"
statement = "The family does not want the death penalty."
polarity = "negative"
slots = { who = ["family", "parents"], want = ["want*", "seek*", "push* for"], what = ["death penalty"] }
stated_as = ["off the table"]

[[fact]]
id = "guard-fell"
statement = "A palace guard slipped and fell."
slots = { who = ["guard"], act = ["fell", "slipped"] }

[[fact]]
id = "police-unconfirmed"
statement = "Police did not confirm a motive."
polarity = "negative"
slots = { who = ["police", "detectives"], act = ["confirm*", "say", "said"], what = ["motive", "reason"] }

[[fact]]
id = "okafor-captain"
statement = "Okafor is the club captain."
slots = { who = ["Okafor"], role = ["captain"] }
unless = ["former"]

[[fact]]
id = "pay-rise"
statement = "The club gave Okafor a pay rise of 5,000 a week."
slots = { amount = ["5,000"] }

[[fact]]
id = "okafor-chair"
statement = "Okafor took over as chair of the board."
slots = { who = ["Okafor"], role = ["chair*"] }

[[fact]]
id = "no-cover-abroad"
statement = "The policy does not cover the car if it is driven abroad."
polarity = "negative"
slots = { what = ["cover*"], where = ["abroad"] }

[[fact]]
id = "final-date"
statement = "The cup final is on June 4."
slots = { date = ["June 4"] }
context = ["final"]

[[fact]]
id = "rovers-won-cup"
statement = "Rovers won the cup final against United."
[fact.slots]
team = ["Rovers"]
act = ["won", "beat"]
[[fact.contradiction]]
slots = { team = ["United"], act = ["won", "beat"] }
order = ["team", "act"]

[[fact]]
id = "hawk-chased-drone"
statement = "A hawk chased the drone."
slots = { chaser = ["hawk"], act = ["chased"], target = ["drone"] }
[[fact.contradiction]]
slots = { chaser = ["drone"], act = ["chased"], target = ["hawk"] }
order = ["chaser", "act", "target"]
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


CASES = [
    # coordination: the negation of one clause stays in it (contraction included)
    (
        "The club has no plans to replace the coach and they're very happy with him.",
        "board-happy",
        "present",
    ),
    (
        "The club has no plans to replace the coach and they're very happy with him.",
        "coach-stays",
        "present",
    ),
    (
        "The board will not sack him, and they are delighted with his work.",
        "board-happy",
        "present",
    ),
    # an embedding verb: a factive "does not know why X" leaves X asserted
    ("His agent does not know why Okafor chose Rovers.", "chose-club", "present"),
    ("Nobody can explain why Okafor picked Rovers.", "chose-club", "present"),
    # a report frame asserts its content; a negation inside the content stays there
    ("Okafor says he is not leaving the club.", "keeper-not-leaving", "present"),
    ("The keeper insisted he would never quit Rovers.", "keeper-not-leaving", "present"),
    # denials: before the claim, after it, of claims about it
    ("Okafor has denied claims he is set to leave.", "keeper-not-leaving", "present"),
    ("The goalkeeper will leave in the summer, his agent denied.", "keeper-not-leaving", "present"),
    ("The coach will be replaced in the summer, the chairman refuted.", "coach-stays", "present"),
    (
        "Reports said the goalkeeper would leave, which Okafor denied.",
        "keeper-not-leaving",
        "present",
    ),
    ("Okafor said he is not interested in leaving Rovers.", "keeper-not-leaving", "present"),
    # a phrasing is read literally: "sat out" is how the fact is said, not its denial
    ("Okafor sat out the final through injury.", "missed-final", "present"),
    ("Okafor did not sit out the final.", "missed-final", "contradicted"),
    # the plain opposite
    (
        "The goalkeeper will leave Rovers at the end of the season.",
        "keeper-not-leaving",
        "contradicted",
    ),
    ("The board confirmed the coach will be replaced.", "coach-stays", "contradicted"),
    # hedges assert nothing
    ("The goalkeeper may leave Rovers next year.", "keeper-not-leaving", "absent"),
    ("It is unclear whether the keeper will leave.", "keeper-not-leaving", "absent"),
    # ... but a negative fact's claim left possible contradicts it
    ("The club did not rule out replacing the coach.", "coach-stays", "contradicted"),
    # a relative clause between the slots
    (
        "The letters that once hung above the museum entrance failed to find a buyer.",
        "letters-unsold",
        "present",
    ),
    (
        "The letters, which the museum put up for auction, were not sold.",
        "letters-unsold",
        "present",
    ),
    # positive wording of the fact (stated_as), and its denial
    ("The touchdown was unsuccessful.", "landing-failed", "present"),
    ("The ground proved too hard for survival.", "landing-failed", "present"),
    ("The probe's landing was not unsuccessful.", "landing-failed", "contradicted"),
    # a later plan does not deny what already happened
    (
        "The agency will not try again to land a probe after the landing failed.",
        "landing-failed",
        "present",
    ),
    # a request: asking to take it off the table states the fact
    (
        "The parents urged prosecutors to take the death penalty off the table.",
        "no-death-penalty",
        "present",
    ),
    ("The family does not want the death penalty.", "no-death-penalty", "present"),
    ("The family wants the death penalty.", "no-death-penalty", "contradicted"),
    # the wrong actor: the guard is where someone else fell
    ("A tourist slipped and fell in front of a guard.", "guard-fell", "absent"),
    ("A guard slipped and fell in front of tourists.", "guard-fell", "present"),
    # "did not confirm / say": the fact itself, not a hedge of it
    ("Police did not confirm a motive for the attack.", "police-unconfirmed", "present"),
    ("Police would not say what the motive was.", "police-unconfirmed", "present"),
    ("Detectives confirmed the motive was robbery.", "police-unconfirmed", "contradicted"),
    ("Police said the motive was robbery.", "police-unconfirmed", "contradicted"),
    # "has yet to X": X has not happened
    ("Okafor, who has yet to leave the club, trained alone.", "keeper-not-leaving", "present"),
    ("The goalkeeper is yet to quit Rovers.", "keeper-not-leaving", "present"),
    # a claim called untrue is denied
    ("Claims that the goalkeeper will leave are untrue.", "keeper-not-leaving", "present"),
    ("The report that the coach would be replaced was false.", "coach-stays", "present"),
    # a degree asked ("how ready") asserts nothing of the adjective
    ("The board talked about how happy they were with the coach.", "board-happy", "absent"),
    ("The board said they were happy with the coach.", "board-happy", "present"),
    # a gerund joined to a finite verb is a clause of its own: the verb's negation stays
    (
        "Okafor has been barred from coaching for a year after getting teammates to skip drills, and missing the final himself.",
        "missed-final",
        "present",
    ),
    # part of the claim inside a question or a condition of its own: nothing asserted
    (
        "Rovers had a good season, and fans are asking whether Okafor joined for the money.",
        "chose-club",
        "absent",
    ),
    ("Rovers had a good season, and Okafor joined in May.", "chose-club", "present"),
    (
        "The coach was asked whether he would stay, and why the board was happy with him.",
        "board-happy",
        "absent",
    ),
    # a list item the parse takes for an apposition is still what the verb discusses
    (
        "The board and his agent have been discussing a new deal, a 2027 end date and a 5,000 weekly rise since May.",
        "pay-rise",
        "absent",
    ),
    (
        "The board gave him a new deal, a 2027 end date and a 5,000 weekly rise.",
        "pay-rise",
        "present",
    ),
    # giving a thing away says the giver holds it no more; a cue only the parse sees
    # makes the statement neither present nor (precision first) contradicted
    ("Okafor handed the chairmanship to Mensah.", "okafor-chair", "absent"),
    ("Mensah handed the chairmanship to Okafor.", "okafor-chair", "present"),
    # "not (anymore) X" after a comma negates only X
    ("Okafor is now chair of the board, not anymore Mensah.", "okafor-chair", "present"),
    # an `unless` word counts in the claim's own sub-clause only
    (
        "Okafor took over as captain this week, as Mensah returned to his former club.",
        "okafor-captain",
        "present",
    ),
    ("Okafor, the former captain, trained alone.", "okafor-captain", "absent"),
    # a yes/no question answered by the next sentence states the answer
    (
        "Will the goalkeeper leave Rovers? No, he signed a new deal.",
        "keeper-not-leaving",
        "present",
    ),
    ("Will the goalkeeper leave Rovers? Yes, in the summer.", "keeper-not-leaving", "contradicted"),
    ("Will the goalkeeper leave Rovers? No one knows.", "keeper-not-leaving", "absent"),
    # a report denied later in the sentence: its content is asserted as untrue
    (
        "The goalkeeper will leave Rovers, reports claimed, but Okafor denied it.",
        "keeper-not-leaving",
        "present",
    ),
    ("The goalkeeper will leave Rovers, reports claimed.", "keeper-not-leaving", "absent"),
    ("The goalkeeper will leave Rovers, but his agent denied it.", "keeper-not-leaving", "present"),
    # ... but a denial of something else leaves the clause asserted
    (
        "The club confirmed the goalkeeper will leave Rovers, but denied the reports of a fee.",
        "keeper-not-leaving",
        "contradicted",
    ),
    # a clause retracted right after it by a bare negated auxiliary is denied
    (
        "The board will replace the coach; or rather, it will not: he stays.",
        "coach-stays",
        "present",
    ),
    # ... or by "in fact" and the negated verb again; "it did not matter" retracts nothing
    ("The board replaced the coach; in fact, it did not matter.", "coach-stays", "contradicted"),
    ("The board will replace the coach; in fact, it will not.", "coach-stays", "present"),
    ("The board replaced the coach; in fact, it did not replace.", "coach-stays", "present"),
    # of two readings, the one whose slots the parse joins more closely is the statement
    (
        "The coach, whom the board is happy to keep, said the club would not sell Okafor.",
        "board-happy",
        "present",
    ),
    # "at stake", "in doubt": still undecided
    ("Okafor's move away from Rovers was at stake in the final.", "keeper-not-leaving", "absent"),
    # a condition that is part of the fact itself
    ("The policy will not cover the car if it is driven abroad.", "no-cover-abroad", "present"),
    ("The policy covers the car even when it is driven abroad.", "no-cover-abroad", "contradicted"),
    # a time adjunct keeps its date against a negation above it, not against a hedge
    ("Okafor will not play in the final on June 4.", "final-date", "present"),
    ("The final will be played on June 4.", "final-date", "present"),
    ("The final is expected to be played on June 4.", "final-date", "absent"),
    (
        "A final is planned, but it is unclear whether it will be played on June 4.",
        "final-date",
        "absent",
    ),
    # a noun slot in another clause than the verb, which has its own subject, is no claim
    (
        "Rovers won the cup and thanked United after the reserves won the replay.",
        "rovers-won-cup",
        "present",
    ),
    ("United won the cup final against Rovers.", "rovers-won-cup", "contradicted"),
    # a passive verb: the slot after it is the agent, so the written order is reversed
    ("The drone was chased by a hawk over the field.", "hawk-chased-drone", "present"),
    ("The drone chased a hawk across the field.", "hawk-chased-drone", "contradicted"),
]


@pytest.mark.parametrize(("text", "fact", "expected"), CASES)
def test_general_english(facts, text, fact, expected):
    result = check_facts(text, facts).get(fact)
    assert result.verdict == expected, (text, explain_fact(text, facts.get(fact)).readings)


def test_both_readings_are_reported(facts):
    """A summary that states the fact and also contradicts it says so, with both spans."""
    text = (
        "The goalkeeper will leave Rovers, one paper claimed. "
        "Okafor said he is not leaving the club."
    )
    r = check_facts(text, facts).get("keeper-not-leaving")
    assert r.verdict in ("present", "contradicted")
    if r.other_verdict is not None:
        assert {r.verdict, r.other_verdict} == {"present", "contradicted"}
        assert text[slice(*r.other_span)] == r.other_evidence


def test_explain_names_cues_and_reasons(facts):
    e = explain_fact(
        "Okafor has denied claims he is set to leave.", facts.get("keeper-not-leaving")
    )
    assert e.result.verdict == "present"
    assert e.readings and e.readings[0].negated
    assert "denied" in e.readings[0].cues
    assert "asserts the fact" in e.reason


def test_parser_named_in_signature():
    ident = syntax.parser_key()
    assert ident.startswith("spacy-") and "core_web_sm" in ident


def test_parse_without_torch():
    """Loading the parser must not import torch (a run without embeddings stays light)."""
    import subprocess
    import sys

    code = (
        "import sys; from harness import syntax; assert syntax.parser() is not None;"
        "assert 'torch' not in sys.modules, 'torch imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


KEYS = """
[[fact]]
id = "keys-lost"
statement = "The keys were lost at the station."
slots = { what = ["keys"], act = ["lost", "lose"] }

[[fact]]
id = "keys-found"
statement = "The keys were found."
slots = { what = ["keys"], act = ["found"] }
"""


def test_passive_statement_names_no_actor():
    """The subject of a passive statement is what was acted on: a summary that makes it the
    object of a named actor states the fact."""
    facts = made_up_facts(KEYS)
    r = check_facts("A tourist lost the keys at the station.", facts).get("keys-lost")
    assert r.verdict == "present"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The keys could be found.", "absent"),
        ("The keys could reportedly be found.", "absent"),
        ("The keys could not be found.", "contradicted"),
        ("The keys were found.", "present"),
    ],
)
def test_could_on_the_claims_verb_is_a_possibility(text, verdict):
    assert check_facts(text, made_up_facts(KEYS)).get("keys-found").verdict == verdict


def test_a_stated_as_phrasing_keeps_its_own_hedge():
    """A fact the article itself hedges: listing the hedged wording in `stated_as` makes it
    the fact, so its own "unlikely" does not set it aside; another hedge still does."""
    facts = made_up_facts(
        """
[[fact]]
id = "bridge-shut"
statement = "The bridge is unlikely to reopen this year."
polarity = "negative"
slots = { what = ["bridge"], act = ["reopen*"] }
stated_as = ["unlikely to reopen"]
"""
    )
    got = check_facts("The bridge is unlikely to reopen this year.", facts).get("bridge-shut")
    assert got.verdict == "present"
    maybe = check_facts("The bridge may be unlikely to reopen.", facts).get("bridge-shut")
    assert maybe.verdict == "absent"
    assert check_facts("The bridge will reopen.", facts).get("bridge-shut").verdict == (
        "contradicted"
    )


def test_subject_and_object_a_relative_clause_apart():
    """Slots further apart than max_gap are one statement when a non-restrictive relative
    clause between them (", which ...,") makes up the excess."""
    facts = made_up_facts(
        """
[[fact]]
id = "paid"
statement = "The workers at the harbour received payments."
slots = { who = ["workers"], got = ["payment*"] }
"""
    )
    text = (
        "The workers at the old harbour, which was closed for most of the winter after a "
        "long storm, received up to £900 in payments."
    )
    assert check_facts(text, facts).get("paid").verdict == "present"


def test_a_verbless_contradiction_on_the_facts_own_verb():
    """A declared contradiction with no verb slot counts when its words are the subject
    and an argument of the very verb that states the fact ("opened a hospital" against
    "opened a library")."""
    facts = made_up_facts(
        """
[[fact]]
id = "library"
statement = "The mayor opened a new library in the harbour district."
slots = { who = ["mayor"], act = ["opened", "opens"] }
[[fact.contradiction]]
slots = { who = ["mayor"], what = ["hospital"] }
"""
    )
    text = "The mayor opened a new hospital in the harbour district on Friday."
    assert check_facts(text, facts).get("library").verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an infinitive of purpose after a verb that has not happened asserts nothing
        ("The town will have to pay £5m to keep the ferry running.", "absent"),
        ("The town must raise taxes in order to keep the ferry running.", "absent"),
        # after a verb that happened it is the outcome
        ("The town raised £5m to keep the ferry running.", "present"),
        ("The town kept the ferry running.", "present"),
    ],
)
def test_an_unrealised_purpose_asserts_nothing(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "ferry-runs"
statement = "The town keeps the ferry running."
slots = { who = ["town"], what = ["ferry running"] }
"""
    )
    assert check_facts(text, facts).get("ferry-runs").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the claim's verb has a noun subject of its own; the fact's actor is elsewhere
        ("Rescuers found the dog near the hiker's tent.", "absent"),
        ("Rescuers found photos of the dog that also showed the hiker.", "absent"),
        ("A hiker found the dog near the lake.", "present"),
        ("The dog was found by a hiker near the lake.", "present"),
        # the actor as the object of another verb: the subject may describe it
        ("The team found the dog to give the hiker a reason to smile.", "present"),
    ],
)
def test_the_verbs_own_subject_is_another_actor(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "hiker-found-dog"
statement = "A hiker found the lost dog."
slots = { who = ["hiker"], act = ["found"], what = ["dog"] }
"""
    )
    assert check_facts(text, facts).get("hiker-found-dog").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The new schedule is far from popular with commuters.", "present"),
        ("The new schedule was far from a success.", "present"),
        ("The new schedule is popular with commuters.", "contradicted"),
    ],
)
def test_far_from_denies_a_quality(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "schedule-unpopular"
statement = "The new schedule is not popular."
polarity = "negative"
slots = { what = ["schedule"], good = ["popular", "success"] }
"""
    )
    assert check_facts(text, facts).get("schedule-unpopular").verdict == verdict


def test_far_from_a_place_is_no_negation():
    facts = made_up_facts(
        """
[[fact]]
id = "moved-from-coast"
statement = "The family moved from the coast."
slots = { who = ["family"], act = ["moved"], where = ["coast"] }
"""
    )
    text = "The family moved far from the coast."
    assert check_facts(text, facts).get("moved-from-coast").verdict == "present"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a definite noun phrase is taken for granted under the verb's negation
        ("Maria does not feed her tabby cat on Sundays.", "present"),
        ("Maria never brushes the tabby.", "present"),
        # what is denied of the thing itself still is
        ("The cat is not a tabby.", "contradicted"),
        ("Maria does not own a tabby.", "contradicted"),
    ],
)
def test_a_definite_noun_phrase_under_a_negated_verb(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "tabby"
statement = "The cat is a tabby."
slots = { kind = ["tabby"] }
"""
    )
    assert check_facts(text, facts).get("tabby").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a non-restrictive relative clause is asserted on its own: the main verb's
        # negation is not its own, its own hedge is
        ("Staff at the bakery, which made a profit last year, did not get a pay rise.", "present"),
        ("Staff at the bakery, which might not make a profit, got a pay rise.", "absent"),
        ("Staff at the bakery, which did not make a profit, got a pay rise.", "contradicted"),
    ],
)
def test_a_relative_clause_said_of_the_slot(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "bakery-profit"
statement = "The bakery made a profit."
slots = { who = ["bakery"], what = ["profit"] }
"""
    )
    assert check_facts(text, facts).get("bakery-profit").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "could" on the verb that joins the slots, though no slot names that verb
        ("Nurses at the clinic could reportedly receive overtime pay.", "absent"),
        ("Nurses at the clinic received overtime pay.", "present"),
    ],
)
def test_could_on_the_verb_joining_the_slots(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "overtime"
statement = "Nurses received overtime pay."
slots = { who = ["nurses"], got = ["overtime pay"] }
"""
    )
    assert check_facts(text, facts).get("overtime").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the owner in a passive statement made the actor: not the claim
        ("A guard stole a bicycle at the station.", "absent"),
        ("A thief stole a guard's bicycle at the station.", "present"),
        ("A guard's bicycle was stolen at the station.", "present"),
    ],
)
def test_the_owner_made_the_actor(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "bike-stolen"
statement = "A guard's bicycle was stolen at the station."
slots = { what = ["bicycle"], act = ["stolen", "stole"] }
"""
    )
    assert check_facts(text, facts).get("bike-stolen").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the same role in a coordinated verb phrase
        ("Ana lifts the parrot from its cage and then brushes it with a feather.", "present"),
        # a later clause's subject continuing the first clause's subject
        ("The parrot was left in the shop, but staff say it was brushed every morning.", "present"),
        # another sentence, or a person pronoun: not resolved
        ("Ana lifts the parrot from its cage. She brushes it with a feather.", "absent"),
    ],
)
def test_a_pronoun_with_a_plain_antecedent_fills_the_slot(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "parrot-brushed"
statement = "Ana brushes her parrot."
slots = { act = ["brush*"], what = ["parrot"] }
"""
    )
    assert check_facts(text, facts).get("parrot-brushed").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # hedged as the fact's own statement is: the fact as written
        ("The ferry is unlikely to sail to the island before Friday.", "present"),
        # another hedge still asserts nothing; the plain opposite contradicts
        ("The ferry is expected to sail to the island before Friday.", "absent"),
        ("The ferry will sail to the island on Thursday.", "contradicted"),
    ],
)
def test_the_statements_own_hedge(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "ferry-stays"
statement = "The ferry is unlikely to sail this week."
polarity = "negative"
slots = { what = ["ferry"], act = ["sail"] }
"""
    )
    assert check_facts(text, facts).get("ferry-stays").verdict == verdict


def test_a_count_contradiction_in_one_noun_phrase():
    """A declared contradiction whose slots are one noun phrase (a count and its noun) is
    no misreading of the words that state the fact."""
    facts = made_up_facts(
        """
[[fact]]
id = "three-climbers"
statement = "Three climbers reached the summit."
slots = { who = ["climbers"], act = ["reached"] }
[[fact.contradiction]]
slots = { count = ["two", "four", "five"], who = ["climbers"] }
"""
    )
    text = "Four climbers reached the summit on Monday."
    assert check_facts(text, facts).get("three-climbers").verdict == "contradicted"
    text = "Three climbers reached the summit on Monday."
    assert check_facts(text, facts).get("three-climbers").verdict == "present"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # what the statement's named speaker said, put in another named person's mouth
        ("Carlos Mendez said the bridge would reopen in May.", "absent"),
        # the same speaker, or a body that may speak for them
        ("Ruiz said the bridge would reopen in May.", "present"),
        ("The council said the bridge would reopen in May.", "present"),
    ],
)
def test_another_named_speaker(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "bridge-may"
statement = "Ana Ruiz said the bridge would reopen in May."
slots = { what = ["bridge"], act = ["reopen"] }
"""
    )
    assert check_facts(text, facts).get("bridge-may").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a sentential relative clause that denies: the parse hangs it on the clause's last
        # noun, but what is denied is the whole clause
        (
            "Two trucks collided on the coast road near the harbour, which police later denied.",
            "contradicted",
        ),
        ("Two trucks collided on the coast road, which officials have disputed.", "contradicted"),
        # a relative clause of the noun itself, or a comment that denies nothing
        ("Two trucks collided on the coast road near the harbour, which was closed.", "present"),
        ("Two trucks collided near the harbour, which police later reopened.", "present"),
    ],
)
def test_a_trailing_which_denies_the_clause(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "trucks-collided"
statement = "Two trucks collided on the coast road."
slots = { what = ["two trucks"], act = ["collided"] }
"""
    )
    assert check_facts(text, facts).get("trucks-collided").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the listed phrasing states the negative fact; its word "known" is no assertion
        ("Very little is known about the paintings.", "present"),
        ("Little is known about why the paintings were made.", "present"),
        # the plain opposite still contradicts
        ("Much is known about the paintings, and the painter is famous.", "contradicted"),
    ],
)
def test_a_listed_phrasing_beats_its_own_words(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "little-known"
statement = "Very little is known about the paintings."
polarity = "negative"
stated_as = ["little is known"]
slots = { known = ["known"], what = ["paintings", "why"] }
"""
    )
    assert check_facts(text, facts).get("little-known").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the summary states it; someone's denial is reported: a dispute, not the opposite
        (
            "The inquiry found that the clerk had moved the money. The clerk moved the money, "
            "Smith denied, saying he only counted it.",
            "present",
        ),
        # the denial alone still contradicts, and so does the writer's own "not"
        ("The clerk moved the money, Smith denied.", "contradicted"),
        (
            "The inquiry found that the clerk had moved the money. In fact the clerk did not "
            "move the money.",
            "contradicted",
        ),
    ],
)
def test_a_reported_denial_beside_a_plain_statement(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "money-moved"
statement = "The clerk moved the money."
slots = { who = ["clerk"], act = ["moved", "move"], what = ["money"] }
"""
    )
    assert check_facts(text, facts).get("money-moved").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a clause used as the subject of "was false" without "that" (as system summaries
        # write it): the parse makes it a second complement; it is still called false
        ("the council says the bridge was closed was false .", "present"),
        ("the council says the bridge was closed .", "contradicted"),
        ("the council says the bridge was closed and the road was open .", "contradicted"),
    ],
)
def test_a_clause_called_false_without_that(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "bridge-open"
statement = "The council said the bridge was not closed."
polarity = "negative"
slots = { what = ["bridge"], state = ["closed"] }
"""
    )
    assert check_facts(text, facts).get("bridge-open").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the claim's own word is a context word, but an exclude phrase owns it: not the fact
        ("The mayor said the visiting team's tactics were reckless.", "absent"),
        # another context word in the clause still wins the tie, as before
        ("The mayor said the home side's tactics were reckless.", "present"),
        ("The mayor said the tactics were reckless.", "present"),
    ],
)
def test_the_claims_own_words_are_no_context_against_an_exclude_word(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "reckless"
statement = "The mayor said the home side's tactics were reckless."
context = ["home side", "tactics"]
exclude = ["visiting team"]
slots = { what = ["tactics"], judgement = ["reckless"] }
"""
    )
    assert check_facts(text, facts).get("reckless").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a possibility denied: the denial says it will not happen
        ("Bus fares could rise next year, the minister denied.", "contradicted"),
        ("Bus fares may rise, the minister denied.", "contradicted"),
        # a possibility alone, or reported, asserts nothing
        ("Bus fares could rise next year, the minister said.", "absent"),
        ("Bus fares might rise next year.", "absent"),
    ],
)
def test_a_denied_possibility(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "fares-rise"
statement = "Bus fares will rise next year."
slots = { what = ["fares"], act = ["rise"] }
"""
    )
    assert check_facts(text, facts).get("fares-rise").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a noun of the aside and a noun of the main clause make no claim together
        (
            "The captain, who won every medal in his career, says he has given up on promotion.",
            "absent",
        ),
        # the claim in one clause, or an aside with its antecedent, still states it
        ("The captain says promotion would feel like a medal.", "present"),
        ("The captain, who said promotion would feel like a medal, left early.", "present"),
    ],
)
def test_slots_split_by_a_relative_clause_aside(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "promotion-medal"
statement = "The captain says promotion would feel like winning a medal."
slots = { feat = ["promotion"], prize = ["medal"] }
"""
    )
    assert check_facts(text, facts).get("promotion-medal").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a possibility named as a topic asserts nothing
        ("The council publishes guidance on when permits can be revoked.", "absent"),
        ("The clerk explained how permits could be revoked.", "absent"),
        # what happened, in a wh-clause or a time clause, is still said
        ("The clerk explained why the permits were revoked.", "present"),
        ("The permits were revoked when the owners could no longer pay.", "present"),
    ],
)
def test_a_possibility_asked_about(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "permits-revoked"
statement = "The permits were revoked."
slots = { what = ["permits"], act = ["revoked"] }
"""
    )
    assert check_facts(text, facts).get("permits-revoked").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a coordinated verb shares its first verb's subject: the slots are near in the parse
        (
            "The managers at the regional agency made a record profit during the long and "
            "costly strike and then were paid in bonuses.",
            "present",
        ),
        # with a subject of its own, it is another clause
        (
            "The managers at the regional agency made a record profit during the long and "
            "costly strike and their staff were paid in bonuses.",
            "absent",
        ),
    ],
)
def test_a_coordinated_verb_shares_the_subject(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "bonuses"
statement = "Managers at the agency were paid bonuses."
slots = { who = ["managers"], got = ["bonuses"] }
"""
    )
    assert check_facts(text, facts).get("bonuses").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a participle aside says something of the noun before it
        ("Maria Lopez, running her 12th marathon of the year, finished third.", "contradicted"),
        ("Maria Lopez, running her 11th marathon of the year, finished third.", "present"),
    ],
)
def test_a_participle_aside_shares_its_subject(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "eleventh-marathon"
statement = "Lopez ran her 11th marathon of the year."
slots = { who = ["Lopez"], count = ["11th marathon"] }
[[fact.contradiction]]
slots = { who = ["Lopez"], count = ["10th marathon", "12th marathon"] }
"""
    )
    assert check_facts(text, facts).get("eleventh-marathon").verdict == verdict


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "little" and "few" without "a" are negative quantities
        ("Very little is known about the paintings.", "unknown", "present"),
        ("Few fans came to the final.", "fans-stayed-away", "present"),
        # "a few" is some
        ("A few fans came to the final.", "fans-stayed-away", "contradicted"),
        ("Thousands of fans came to the final.", "fans-stayed-away", "contradicted"),
    ],
)
def test_little_and_few_deny(text, fact, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "unknown"
statement = "Little is known about the paintings."
polarity = "negative"
slots = { known = ["known"], what = ["paintings"] }

[[fact]]
id = "fans-stayed-away"
statement = "Few fans came to the final."
polarity = "negative"
slots = { who = ["fans"], act = ["came"] }
"""
    )
    assert check_facts(text, facts).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the claim's verb in a relative clause of another noun: that noun acts
        ("The guard's boots have metal studs that slipped on the wet stones.", "absent"),
        # the actor is the antecedent, or the plain subject
        ("The guard who slipped on the wet stones was unhurt.", "present"),
        ("The guard slipped on the wet stones.", "present"),
    ],
)
def test_a_relative_clause_of_another_noun_names_another_actor(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "guard-slipped"
statement = "A guard slipped on the wet stones."
slots = { who = ["guard"], act = ["slipped"] }
"""
    )
    assert check_facts(text, facts).get("guard-slipped").verdict == verdict


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "could" on the verb right above slots in one noun phrase: a possibility
        ("The winners could face Lyon in the next round.", "face-lyon", "absent"),
        ("Ruiz could go for a third Olympic title in Paris.", "third-title", "absent"),
        # a plain statement, and "could not" still count
        ("The winners will face Lyon in the next round.", "face-lyon", "present"),
        ("Ruiz is going for a third Olympic title in Paris.", "third-title", "present"),
        # for a fact that something will not happen, the possibility is its opposite
        ("Ruiz could go for a third Olympic title in Paris.", "no-third-title", "contradicted"),
    ],
)
def test_could_on_the_verb_above_a_noun_phrase_claim(text, fact, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "face-lyon"
statement = "The winners will face Lyon."
slots = { opp = ["Lyon"] }

[[fact]]
id = "third-title"
statement = "Ruiz is going for a third Olympic title."
slots = { count = ["third"], prize = ["title"] }

[[fact]]
id = "no-third-title"
statement = "Ruiz will not go for a third Olympic title."
polarity = "negative"
slots = { count = ["third"], prize = ["title"] }
"""
    )
    assert check_facts(text, facts).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the fact is itself a possibility: a listed phrasing under "might" states it
        ("The mayor said residents might have to worry about flooding next spring.", "present"),
        ("The mayor said residents worry about flooding.", "present"),
    ],
)
def test_a_listed_phrasing_of_a_possibility_under_might(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "flood-worry"
statement = "The mayor said there may be a worry about flooding."
stated_as = ["worry about flooding"]
slots = { who = ["mayor"], act = ["warned"] }
"""
    )
    assert check_facts(text, facts).get("flood-worry").verdict == verdict


def test_a_listed_phrasing_of_a_plain_fact_under_might_asserts_nothing():
    facts = made_up_facts(
        """
[[fact]]
id = "flood-worry"
statement = "The mayor said residents worry about flooding."
stated_as = ["worry about flooding"]
slots = { who = ["mayor"], act = ["warned"] }
"""
    )
    text = "The mayor said residents might have to worry about flooding next spring."
    assert check_facts(text, facts).get("flood-worry").verdict == "absent"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the team slot only describes the named subject: no contradiction (written
        # lowercase, as system summaries often are)
        ("the us tennis star ana lopez beat italian sara rossi on sunday .", "absent"),
        # the team itself as the subject still contradicts
        ("the us beat italy on sunday .", "contradicted"),
    ],
)
def test_a_slot_describing_a_named_subject_makes_no_contradiction(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "us-lost"
statement = "The US lost to Italy."
slots = { team = ["US"], verb = ["lost"] }
[[fact.contradiction]]
slots = { team = ["US"], verb = ["beat"] }
order = ["team", "verb"]
"""
    )
    assert check_facts(text, facts).get("us-lost").verdict == verdict
