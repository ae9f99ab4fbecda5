# ruff: noqa: E501  (test sentences are kept on one line each)
"""How far apart a claim's words may lie, and who does what, read from the parse
(harness.syntax.tree_distance, shared_subject_clause, statement_owner; harness.wording_rules
adjunct_controllers; harness.clause_rules.inner_sentence_ends), on made-up sentences about a
footballer, Okafor: a participle or purpose clause takes its subject from the clause above;
an owner is the subject of what happened to him; a "not" cut off from its verb by an aside
still negates it; a stop inside a quote ends a claim."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness import clause_rules
from harness.matcher import check_facts


@pytest.mark.parametrize(
    "text",
    [
        "Okafor suffered a serious knee injury last year.",
        "Okafor's progress was halted by a serious knee injury.",
        "Okafor has not played since March after suffering a serious knee injury.",
    ],
)
def test_an_owner_is_the_subject_of_the_agent(text):
    # the slot is the passive's agent, not the owned thing: the owner may do or suffer it
    facts = made_up_facts(
        """
[[fact]]
id = "knee"
statement = "Okafor's progress was halted by a serious knee injury."
context = ["Okafor"]
slots = { what = ["knee injury"] }
"""
    )
    assert check_facts(text, facts).get("knee").verdict == "present"


LIKENED = """
[[fact]]
id = "likened"
statement = "Okafor likened the keeper to a cat."
context = ["keeper", "goalkeeper"]
slots = { who = ["Okafor"], like = ["a cat", "cat"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a participle or purpose clause takes its subject from the clause above, however
        # far that subject stands from the clause's own slot
        (
            "Okafor took to social media to share his joy at his first league goal, "
            "comparing the keeper to a cat.",
            "present",
        ),
        (
            "Okafor went on local radio after the game on a wet Saturday evening to compare "
            "the keeper to a cat.",
            "present",
        ),
        # counted from where that clause starts, however far its verb lies from the slot
        (
            "Okafor posted a long message on social media after the final whistle on "
            "Saturday, saying the keeper was as quick as a cat.",
            "present",
        ),
        (
            "Okafor posted a long message on social media after the final whistle on "
            "Saturday, and said the keeper was as quick as a cat.",
            "present",
        ),
        # but not when the one near the subject is someone else's
        (
            "A fan who met Okafor at the ground after the final whistle on Saturday posted "
            "a message saying the keeper was as quick as a cat.",
            "absent",
        ),
        (
            "Okafor posted a long message on social media after the final whistle on "
            "Saturday, while the coach said the keeper was as quick as a cat.",
            "absent",
        ),
        # an apposition names the same thing twice
        (
            "Okafor took to social media after the final whistle on a wet Saturday evening, "
            "comparing the keeper to the famous TV character Cat.",
            "present",
        ),
        # a clause with a subject of its own does not share it
        (
            "Okafor took to social media after the final whistle on a wet Saturday evening, "
            "and his brother compared the keeper to a cat.",
            "absent",
        ),
        (
            "Okafor took to social media after the final whistle on a wet Saturday evening, "
            "his brother comparing the keeper to a cat.",
            "absent",
        ),
    ],
)
def test_a_participle_clause_shares_its_subject(text, verdict):
    assert check_facts(text, made_up_facts(LIKENED)).get("likened").verdict == verdict


OFFER = """
[[fact]]
id = "no-pay-offer"
statement = "The club offered the players no pay rise."
polarity = "negative"
context = ["club"]
slots = { what = ["pay rise"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a "not" set off from its verb by an aside still negates it
        ("He did not, however, offer that squad the club's pay rise in any talks.", "present"),
        ("He did not, in the end, offer that squad the club's pay rise in any talks.", "present"),
        ("He did, however, offer that squad the club's pay rise in all talks.", "contradicted"),
        # "w/o" is "without"
        ("New deal for the players: club offer w/o pay rise.", "present"),
        ("New deal for the players: club offer with pay rise.", "contradicted"),
    ],
)
def test_negation_set_off_by_an_aside(text, verdict):
    assert check_facts(text, made_up_facts(OFFER)).get("no-pay-offer").verdict == verdict


AGGREGATE = """
[[fact]]
id = "rovers-through"
statement = "Rovers beat Town 4-3 on aggregate."
slots = { score = ["4-3"], act = ["beat", "win", "won", "winning"] }

[[fact.contradiction]]
slots = { winner = ["Town"], act = ["beat", "win", "won", "winning"], score = ["4-3"] }
order = ["winner", "act"]
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a purpose clause or participle without a subject is its clause's subject's doing:
        # the team named before it in a place or an object is no actor of it
        ("rovers drew 2-2 in the second leg at town to win 4-3 on aggregate .", "present"),
        ("Rovers drew 2-2 away at Town, winning 4-3 on aggregate.", "present"),
        # the other side made the actor
        ("Town won 4-3 on aggregate after a 2-2 draw.", "contradicted"),
        ("Town drew 2-2 at Rovers to win 4-3 on aggregate.", "contradicted"),
    ],
)
def test_a_purpose_clause_is_its_subjects_doing(text, verdict):
    facts = made_up_facts(AGGREGATE)
    assert check_facts(text, facts).get("rovers-through").verdict == verdict


RELAYS = """
[[fact]]
id = "okafor-at-final"
statement = "Okafor will play in the cup final in Lisbon."
slots = { who = ["Okafor"], act = ["play", "playing"], event = ["in Lisbon"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a stop inside a quote ends the claim: the second sentence's "not" is its own
        (
            "'i'm happy to be part of the squad in lisbon. i am not fit and ready to play,' "
            "said okafor .",
            "absent",
        ),
        (
            "okafor will play in lisbon . 'i'm happy to be part of the squad in lisbon. i am "
            "not fit, healthy and ready to play,' said okafor .",
            "present",
        ),
        (
            "'I am proud to be here. I will not play in Lisbon,' said Okafor.",
            "contradicted",
        ),
        # an abbreviation's or an initial's dot is no stop
        ("Okafor will play in the final in Lisbon on Jan. 5, said Mr. Ruiz.", "present"),
        ("The U.S. scout said Okafor would play in Lisbon.", "present"),
    ],
)
def test_a_stop_inside_a_quote_ends_a_claim(text, verdict):
    facts = made_up_facts(RELAYS)
    assert check_facts(text, facts).get("okafor-at-final").verdict == verdict


def test_inner_sentence_ends():
    text = "'we won. we are happy,' said mr. smith of acme inc. on jan. 5 in the u.s. today"
    ends = clause_rules.inner_sentence_ends(text, 0, len(text))
    assert [text[i - 3 : i + 1] for i in ends] == ["won."]


PAYMENT = """
[[fact]]
id = "took-bribes"
statement = "Okafor accepted cash from agents."
context = ["Okafor", "he"]
slots = { what = ["cash"], act = ["accepted", "took"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a "that" clause after a denial's addressee is what is denied, not a relative clause
        (
            "okafor, of lagos, nigeria, denied to the league's disciplinary panel that he took cash from agents .",
            "contradicted",
        ),
        ("Okafor admitted to the panel that he took cash from agents.", "present"),
        ("Okafor denied that he took cash from agents.", "contradicted"),
    ],
)
def test_a_clause_after_a_denials_addressee(text, verdict):
    facts = made_up_facts(PAYMENT)
    assert check_facts(text, facts).get("took-bribes").verdict == verdict


CAPTAINCY = """
[[fact]]
id = "okafor-captain"
statement = "Okafor took over the captaincy from Bell."
slots = { holder = ["Okafor"], role = ["captaincy", "captain"] }

[[fact.contradiction]]
slots = { holder = ["Bell"], role = ["captaincy", "captain"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # two actors in one subject share what the verb says: both hold it
        ("Okafor and Bell now share the captaincy.", "contradicted"),
        # the other one handing it over is no holder
        ("Bell hands the captaincy over to Okafor.", "present"),
        ("Okafor replaced Bell as captain.", "present"),
    ],
)
def test_co_subjects_share_the_role(text, verdict):
    assert check_facts(text, made_up_facts(CAPTAINCY)).get("okafor-captain").verdict == verdict


def test_each_w_o_has_its_own_scope():
    facts = made_up_facts(
        """
[[fact]]
id = "no-pay-rise"
statement = "The squad got no pay rise."
polarity = "negative"
context = ["squad"]
slots = { what = ["pay rise"] }
"""
    )
    text = "New deal for the squad: a contract w/o bonus & w/o pay rise."
    assert check_facts(text, facts).get("no-pay-rise").verdict == "present"


TALKS = """
[[fact]]
id = "spain-chair"
statement = "Spain took over the chair of the fishing talks from Italy."
context = ["talks"]
slots = { holder = ["Spain"], role = ["chair*"] }

[[fact.contradiction]]
slots = { holder = ["Italy"], role = ["chair*"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a cleft: the "not" is the first name's, the relative clause the second's
        (
            "It was not the Republic of Italy but the Kingdom of Spain that chaired the fishing talks this time.",
            "present",
        ),
        (
            "It was not the Kingdom of Spain but the Republic of Italy that chaired the fishing talks this time.",
            "contradicted",
        ),
        ("It was not Italy but Spain that chaired the fishing talks this time.", "present"),
    ],
)
def test_a_cleft_with_not_but(text, verdict):
    assert check_facts(text, made_up_facts(TALKS)).get("spain-chair").verdict == verdict


def test_a_negation_before_a_colon_is_not_the_clause_after_its():
    facts = made_up_facts(OFFER)
    text = "He did not hesitate: the club, he said, would offer that squad no pay rise."
    assert check_facts(text, facts).get("no-pay-offer").verdict == "present"


COVER = """
[[fact]]
id = "no-cover"
statement = "The squad would have no insurance cover abroad."
polarity = "negative"
context = ["squad", "team"]
slots = { what = ["insurance cover"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a question answered in the next sentence, also by a reported "yes" or "no"
        ("Would the squad get insurance cover abroad? The minister says yes.", "contradicted"),
        ("Would the squad get insurance cover abroad? Her answer was no, and she left.", "present"),
        ("Would the squad get insurance cover abroad? No.", "present"),
        ("Would the squad get insurance cover abroad? Nobody knows.", "absent"),
        # "without" negates its own phrase, not the verb phrase after it
        ("Should a squad without its captain get insurance cover abroad? Yes.", "contradicted"),
        ("Should a squad without its captain get insurance cover abroad?", "absent"),
    ],
)
def test_a_question_answered_by_a_report(text, verdict):
    assert check_facts(text, made_up_facts(COVER)).get("no-cover").verdict == verdict


OPENER = """
[[fact]]
id = "opens-v-town"
statement = "Rovers open their campaign against Town on May 7."
slots = { act = ["open their campaign"], opp = ["Town"], date = ["May 7"] }

[[fact.contradiction]]
slots = { act = ["open their campaign"], opp = ["City", "United", "Athletic"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a rival filler the parse puts far from the shared words is a word of a list
        (
            "Rovers are in Group D alongside Town, City and the Athletic club Rovers will open their campaign against Town on May 7 Rovers are in Group D",
            "present",
        ),
        # a rival as close as the statement's own: both are said
        ("Rovers will open their campaign against City on May 7.", "contradicted"),
    ],
)
def test_a_rival_filler_far_in_the_parse(text, verdict):
    assert check_facts(text, made_up_facts(OPENER)).get("opens-v-town").verdict == verdict


ROBBED = """
[[fact]]
id = "okafor-robbed"
statement = "Okafor was robbed by two men in 2019."
slots = { victim = ["Okafor", "boy"], act = ["robbed", "mugged"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the one the statement's passive verb was done to, made its agent: another victim
        ("A shopkeeper was robbed by Okafor in 2019.", "absent"),
        ("Two men were robbed by Okafor in 2019.", "absent"),
        ("Two men robbed Okafor in 2019.", "present"),
        ("Okafor was robbed by two men in 2019.", "present"),
        # "little" after an owner is a size, not a scarce quantity
        ("Her little boy was robbed by two men in 2019.", "present"),
    ],
)
def test_a_victim_made_the_agent(text, verdict):
    assert check_facts(text, made_up_facts(ROBBED)).get("okafor-robbed").verdict == verdict


SIGN = """
[[fact]]
id = "church-did-not-pay"
statement = "The church did not pay for the sign."
polarity = "negative"
context = ["sign"]
slots = { who = ["church"], act = ["paid for", "pay for"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the speaker of a reported clause whose verb has its own subject did not do it
        ("His church says a mystery donor paid for the sign.", "absent"),
        ("The church paid for the sign.", "contradicted"),
        ("The church says it did not pay for the sign.", "present"),
    ],
)
def test_the_speaker_is_not_the_reported_actor(text, verdict):
    facts = made_up_facts(SIGN)
    assert check_facts(text, facts).get("church-did-not-pay").verdict == verdict


NO_CARS = """
[[fact]]
id = "no-cars"
statement = "The new bridge will carry no cars."
polarity = "negative"
slots = { what = ["cars", "vehicles"], act = ["using", "cross*", "carry"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the phrase after a speaker's aside is the noun's before the aside
        ("There was no question, Bell said, of cars using the new bridge.", "present"),
        ("There was no question of cars using the new bridge.", "present"),
        ("Cars will cross the new bridge, Bell said, from May.", "contradicted"),
    ],
)
def test_a_phrase_after_a_speakers_aside(text, verdict):
    assert check_facts(text, made_up_facts(NO_CARS)).get("no-cars").verdict == verdict


ACCEPTED = """
[[fact]]
id = "board-accepted"
statement = "The board accepted the recommendations."
slots = { who = ["board"], act = ["accepted"] }

[[fact]]
id = "boy-diagnosed"
statement = "Thirteen-year-old Sam was diagnosed with flu."
slots = { who = ["Sam", "boy"], ill = ["flu"] }

[[fact.contradiction]]
slots = { age = ["15-year-old", "12-year-old"], ill = ["flu"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a retraction by a verb of refusal
        (
            "The board said it had accepted the recommendations; in fact, it has rejected them.",
            "board-accepted",
            "contradicted",
        ),
        ("The board said it had accepted the recommendations.", "board-accepted", "present"),
        # a wrong age on the very word that states the fact is a contradiction of it
        (
            "Fans rallied to support a 15-year-old boy who has been diagnosed with flu.",
            "boy-diagnosed",
            "contradicted",
        ),
        (
            "Fans rallied to support a boy who has been diagnosed with flu.",
            "boy-diagnosed",
            "present",
        ),
    ],
)
def test_retraction_and_a_wrong_age(text, fact, verdict):
    assert check_facts(text, made_up_facts(ACCEPTED)).get(fact).verdict == verdict


def test_a_slot_declared_after_the_verb_is_no_actor():
    facts = made_up_facts(
        """
[[fact]]
id = "stood-on-bath"
statement = "Sam was standing on the rim of the bath when it broke."
slots = { act = ["standing"], what = ["rim", "bath"] }

[[fact.contradiction]]
slots = { act = ["standing"], thing = ["sink", "chair"] }
"""
    )
    text = "sam , 35 , was standing on the rim of a sink when it collapsed ."
    assert check_facts(text, facts).get("stood-on-bath").verdict == "contradicted"
    text = "sam , 35 , was standing on the rim of a bath when it collapsed ."
    assert check_facts(text, facts).get("stood-on-bath").verdict == "present"


CAPTAIN_OUT = """
[[fact]]
id = "captain-out"
statement = "The captain will not be in the squad for the final."
polarity = "negative"
context = ["final"]
slots = { who = ["captain"], what = ["squad"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "not excluded from X" keeps them in X; "did not exclude" leaves it open
        (
            "The coach said the captain would not be excluded from the squad for the final.",
            "contradicted",
        ),
        ("The coach did not exclude that the captain could miss the final.", "absent"),
        ("The captain was excluded from the squad for the final.", "present"),
    ],
)
def test_not_excluded_from(text, verdict):
    assert check_facts(text, made_up_facts(CAPTAIN_OUT)).get("captain-out").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a topic spoken or talked about is named, not asserted
        ("The coach also spoke about insurance cover and how the squad would travel.", "absent"),
        ("The coach talked about insurance cover for the squad abroad.", "absent"),
        ("The coach said the squad would get insurance cover abroad.", "contradicted"),
    ],
)
def test_a_topic_spoken_about(text, verdict):
    assert check_facts(text, made_up_facts(COVER)).get("no-cover").verdict == verdict


FOUND = """
[[fact]]
id = "girl-found-camera"
statement = "A girl found a hidden camera in her room."
slots = { who = ["girl"], act = ["found"], what = ["camera"] }

[[fact.contradiction]]
slots = { finder = ["police", "mother"], act = ["found"], what = ["hidden camera", "a camera"] }
order = ["finder", "act", "what"]
max_gap = 4
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # what a slot written after the verb modifies is what was acted on
        ("police found 41 videos from the hidden camera in the house .", "absent"),
        ("Police found a hidden camera in the house.", "contradicted"),
        ("A girl found a hidden camera in her room.", "present"),
    ],
)
def test_a_slot_inside_anothers_object(text, verdict):
    facts = made_up_facts(FOUND)
    assert check_facts(text, facts).get("girl-found-camera").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "not X but Y" with the same word opening both: the "not" is X's, one clause
        ("The fishing talks were chaired not by Italy but by Spain this year.", "present"),
        ("The fishing talks were chaired not by Spain but by Italy this year.", "contradicted"),
        ("The fishing talks were not chaired by Spain this year.", "contradicted"),
    ],
)
def test_not_x_but_y(text, verdict):
    assert check_facts(text, made_up_facts(TALKS)).get("spain-chair").verdict == verdict


def test_a_wrong_date_declared_first_is_no_actor():
    facts = made_up_facts(
        """
[[fact]]
id = "sam-diagnosed"
statement = "Sam was diagnosed with flu on Christmas Eve."
slots = { who = ["Sam"], ill = ["flu"] }

[[fact.contradiction]]
slots = { when = ["Christmas Day", "Boxing Day"], ill = ["flu"] }
"""
    )
    text = "A card has appeared for 15-year-old Sam Martin, who was diagnosed with flu on Christmas Day."
    assert check_facts(text, facts).get("sam-diagnosed").verdict == "contradicted"
    text = "A card has appeared for Sam Martin, who was diagnosed with flu on Christmas Eve."
    assert check_facts(text, facts).get("sam-diagnosed").verdict == "present"


def test_a_rival_filler_beyond_max_gap():
    facts = made_up_facts(
        """
[[fact]]
id = "fathers-leap"
statement = "The photos show fathers leaping into the air next to their daughters."
slots = { who = ["fathers"], act = ["leaping"] }

[[fact.contradiction]]
slots = { who = ["teenagers", "daughters"], act = ["leaping"] }
order = ["who", "act"]
max_gap = 3
"""
    )
    # the statement's filler is right by the verb; the rival only the parse joins to it
    text = "the images capture po-faced teenagers pictured next to their fathers leaping into the air ."
    assert check_facts(text, facts).get("fathers-leap").verdict == "present"
    text = "the images capture teenagers leaping into the air next to their fathers ."
    assert check_facts(text, facts).get("fathers-leap").verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a pronoun subject is not its own verb's named object
        ("The board met on Monday. He will replace Okafor as captain.", "absent"),
        ("Okafor will replace Bell as captain.", "present"),
    ],
)
def test_a_pronoun_subject_is_not_the_object(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "okafor-replaces"
statement = "Okafor will replace Bell as captain."
slots = { who = ["Okafor"], act = ["replace"] }
"""
    )
    assert check_facts(text, facts).get("okafor-replaces").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "no reason why X" says X should not be; "no reason why X should not" that it should
        (
            "The coach saw no reason why the captain should not be in the squad for the final.",
            "contradicted",
        ),
        (
            "The coach saw no reason why the captain should be in the squad for the final.",
            "present",
        ),
        # a negated auxiliary does not reach past another tensed verb of its own
        ("Final news: Bell won't play, the captain won't be in the squad either.", "present"),
        ("Final news: Bell won't play, the captain will be in the squad.", "contradicted"),
    ],
)
def test_no_reason_why_and_a_negated_auxiliary(text, verdict):
    assert check_facts(text, made_up_facts(CAPTAIN_OUT)).get("captain-out").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a one-word answer before a dash or comma answers; it negates nothing after it
        (
            "Would the squad get insurance cover abroad? No - the squad would not get insurance cover.",
            "present",
        ),
        (
            "Would the squad get insurance cover abroad? Yes, the squad would get insurance cover.",
            "contradicted",
        ),
        # each conjunct's own negation: "excluding X and lacking Y"
        (
            "Excluding its captain and lacking insurance cover abroad, the squad left on Monday.",
            "present",
        ),
    ],
)
def test_an_answer_word_and_parallel_negations(text, verdict):
    assert check_facts(text, made_up_facts(COVER)).get("no-cover").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "unless C" on the fact's own condition "if C" turns the claim round
        ("The squad would lack insurance cover unless it travelled abroad.", "contradicted"),
        ("The squad would have insurance cover unless it travelled abroad.", "present"),
        ("The squad would lack insurance cover if it travelled abroad.", "present"),
        # another condition does not turn it round, but it allows the claim the fact denies
        # ("would not join unless the town asked"): contradicted all the same
        ("The squad would lack insurance cover unless the board agreed to pay.", "contradicted"),
    ],
)
def test_the_facts_own_condition_turned_round(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "no-cover-abroad"
statement = "The squad would have no insurance cover if it travelled abroad."
polarity = "negative"
context = ["squad"]
slots = { what = ["insurance cover"] }
"""
    )
    assert check_facts(text, facts).get("no-cover-abroad").verdict == verdict


def test_an_actor_slot_that_is_another_verbs_subject():
    facts = made_up_facts(
        """
[[fact]]
id = "parents-rescued"
statement = "The boy's parents rescued him before firefighters arrived."
slots = { who = ["parents"], act = ["rescued", "pulled him to safety", "jumped in"] }

[[fact.contradiction]]
slots = { rescuer = ["firefighters", "paramedics"], act = ["rescued", "pulled him to safety", "jumped in"] }
"""
    )
    text = "his parents jumped in and pulled him to safety before paramedics arrived ."
    assert check_facts(text, facts).get("parents-rescued").verdict == "present"
    text = "Paramedics pulled him to safety."
    assert check_facts(text, facts).get("parents-rescued").verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "leave out" excludes ("left out of pocket" is an idiom of loss); each "non-" is its
        # own word's
        ("The squad travels with a policy that leaves out insurance cover abroad.", "present"),
        # ... and so does "leave X out of" a named whole
        ("The squad's policy leaves insurance cover abroad out of it entirely.", "present"),
        ("The squad's policy leaves insurance cover abroad out of the deal.", "present"),
        # a verb of taking away denies what its "of" names
        ("Stripped of insurance cover abroad, the squad flew home.", "present"),
        ("The new deal strips the squad of insurance cover abroad.", "present"),
        ("The squad was deprived of its insurance cover abroad.", "present"),
        (
            "Fans left out of pocket were promised insurance cover abroad for the squad.",
            "contradicted",
        ),
        ("The squad flies with a non-refundable, non-insurance cover ticket abroad.", "present"),
    ],
)
def test_leave_out_and_each_non(text, verdict):
    assert check_facts(text, made_up_facts(COVER)).get("no-cover").verdict == verdict


def test_a_negation_inside_the_phrasing():
    facts = made_up_facts(
        """
[[fact]]
id = "fatter"
statement = "Babies given the drug are more likely to be fat."
context = ["babies"]
slots = { drug = ["drug"], outcome = ["more likely to be fat"] }
"""
    )
    # "no more likely": the "no" sits on a word inside the phrasing, not on its head
    text = "babies given the drug are no more likely to be fat as toddlers ."
    assert check_facts(text, facts).get("fatter").verdict != "present"
    text = "babies given the drug are more likely to be fat as toddlers ."
    assert check_facts(text, facts).get("fatter").verdict == "present"


WON_BY_TWO = """
[[fact]]
id = "won"
statement = "Rovers beat Albion 2-0 on Saturday."
slots = { act = ["beat", "win over", "victory over"], opp = ["Albion"], score = ["2-0"] }

[[fact.contradiction]]
slots = { act = ["beat", "win over", "victory over"], opp = ["Albion"], score = ["1-0", "3-0", "3-1", "2-1"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the nil of a score is no "zero" cue: a wrong score stays a wrong score
        ("Okafor played his 40th game in the 3-0 win over Albion on Saturday.", "contradicted"),
        ("Okafor played his 40th game in the 3–0 win over Albion on Saturday.", "contradicted"),
        ("Okafor played his 40th game in the 2-0 win over Albion on Saturday.", "present"),
        # a bare 0 before a noun still counts nothing
        ("Rovers had 0 shots on target against Albion.", "absent"),
    ],
)
def test_a_score_nil_negates_nothing(text, verdict):
    assert check_facts(text, made_up_facts(WON_BY_TWO)).get("won").verdict == verdict


LOST_FINAL = """
[[fact]]
id = "lost"
statement = "Rovers lost the final to Albion."
context = ["final"]
slots = { who = ["Rovers"], act = ["lost", "beaten"] }

[[fact.contradiction]]
slots = { who = ["Albion"], act = ["were beaten", "lost"] }

[[fact.contradiction]]
order = ["club", "act", "coach"]
slots = { club = ["Albion"], act = ["was sacked by", "were sacked by"], coach = ["Okafor"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a passive phrasing's slot is who suffered it, not the agent of the same verb
        ("The hosts were beaten in the final by Albion.", "absent"),
        ("Rovers were beaten 2-0 in the final by Albion.", "present"),
        ("Albion were beaten in the final.", "contradicted"),
        # ... unless the phrasing holds the "by" itself
        ("After the final, Albion were sacked by Okafor.", "contradicted"),
    ],
)
def test_a_passive_phrasing_wants_the_sufferer(text, verdict):
    assert check_facts(text, made_up_facts(LOST_FINAL)).get("lost").verdict == verdict


DOUBLES = """
[[fact]]
id = "doubles"
statement = "Okafor and Ana Bell lost the doubles to Mia Ruiz and Flavia Lopes."
context = ["doubles"]
slots = { who = ["Okafor and Ana Bell", "Ana Bell"], act = ["lost", "thrashed", "beaten"] }

[[fact.contradiction]]
order = ["winner", "act", "loser"]
slots = { winner = ["Okafor and Ana Bell"], act = ["beat", "thrashed"], loser = ["Mia Ruiz and Flavia Lopes"] }
"""


def test_a_passive_agent_hung_apart_by_the_parse_is_still_the_agent():
    # the parse hangs "flavia" on the verb, away from "by": the slot is still the agent
    text = "okafor and ana bell were thrashed 6-0 6-3 in the doubles rubber by mia ruiz and flavia lopes ."
    assert check_facts(text, made_up_facts(DOUBLES)).get("doubles").verdict == "present"


LEASE = """
[[fact]]
id = "lease"
statement = "The club took over the lease of the ground from the council."
context = ["ground"]
slots = { holder = ["club"], what = ["lease"] }
"""


@pytest.mark.parametrize(
    "text",
    [
        "The deal saw the club hand the lease of the ground to the council.",
        "Summary: The deal saw the club hand the lease of the ground to the council.",
        "**Summary:** The deal saw the club hand the lease of the ground to the council.",
        "TL;DR: The deal saw the club hand the lease of the ground to the council.",
    ],
)
def test_a_heading_before_a_colon_labels_nothing(text):
    # the sentence after a heading is read as it would be alone: the club gave the lease away
    assert check_facts(text, made_up_facts(LEASE)).get("lease").verdict == "contradicted"


def test_a_verbless_fragment_hung_on_the_verb_as_a_subject_negates_nothing():
    # the parse makes "no pets" a first subject of "said": the coach is its subject
    text = "TL;DR: no pets on the plane, and the coach said the squad had insurance cover abroad."
    assert check_facts(text, made_up_facts(COVER)).get("no-cover").verdict == "contradicted"


BEAT = """
[[fact]]
id = "won"
statement = "Rovers beat Albion 2-0 on Saturday."
slots = { winner = ["Rovers"], act = ["beat", "defeated", "knocked out"], loser = ["Albion"] }

[[fact]]
id = "beaten"
statement = "Rovers were beaten 2-0 by Albion."
slots = { loser = ["Rovers"], act = ["beaten", "defeated"], winner = ["Albion"] }

[[fact]]
id = "side"
statement = "The Rovers side defeated the Albion side 2-0."
slots = { winner = ["Rovers"], act = ["beat", "defeated"], loser = ["Albion"] }

[[fact]]
id = "met"
statement = "Rovers met Albion in the final."
slots = { who = ["Rovers"], act = ["met", "faced"], whom = ["Albion"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # the fact's doer made the one it is done to: the roles are swapped
        ("Albion beat Rovers 2-0 on Saturday.", "won", "contradicted"),
        ("Albion defeated Rovers in the cup.", "won", "contradicted"),
        ("Rovers were defeated by Albion.", "won", "contradicted"),
        ("Rovers beat Albion 2-0.", "won", "present"),
        ("Albion were defeated by Rovers.", "won", "present"),
        # ... and a passive statement's sides swapped in the same passive
        ("Albion were beaten 2-0 by Rovers on Saturday.", "beaten", "contradicted"),
        ("Rovers were beaten 2-0 by Albion on Saturday.", "beaten", "present"),
        # ... or made the agent of the claim's passive verb wherever the actor stands
        ("Rovers were top of the league when they were defeated by Albion.", "won", "contradicted"),
        # ... a slot naming only a modifier of the doer ("the Rovers side")
        ("Albion defeated the Rovers side in the cup.", "side", "contradicted"),
        ("The Rovers side defeated Albion in the cup.", "side", "present"),
        # ... never for a verb whose two sides may trade places
        ("Albion met Rovers in the final.", "met", "present"),
        ("Albion faced Rovers in the final.", "met", "present"),
    ],
)
def test_swapped_roles_contradict(text, fact, verdict):
    assert check_facts(text, made_up_facts(BEAT)).get(fact).verdict == verdict


def test_a_negation_inside_a_later_condition_is_not_the_claims():
    facts = made_up_facts(
        """
[[fact]]
id = "no-cars"
statement = "The new bridge would carry no cars."
polarity = "negative"
context = ["bridge"]
slots = { what = ["cars", "vehicles", "traffic"] }
"""
    )
    # the word rules' "vehicles" inside the condition is not the parse's "cars"
    text = "The bridge would take cyclists, and cars would use it if the ferry could not carry enough vehicles."
    assert check_facts(text, facts).get("no-cars").verdict == "contradicted"
    text = "The bridge would take cyclists and would carry no cars."
    assert check_facts(text, facts).get("no-cars").verdict == "present"


@pytest.mark.parametrize(
    ("text", "earlier", "kept"),
    [
        # each negation of a list is its own item's, however the parse hangs the items
        ("hotel yes but no pets, no insurance cover abroad.", "pets", ["no"]),
        (
            "Excluding pets and lacking insurance cover abroad, the squad flew home.",
            "Excluding",
            ["lacking"],
        ),
        # a verb between them: two clauses, both cues stand
        ("No pets came, and no insurance cover was bought.", "pets", ["pets", "no"]),
    ],
)
def test_listed_negations_keep_the_items_own_cue(text, earlier, kept):
    from harness import syntax

    doc = syntax.parse(text)
    words = [t.text for t in doc]
    inside = {words.index("insurance"), words.index("cover")}
    own = max(i for i in range(min(inside)) if words[i].lower() in ("no", "lacking"))
    negs = [(words.index(earlier), earlier), (own, words[own])]
    assert [t for _, t in syntax._listed_negations(negs, inside, doc)] == kept


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a negative fact's claim left possible contradicts it: it says the thing will not be
        ("The coach did not rule out insurance cover abroad for the squad.", "contradicted"),
        ("The coach refused to rule out insurance cover abroad for the squad.", "contradicted"),
        # ... an open question or a plain hedge asserts nothing
        ("Will the squad have insurance cover abroad?", "absent"),
        ("The squad may need insurance cover abroad, the coach said.", "absent"),
    ],
)
def test_a_negative_fact_left_possible_is_contradicted(text, verdict):
    assert check_facts(text, made_up_facts(COVER)).get("no-cover").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a negative fact's claim denied by any cue but allowed "unless" something happens
        # may come true: it contradicts the fact that it will not
        (
            "The coach said insurance cover abroad would be withheld from the squad unless the club paid.",
            "contradicted",
        ),
        (
            "The coach said the squad would have no insurance cover abroad unless the club paid.",
            "contradicted",
        ),
        ("The coach said the squad would have no insurance cover abroad.", "present"),
    ],
)
def test_a_denied_claim_allowed_unless_something_happens(text, verdict):
    assert check_facts(text, made_up_facts(COVER)).get("no-cover").verdict == verdict


MICROPHONE = """
[[fact]]
id = "cleaner-found"
statement = "A cleaner found a hidden microphone in the office."
context = ["microphone", "office"]
slots = { who = ["cleaner"], act = ["found", "discovered"], what = ["microphone"] }
[[fact.contradiction]]
slots = { who = ["detectives", "police"], act = ["found", "discovered"], what = ["microphone"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a slot in a "from" phrase of the verb's object is a source, not what was found,
        # in a declared contradiction too
        ("Detectives found 12 recordings from the hidden microphone in the office.", "absent"),
        ("Detectives found the hidden microphone in the office.", "contradicted"),
        ("A cleaner found the hidden microphone in the office.", "present"),
    ],
)
def test_a_source_phrase_is_not_what_a_contradiction_acts_on(text, verdict):
    facts = made_up_facts(MICROPHONE)
    assert check_facts(text, facts).get("cleaner-found").verdict == verdict


SACKED = """
[[fact]]
id = "sacked"
statement = "Rovers sacked Ruiz for the second time."
slots = { act = ["sacked", "fired"], who = ["Ruiz"], twice = ["second time", "again"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # with no slot for the doer, the one it is done to made the agent of the claim's
        # passive verb swaps the roles
        ("The club have been sacked by Ruiz for the second time.", "contradicted"),
        ("Ruiz has been sacked by the club for the second time.", "present"),
        ("The club sacked Ruiz again on Friday.", "present"),
    ],
)
def test_the_receiver_made_the_agent_with_no_doer_slot(text, verdict):
    assert check_facts(text, made_up_facts(SACKED)).get("sacked").verdict == verdict


ROBBED_DRIVER = """
[[fact]]
id = "tried-to-rob"
statement = "The suspects tried to rob the driver."
slots = { who = ["suspects", "gang"], act = ["rob", "robbed"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the actor made the object of the claim's own verb by another subject: swapped
        ("The driver said the cabbie had tried to rob the suspects.", "contradicted"),
        ("The driver said he had tried to rob the suspects.", "absent"),  # he may be anyone
        ("The fire was lit after the driver attempted to rob the suspects.", "contradicted"),
        ("The suspects tried to rob the driver.", "present"),
        # only beside the claim's own verb: "in front of the suspects" names no victim
        ("A tourist tried to rob a shop in front of the suspects.", "absent"),
    ],
)
def test_the_actor_made_the_object_of_the_claims_verb(text, verdict):
    facts = made_up_facts(ROBBED_DRIVER)
    assert check_facts(text, facts).get("tried-to-rob").verdict == verdict


WINLESS = """
[[fact]]
id = "winless"
statement = "Rovers' winless run was extended to five matches."
slots = { team = ["Rovers"], run = ["winless run", "winless streak"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a possessive pronoun gives the owned slot to the subject of its verb
        ("Albion ended their winless run with a victory over Rovers.", "absent"),
        ("albion ended their winless streak at home with a victory over rovers .", "absent"),
        ("Rovers extended their winless run to five matches.", "present"),
        ("Rovers' winless run goes on after a defeat by Albion.", "present"),
    ],
)
def test_a_possessive_pronoun_gives_the_owned_slot_to_its_subject(text, verdict):
    assert check_facts(text, made_up_facts(WINLESS)).get("winless").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a later statement that corrects an earlier one ("in fact", "actually") wins,
        # though only the sentence before gives its topic
        (
            "The mayor said the new bridge would carry no cars. Later he said cars would in fact use it.",
            "contradicted",
        ),
        ("The mayor said the new bridge would carry no cars. In fact, it opens in May.", "present"),
    ],
)
def test_a_later_correction_wins(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "no-cars"
statement = "The new bridge will carry no cars."
polarity = "negative"
context = ["bridge"]
slots = { what = ["cars", "vehicles"], act = ["use", "carry", "cross"] }
"""
    )
    assert check_facts(text, facts).get("no-cars").verdict == verdict


BEAT_NO_DOER = """
[[fact]]
id = "beat-albion"
statement = "Rovers beat Albion 2-0 at home."
slots = { act = ["beat", "defeated"], opp = ["Albion"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # with no slot for the doer, the one it is done to made the subject of the claim's
        # own verb swaps the roles
        ("Albion beat Rovers 2-0 at home.", "contradicted"),
        ("Rovers beat Albion 2-0 at home.", "present"),
        ("Albion were defeated 2-0 by Rovers.", "present"),
        # a verb whose two sides may trade places swaps nothing
        ("Albion met Rovers at home.", "absent"),
    ],
)
def test_the_receiver_made_the_subject_with_no_doer_slot(text, verdict):
    assert check_facts(text, made_up_facts(BEAT_NO_DOER)).get("beat-albion").verdict == verdict
