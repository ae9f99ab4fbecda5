# ruff: noqa: E501  (test sentences are kept on one line each)
"""Rules of harness.wording_rules, on sentences written for them about made-up topics (a
library's staff and its grants, a sailing club): a figure that only measures the noun of
its "in"/"of" phrase; "# " before a figure as a pound sign; and the rules of
harness.undone_rules (sought, asked for, aimed at, near: not done)."""

from __future__ import annotations

import pytest
from conftest import made_up_facts, parsed_facts

from harness.matcher import check_facts
from harness.wording_rules import currency_signs, ing_forms, privative_statement

LIBRARY = """
[[fact]]
id = "staff-bonuses"
statement = "Staff at the library received bonuses."
slots = { who = ["staff", "librarians"], got = ["bonus*"] }
"""


@pytest.fixture(scope="module")
def library():
    return parsed_facts(LIBRARY)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # slots further apart than max_gap, joined through a coordinated verb and a figure
        # that only measures the bonuses
        (
            "librarians at the county library in the north opened a £ 2 million reading room during the spring , received up to £ 900 in bonuses .",
            "present",
        ),
        # the same, written as tokenized news text writes the pound sign
        (
            "librarians at the county library in the north opened a # 2 million reading room during the spring , received up to # 900 in bonuses .",
            "present",
        ),
        # one subject and its verb, the figure between verb and noun
        (
            "The librarians at the county library in the north of the town received as much as £900 in bonuses.",
            "present",
        ),
        # ... and denied, it contradicts
        (
            "the librarians at the county library in the north of the town did not receive as much as # 900 in bonuses .",
            "contradicted",
        ),
    ],
)
def test_a_figure_that_measures_its_noun(library, text, verdict):
    assert check_facts(text, library).get("staff-bonuses").verdict == verdict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a # 42 million grant", "a £ 42 million grant"),
        ("up to # 900 in bonuses", "up to £ 900 in bonuses"),
        ("#1 seed", "#1 seed"),  # "number one", no amount
        ("the club's #sailing tag", "the club's #sailing tag"),
        ("no hash here", "no hash here"),
    ],
)
def test_hash_before_a_spaced_figure_is_a_pound_sign(text, expected):
    out = currency_signs(text)
    assert out == expected
    assert len(out) == len(text)


SAILING = """
[[fact]]
id = "no-refund"
statement = "The sailing club refused to refund the members whose races were cancelled."
polarity = "negative"
slots = { who = ["club", "committee"], give = ["refund*", "reimburse*"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the infinitive after "for X to" is what the request asks for, however far the
        # parse hangs it from the request noun ("those left out of pocket to be reimbursed")
        (
            "The club rejected a demand by the members of the harbour board for all those left out of pocket to be reimbursed.",
            "present",
        ),
        (
            "the club turned down an appeal from the youngest sailors of the summer regatta for everyone left stranded to be refunded .",
            "present",
        ),
        # the request granted: the claim is asserted, the opposite of the fact
        (
            "The club granted a demand by the members of the harbour board for all those left out of pocket to be reimbursed.",
            "contradicted",
        ),
    ],
)
def test_the_content_of_a_request_noun(text, verdict):
    facts = made_up_facts(SAILING)
    assert check_facts(text, facts).get("no-refund").verdict == verdict


ORCHESTRA = """
[[fact]]
id = "lose-fees"
statement = "The orchestra's players will lose their $2,000 touring fees if the tour is cancelled."
slots = { amount = ["$2,000", "2,000"], fee = ["fees", "fee"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # miss out on X = not get X = lose X: the verb's negation of its object is the fact's
        (
            "The orchestra's players will miss out on $2,000 fees if the tour is cancelled.",
            "present",
        ),
        (
            "the players will forfeit their $ 2,000 touring fees if the tour is called off .",
            "present",
        ),
        ("The players will lose their $2,000 fees if the tour is cancelled.", "present"),
        # a further negation denies it
        (
            "The players will not miss out on their $2,000 fees even if the tour is cancelled.",
            "contradicted",
        ),
        ("The players will not lose their $2,000 fees if the tour is cancelled.", "contradicted"),
    ],
)
def test_a_verb_of_losing_states_a_fact_of_losing(text, verdict):
    facts = made_up_facts(ORCHESTRA)
    assert check_facts(text, facts).get("lose-fees").verdict == verdict


def test_a_verb_of_missing_still_denies_a_fact_of_getting():
    facts = made_up_facts(
        """
[[fact]]
id = "get-fees"
statement = "The orchestra's players will get their $2,000 touring fees."
slots = { amount = ["$2,000", "2,000"], fee = ["fees", "fee"] }
"""
    )
    text = "The orchestra's players will miss out on their $2,000 fees."
    # denied by the parse (the word rules alone do not read "miss" so: set aside, absent)
    assert check_facts(text, facts).get("get-fees").verdict in ("absent", "contradicted")


@pytest.mark.parametrize(
    ("statement", "privative"),
    [
        ("The players will lose their fees.", True),
        ("The choir lacked a conductor for the fees.", True),
        ("The players will not lose their fees.", False),  # negated: not a fact of losing
        ("The players will get their fees.", False),
    ],
)
def test_privative_statement(statement, privative):
    a = statement.index("fees")
    assert privative_statement(statement, ((a, a + 4),)) is privative


NEIGHBOURS = """
[[fact]]
id = "lee-sued"
statement = "Ann Lee sued her neighbour over the fence."
slots = { who = ["Ann Lee", "Lee"], act = ["sued", "sues", "lawsuit", "suit"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a fronted frame says where the clause is told, not that its subject did the act
        ("In the lawsuit, Ann Lee used her savings to build a fence.", "absent"),
        ("in the lawsuit , ann lee bought a new fence for the garden .", "absent"),
        # the subject's own act, or the noun that is hers: the fact
        ("In the spring, Ann Lee sued her neighbour over the fence.", "present"),
        ("In the lawsuit, Ann Lee sues her neighbour over the fence.", "present"),
        ("Ann Lee filed a lawsuit against her neighbour.", "present"),
        ("Ann Lee won the lawsuit against her neighbour.", "present"),
    ],
)
def test_a_fronted_frame_is_no_act_of_the_subject(text, verdict):
    facts = made_up_facts(NEIGHBOURS)
    assert check_facts(text, facts).get("lee-sued").verdict == verdict


MARKET = """
[[fact]]
id = "no-pay"
statement = "The stallholders have not received any compensation."
polarity = "negative"
slots = { who = ["stallholders", "traders"], got = ["compensation", "compensated", "refund*"] }

[[fact]]
id = "bonus"
statement = "Managers at the market received bonuses."
slots = { who = ["managers", "bosses"], got = ["bonus*"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # what is sought, asked for, awaited or owed is not yet had: neither way
        ("The stallholders are seeking compensation.", "no-pay", "absent"),
        ("The stallholders are demanding compensation from the council.", "no-pay", "absent"),
        ("The stallholders are calling for compensation.", "no-pay", "absent"),
        ("the stallholders applied for compensation last week .", "no-pay", "absent"),
        ("The stallholders are entitled to compensation.", "no-pay", "absent"),
        ("The stallholders were promised compensation.", "no-pay", "absent"),
        ("The stallholders are still waiting for compensation.", "no-pay", "absent"),
        ("Managers asked for bonuses.", "bonus", "absent"),
        ("Managers are waiting for their bonuses.", "bonus", "absent"),
        # had, or plainly not had: the fact or its opposite as before
        ("The stallholders received compensation.", "no-pay", "contradicted"),
        ("The stallholders have had no compensation.", "no-pay", "present"),
        ("Managers were paid bonuses.", "bonus", "present"),
        ("Managers did not get bonuses.", "bonus", "contradicted"),
    ],
)
def test_what_is_sought_is_not_had(text, fact, verdict):
    facts = made_up_facts(MARKET)
    assert check_facts(text, facts).get(fact).verdict == verdict


def test_a_wish_about_an_act_is_no_sought_object():
    facts = made_up_facts(
        """
[[fact]]
id = "no-touch"
statement = "The diver did not want to touch the coral."
polarity = "negative"
slots = { who = ["diver"], act = ["touch", "touching"], what = ["coral", "reef"] }
"""
    )
    text = "The diver had stayed above the reef because she did not want to touch the coral."
    assert check_facts(text, facts).get("no-touch").verdict == "present"


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a noun of refusal or failure whose infinitive holds the claim denies it
        (
            "The market's failure to pay the managers their bonuses angered staff.",
            "bonus",
            "contradicted",
        ),
        (
            "The market's refusal to pay the managers their bonuses angered staff.",
            "bonus",
            "contradicted",
        ),
        (
            "The council's failure to pay the stallholders any compensation drew criticism.",
            "no-pay",
            "present",
        ),
        # the noun with no infinitive of the claim, or the claim outside it: as before
        ("Despite the market's failure, the managers received bonuses.", "bonus", "present"),
    ],
)
def test_a_noun_of_refusal_or_failure_denies_its_infinitive(text, fact, verdict):
    facts = made_up_facts(MARKET)
    assert check_facts(text, facts).get(fact).verdict == verdict


TOWN = """
[[fact]]
id = "mayor-resigned"
statement = "The mayor resigned after the scandal."
slots = { who = ["mayor"], act = ["resigned", "resign*", "resignation", "stepped down", "quit"] }

[[fact]]
id = "asked-drop"
statement = "The residents asked the court to drop the case."
slots = { who = ["residents"], act = ["drop", "dropped", "throw out"], what = ["case", "charges"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # asked for, urged or pressed for: not done
        ("The council urged the mayor to resign.", "mayor-resigned", "absent"),
        ("Calls for the mayor to resign grew.", "mayor-resigned", "absent"),
        ("The mayor is under pressure to resign.", "mayor-resigned", "absent"),
        ("The mayor has been asked to resign.", "mayor-resigned", "absent"),
        # done: as before
        ("The mayor resigned after the council urged him to go.", "mayor-resigned", "present"),
        ("The mayor was forced to resign.", "mayor-resigned", "present"),
        # the request denied: the double negation stands
        ("The mayor rejected calls to resign.", "mayor-resigned", "contradicted"),
        # a fact that is itself a request, worded as one (with another verb of asking)
        ("The residents urged the court to drop the case.", "asked-drop", "present"),
        ("the residents asked the court to throw out the case .", "asked-drop", "present"),
    ],
)
def test_what_is_asked_for_is_not_done(text, fact, verdict):
    facts = made_up_facts(TOWN)
    assert check_facts(text, facts).get(fact).verdict == verdict


def test_a_request_states_a_fact_about_a_wish():
    facts = made_up_facts(
        """
[[fact]]
id = "no-fine"
statement = "The shop owners do not want the fine."
polarity = "negative"
slots = { who = ["owners"], want = ["want*", "seek*"], what = ["fine"] }
stated_as = ["scrapped", "withdrawn"]
"""
    )
    text = "The owners urged the council to have the fine withdrawn."
    assert check_facts(text, facts).get("no-fine").verdict == "present"


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("lavished", ["lavishing"]),
        ("involved", ["involving"]),
        ("stopped", ["stopping"]),
        ("carried", ["carrying"]),
        ("agreed", ["agreeing"]),
        ("freed", []),  # too short to tell from "feed"/"need" forms
        ("bought", []),  # irregular: list its forms
        ("red", []),
    ],
)
def test_ing_forms_of_a_regular_past(word, forms):
    assert ing_forms(word) == forms


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a regular past listed, its "-ing" form found: participle, gerund, nominalisation
        ("The chef was accused of lavishing truffles on the critics.", "present"),
        ("the chef , lavishing truffles on the critics , won a star .", "present"),
        ("The chef lavished truffles on the critics.", "present"),
        # ... and denied as before
        ("The chef denied lavishing truffles on the critics.", "contradicted"),
    ],
)
def test_a_listed_past_finds_its_ing_form(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "truffles"
statement = "The chef lavished truffles on the critics."
slots = { act = ["lavished", "served"], what = ["truffles"] }
"""
    )
    assert check_facts(text, facts).get("truffles").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the gerund after a preposition has the clause's subject: the Rovers won
        (
            "The Rovers are through to the final after edging the Wanderers 3-2 over two legs.",
            "present",
        ),
        ("the rovers reached the final by beating the wanderers 3-2 on aggregate .", "present"),
        # the other side winning: the declared contradiction
        ("The Wanderers beat the Rovers 3-2 on aggregate.", "contradicted"),
    ],
)
def test_the_understood_subject_of_a_gerund_after_a_preposition(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "rovers-won"
statement = "The Rovers beat the Wanderers 3-2 on aggregate."
slots = { score = ["3-2"], agg = ["aggregate", "over two legs"] }

[[fact.contradiction]]
slots = { team = ["Wanderers"], act = ["won", "beat", "edged"], score = ["3-2"] }
max_gap = 8
"""
    )
    assert check_facts(text, facts).get("rovers-won").verdict == verdict


BAKERY = """
[[fact]]
id = "won-award"
statement = "The bakery won the regional award."
slots = { who = ["bakery"], act = ["won", "win*"], what = ["award", "prize"] }

[[fact]]
id = "will-open"
statement = "The bakery will open a second shop."
slots = { who = ["bakery"], act = ["open*"], what = ["second shop"] }

[[fact]]
id = "record-holder"
statement = "The record for the longest loaf is held by Ida Moss."
slots = { what = ["record", "longest loaf"], who = ["Ida Moss"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # aimed at, wished for or tried: not done, negated or not
        ("The bakery wants to win the award.", "won-award", "absent"),
        ("The bakery is keen to win the award.", "won-award", "absent"),
        ("The bakery is hoping to win the prize this year.", "won-award", "absent"),
        ("The bakery does not want to win the award.", "won-award", "absent"),
        # done: as before
        ("The bakery went on to win the award.", "won-award", "present"),
        ("The bakery won the award it had wanted for years.", "won-award", "present"),
        ("The bakery failed to win the award.", "won-award", "contradicted"),
        # a fact about the future is stated by the intention
        ("The bakery plans to open a second shop.", "will-open", "present"),
        # what the aim's noun phrase takes for granted is no aim
        (
            "The bakery is aiming to beat the record for the longest loaf, held by Ida Moss.",
            "record-holder",
            "present",
        ),
    ],
)
def test_what_is_aimed_at_is_not_done(text, fact, verdict):
    facts = made_up_facts(BAKERY)
    assert check_facts(text, facts).get(fact).verdict == verdict


MUSEUM = """
[[fact]]
id = "guard-took"
statement = "The guard stole the painting."
slots = { who = ["guard"], act = ["stole", "stealing", "theft"], what = ["painting"] }

[[fact]]
id = "home-win"
statement = "Rovers beat United 2-0 at home."
slots = { act = ["beat", "won", "win"], opp = ["United"] }

[[fact]]
id = "no-deal"
statement = "The gallery has not agreed a loan with the museum."
polarity = "negative"
slots = { who = ["gallery"], deal = ["loan", "agreement"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # cleared of it, or unable to do it: denied (both readings agree: contradicted)
        ("The guard was cleared of stealing the painting.", "guard-took", "contradicted"),
        ("The guard was acquitted of the theft of the painting.", "guard-took", "contradicted"),
        ("Rovers were unable to beat United.", "home-win", "contradicted"),
        # found guilty, or able: as before
        ("The guard was found guilty of stealing the painting.", "guard-took", "present"),
        ("Rovers were able to beat United.", "home-win", "present"),
        # close to it, or talks over it: not yet, neither way
        ("The gallery is close to a loan with the museum.", "no-deal", "absent"),
        ("The gallery is on the verge of an agreement with the museum.", "no-deal", "absent"),
        ("The gallery is in talks over a loan with the museum.", "no-deal", "absent"),
        ("The gallery is negotiating a loan with the museum.", "no-deal", "absent"),
        ("The gallery has agreed a loan with the museum.", "no-deal", "contradicted"),
    ],
)
def test_cleared_unable_close_to_in_talks(text, fact, verdict):
    facts = made_up_facts(MUSEUM)
    assert check_facts(text, facts).get(fact).verdict == verdict


NOT_LEAVING = """
[[fact]]
id = "not-leaving"
statement = "The coach is not leaving the club."
polarity = "negative"
slots = { who = ["coach", "Moss"], leave = ["leaving", "leave", "move"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a closer refused leaves the question open, as a closer denied does: the negative
        # fact's claim left possible contradicts it
        ("Moss refused to rule out leaving the club.", "contradicted"),
        ("Moss declined to rule out a move away from the club.", "contradicted"),
        ("Moss did not rule out leaving the club.", "contradicted"),
        # the closer itself, or a plain refusal: as before
        ("Moss has ruled out leaving the club.", "present"),
        ("Moss refused to leave the club.", "present"),
        ("Moss confirmed he is leaving the club.", "contradicted"),
    ],
)
def test_a_refused_closer_leaves_the_question_open(text, verdict):
    facts = made_up_facts(NOT_LEAVING)
    assert check_facts(text, facts).get("not-leaving").verdict == verdict


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a degree denied: hurt, but not badly, which is neither fact nor its opposite
        ("The cyclist was not seriously injured in the fall.", "not-hurt", "absent"),
        ("The cyclist was not badly hurt.", "not-hurt", "absent"),
        ("The cyclist was not seriously injured in the fall.", "hurt", "absent"),
        # the plain negation: as before
        ("The cyclist was not injured in the fall.", "not-hurt", "present"),
        ("The cyclist was not injured in the fall.", "hurt", "contradicted"),
    ],
)
def test_a_negated_degree_denies_the_degree(text, fact, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "not-hurt"
statement = "The cyclist was not injured."
polarity = "negative"
slots = { who = ["cyclist"], hurt = ["injured", "hurt"] }

[[fact]]
id = "hurt"
statement = "The cyclist was injured."
slots = { who = ["cyclist"], hurt = ["injured", "hurt"] }
"""
    )
    assert check_facts(text, facts).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a question answered in the same sentence states the answer
        ("Asked if he would leave, Moss said no.", "not-leaving", "present"),
        ("Asked whether he would leave the club, Moss replied: 'No.'", "not-leaving", "present"),
        # "yes" asserts it; a contradiction needs the word rules too, which read the "if" as
        # a hedge (precision first): set aside
        ("When asked if he would leave, Moss said yes.", "not-leaving", "absent"),
        # unanswered, it asserts nothing
        ("Moss was asked whether he would leave the club.", "not-leaving", "absent"),
    ],
)
def test_a_question_answered_in_the_sentence(text, fact, verdict):
    facts = made_up_facts(NOT_LEAVING)
    assert check_facts(text, facts).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a clause hoped for or feared is not asserted, either way
        ("Police hope the statue will be recovered.", "not-found", "absent"),
        ("Curators fear the statue will never be found.", "not-found", "absent"),
        ("Police hope the statue will be recovered.", "will-return", "absent"),
        # said, it is: as before
        ("Police said the statue has been recovered.", "not-found", "contradicted"),
        ("Police said the statue has not been recovered.", "not-found", "present"),
    ],
)
def test_a_clause_hoped_for_is_not_asserted(text, fact, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "not-found"
statement = "The stolen statue has not been recovered."
polarity = "negative"
slots = { item = ["statue"], found = ["recovered", "found"] }

[[fact]]
id = "will-return"
statement = "The statue will be recovered by the end of the year."
slots = { item = ["statue"], found = ["recovered", "found"] }
"""
    )
    assert check_facts(text, facts).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "close to" a place is where it is, not "not yet"
        ("A fire broke out close to the stadium on Sunday.", "fire-stadium", "present"),
        ("The blaze was close to the stadium.", "fire-stadium", "present"),
        # ... "close to" a gerund or an indefinite noun is not yet
        ("The firefighters came close to losing the stadium.", "lost-stadium", "absent"),
        # "deserved their win" takes the win for granted
        ("City deserved their win over United.", "city-won", "present"),
    ],
)
def test_close_to_a_place_and_a_deserved_win(text, fact, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "fire-stadium"
statement = "A fire broke out close to the stadium."
slots = { what = ["fire", "blaze"], where = ["stadium"] }

[[fact]]
id = "lost-stadium"
statement = "The stadium was lost to the fire."
slots = { act = ["losing", "lost"], what = ["stadium"] }

[[fact]]
id = "city-won"
statement = "City beat United."
slots = { act = ["win", "won", "beat"], opp = ["United"] }
"""
    )
    assert check_facts(text, facts).get(fact).verdict == verdict
