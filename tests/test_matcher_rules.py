# ruff: noqa: E501  (test sentences are kept on one line each)
"""More general rules of English for fact verdicts, each on sentences made up for it.

The facts belong to no real article (a town fair, a bakery, a ferry, a quarry). Each test
holds one construction that a labeled set showed the matcher misreading; the verdicts
need the dependency parser (harness/syntax.py), which the suite installs.
"""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness.matcher import check_facts

FAIR = """
[[fact]]
id = "city-runs-fair"
statement = "The city took over the running of the fair from the council."
[fact.slots]
who = ["city"]
act = ["took over", "runs", "run"]
[[fact.contradiction]]
slots = { who = ["council"], state = ["continues", "still"], act = ["run", "runs"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the relative clause ends where a clause of its own begins: the later "not" is
        # that clause's
        (
            "At the fair, which the council continues to run, the mayor said volunteers would not be paid.",
            "contradicted",
        ),
        (
            "At the fair, which the council continues to run, Mayor Ortiz said volunteers would not be paid.",
            "contradicted",
        ),
        (
            "At the fair, which the council continues to run, volunteers were not paid.",
            "contradicted",
        ),
        # a negation inside the relative clause still denies it
        (
            "At the fair, which the council no longer runs, the mayor said volunteers were paid.",
            "absent",
        ),
    ],
)
def test_a_relative_clause_ends_before_a_clause_of_its_own(text, verdict):
    assert check_facts(text, made_up_facts(FAIR)).get("city-runs-fair").verdict == verdict


ARTICLE_COVER = """
[[fact]]
id = "no-cover"
statement = "The quarry workers would have no cover under Article 12 if the pit flooded."
polarity = "negative"
slots = { clause = ["Article 12", "Art. 12"] }
opposite_requires = ["covered", "protected", "under"]
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an abbreviation's dot is no sentence end for the parse: "outside" still governs
        # it (split off, the parse read "Art." as a sentence of its own and no negation)
        ("Quarry workers would operate outside Art. 12 if the pit flooded.", "present"),
        ("Quarry workers would operate outside Article 12 if the pit flooded.", "present"),
        ("Quarry workers would be covered by Art. 12 if the pit flooded.", "contradicted"),
    ],
)
def test_an_abbreviation_keeps_its_dot(text, verdict):
    assert check_facts(text, made_up_facts(ARTICLE_COVER)).get("no-cover").verdict == verdict


LIFEBOATS = """
[[fact]]
id = "no-lifeboats"
statement = "The ferry service would have no lifeboats if storms hit."
polarity = "negative"
slots = { gear = ["lifeboats"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a noun phrase set off by a comma renames the noun before it (the parse hangs it
        # on the verb): its relative clause is asserted whatever that verb's "no" says
        (
            "The mayor said residents would have no say in the running of the ferry service in the bay, a service he described as having lifeboats.",
            "contradicted",
        ),
        (
            "The mayor said residents would have no say in the running of the ferry service in the bay, a service he described as lacking lifeboats.",
            "present",
        ),
        # a restrictive relative clause under a negation is still not asserted
        ("The mayor did not back a service that lacks lifeboats.", "absent"),
    ],
)
def test_a_noun_phrase_set_off_by_a_comma_is_asserted_on_its_own(text, verdict):
    assert check_facts(text, made_up_facts(LIFEBOATS)).get("no-lifeboats").verdict == verdict


DOG = """
[[fact]]
id = "dog-enjoys"
statement = "The dog enjoys the grooming."
slots = { dog = ["dog", "terrier"], enjoy = ["enjoys", "loves", "likes"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an it-cleft puts another actor first: the owner, not the terrier, enjoys it
        (
            "Maria Lopez's old terrier licks its owner's hands for ten minutes every morning, and it is Lopez who clearly enjoys the ritual.",
            "absent",
        ),
        # the fact's own actor put first, or plainly the subject, states it
        (
            "The owner brushes the old terrier every morning, and it is the terrier who clearly enjoys the ritual.",
            "present",
        ),
        ("It is the terrier that enjoys the grooming most.", "present"),
    ],
)
def test_an_it_cleft_names_the_actor(text, verdict):
    assert check_facts(text, made_up_facts(DOG)).get("dog-enjoys").verdict == verdict


SQUAD = """
[[fact]]
id = "ruiz-named-squad"
statement = "Coach Ana Ruiz named her squad for the finals."
[fact.slots]
coach = ["Ana Ruiz", "Ruiz", "coach"]
act = ["named", "picked", "selected"]
group = ["squad", "players"]
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "She" opening a sentence is the subject of the sentence before, a person's name
        (
            "Ana Ruiz, whose side won every qualifier, said the draw was kind. She has named an 18-strong squad for the finals.",
            "present",
        ),
        ("Ana Ruiz spoke on Monday. She has not named a squad yet.", "contradicted"),
        # not the object of the sentence before, nor a pronoun of the other gender there
        (
            "The federation praised Ana Ruiz on Monday. She has named an 18-strong squad for the finals.",
            "absent",
        ),
        (
            "Ana Ruiz praised her assistant. He has named an 18-strong squad for the finals.",
            "absent",
        ),
        ("Ana Ruiz spoke on Monday. Her assistant has named a squad.", "absent"),
        # ... and each "She" of a row of sentences that all open with it
        (
            "Ana Ruiz spoke on Monday. She thanked the fans. She has named an 18-strong squad.",
            "present",
        ),
        (
            "Ana Ruiz spoke on Monday. Her assistant thanked the fans. She has named a squad.",
            "absent",
        ),
    ],
)
def test_an_opening_he_or_she_is_the_last_sentences_named_subject(text, verdict):
    assert check_facts(text, made_up_facts(SQUAD)).get("ruiz-named-squad").verdict == verdict


PLAYS = """
[[fact]]
id = "okafor-plays-final"
statement = "Okafor will play in the final."
slots = { who = ["Okafor"], what = ["final"] }

[[fact]]
id = "rifle-found"
statement = "The rifle was found."
slots = { what = ["rifle"], act = ["found", "recovered"] }

[[fact]]
id = "ferry-sailed"
statement = "The ferry sailed."
slots = { what = ["ferry"], act = ["sailed"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "miss", "skip", "boycott" deny their object: missing the final is not playing
        # in it (read by the parse alone, so set aside, never a contradiction by itself)
        ("Okafor will miss the final through injury.", "okafor-plays-final", "absent"),
        ("Okafor will not miss the final.", "okafor-plays-final", "present"),
        ("Okafor will miss the final, a report the club denied.", "okafor-plays-final", "present"),
        # ... but "missing" before a noun describes it
        ("The missing rifle was found on Tuesday.", "rifle-found", "present"),
        # a relative clause whose "which" is its own subject is no denial of the clause
        ("The rifle, which had been missing, was found.", "rifle-found", "present"),
        ("The ferry, which lacks lifeboats, sailed on Monday.", "ferry-sailed", "present"),
        # ", which police denied" is, even when the parse hangs it on the verb
        ("The rifle was found, which police denied.", "rifle-found", "contradicted"),
        ("The rifle was found, which police later confirmed.", "rifle-found", "present"),
    ],
)
def test_verbs_of_missing_and_denials_by_which(text, fact, verdict):
    assert check_facts(text, made_up_facts(PLAYS)).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a prefix that makes another thing: the semi-final is not the final
        ("Okafor, who sat out the semi-final, will start the final.", "present"),
        ("Okafor sat out the quarter-final.", "absent"),
        # "non-" stays a negation the matcher reads, and a name before the hyphen still counts
        ("Okafor will start the final.", "present"),
    ],
)
def test_a_prefix_joined_by_a_hyphen_names_another_thing(text, verdict):
    assert check_facts(text, made_up_facts(PLAYS)).get("okafor-plays-final").verdict == verdict


def test_a_co_prefix_names_a_shared_role():
    facts = made_up_facts(
        """
[[fact]]
id = "leeds-chairs"
statement = "Leeds took over the chair of the transport board from York."
slots = { holder = ["Leeds"], role = ["chair", "chairs", "chaired"] }
[[fact.contradiction]]
slots = { holder = ["York"], role = ["chair", "chairs", "co-chair*"] }
"""
    )
    # a co-chair is no chair of one's own: not the fact, and a contradiction only as listed
    text = "Leeds and York will co-chair the transport board."
    assert check_facts(text, facts).get("leeds-chairs").verdict == "contradicted"
    assert (
        check_facts("Leeds will co-chair the board.", facts).get("leeds-chairs").verdict == "absent"
    )
    assert (
        check_facts("Leeds will chair the board.", facts).get("leeds-chairs").verdict == "present"
    )


def test_a_name_before_a_hyphen_still_counts():
    facts = made_up_facts(
        """
[[fact]]
id = "uk-leads"
statement = "Britain leads the group."
slots = { who = ["UK", "Britain"], act = ["led", "leads"] }
"""
    )
    assert (
        check_facts("The UK-led group met on Monday.", facts).get("uk-leads").verdict == "present"
    )
    assert (
        check_facts("The pro-Britain group leads the poll.", facts).get("uk-leads").verdict
        == "absent"
    )


LEAGUE = """
[[fact]]
id = "new-lease"
statement = "The club signed a new lease on its ground."
slots = { who = ["club"], deal = ["new lease"] }

[[fact]]
id = "can-win"
statement = "The coach believes Rovers can win the league."
stated_as = ["can win the league"]
slots = { who = ["coach"], act = ["win"], what = ["league"] }

[[fact]]
id = "united-champions"
statement = "United are the reigning champions, having beaten Rovers in last year's final."
stated_as = ["reigning champions"]
slots = { winner = ["United"], result = ["beat", "beaten"], loser = ["Rovers"] }

[[fact.contradiction]]
slots = { winner = ["Rovers"], result = ["beat", "beaten", "reigning champions"] }
order = ["winner", "result"]
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # one proper name, hyphenated compound or plain adverb between a phrasing's words
        ("The club signed a new Harbour Street lease.", "new-lease", "absent"),  # two words: no
        ("The club signed a new Harbour lease on Monday.", "new-lease", "present"),
        ("The club signed a new ten-year lease on Monday.", "new-lease", "present"),
        (
            "Rovers can still win the league, fans said, but the coach denied it.",
            "can-win",
            "contradicted",
        ),
        # ... but never a negation or a hedge
        ("Rovers can hardly win the league now.", "can-win", "absent"),
        # a copula joins the subject to a phrasing that states the fact: another subject
        # is a contradiction
        (
            "Rovers are the reigning under-21 champions after beating United on penalties.",
            "united-champions",
            "contradicted",
        ),
        ("United are the reigning under-21 champions.", "united-champions", "present"),
        (
            "Rovers are the reigning champions after beating United on penalties.",
            "united-champions",
            "contradicted",
        ),
    ],
)
def test_a_word_between_a_phrasings_words(text, fact, verdict):
    assert check_facts(text, made_up_facts(LEAGUE)).get(fact).verdict == verdict


SALE = """
[[fact]]
id = "sale-failed"
statement = "The auction of the lighthouse failed."
slots = { what = ["auction", "sale"], outcome = ["failed", "collapsed"] }

[[fact]]
id = "named-heir"
statement = "The duke named his nephew as heir."
slots = { who = ["duke"], act = ["named"], role = ["heir"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a listed past form also finds its base form after do-support, tense kept
        ("The auction did not fail after all.", "sale-failed", "contradicted"),
        ("The sale didn't fail, the auctioneers said.", "sale-failed", "contradicted"),
        ("the sale did n't fail .", "sale-failed", "contradicted"),
        ("The duke did name an heir in the end.", "named-heir", "present"),
        # not after a modal or "to" (another tense), nor as a noun
        ("Bidders fear the auction will fail.", "sale-failed", "absent"),
        ("The duke wants to name an heir.", "named-heir", "absent"),
        ("The duke's name was kept off the list of heirs.", "named-heir", "absent"),
    ],
)
def test_a_past_phrasing_finds_its_base_form_after_do_support(text, fact, verdict):
    assert check_facts(text, made_up_facts(SALE)).get(fact).verdict == verdict


PLANS = """
[[fact]]
id = "keeps-chef"
statement = "The restaurant has no plans to replace its chef."
polarity = "negative"
slots = { act = ["replace", "replaced", "sack*"], whom = ["chef"] }

[[fact]]
id = "no-cover-abroad"
statement = "The policy does not cover the van if it is driven abroad."
polarity = "negative"
slots = { what = ["cover*"], where = ["abroad", "overseas"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a clause that holds only on a condition put before it asserts nothing (and the
        # condition's own "not" is not the claim's)
        (
            "If bookings do not improve, the restaurant will replace the chef.",
            "keeps-chef",
            "absent",
        ),
        ("Unless bookings improve, the restaurant will replace the chef.", "keeps-chef", "absent"),
        # "even if" concedes, and a condition of another clause is that clause's
        (
            "Even if bookings improve, the restaurant will replace the chef.",
            "keeps-chef",
            "contradicted",
        ),
        (
            "The restaurant will replace the chef, and if bookings improve it will keep the waiters.",
            "keeps-chef",
            "contradicted",
        ),
        # a fact that is itself conditional keeps its condition
        (
            "If the van is driven abroad, the policy will not cover it.",
            "no-cover-abroad",
            "present",
        ),
    ],
)
def test_a_condition_before_the_claim(text, fact, verdict):
    assert check_facts(text, made_up_facts(PLANS)).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a report denied by the whole next sentence is asserted as untrue
        ("Rumours say the chef will be replaced. The owner has denied them.", "present"),
        (
            "The restaurant will replace the chef, according to reports. The owner dismissed them.",
            "present",
        ),
        # the next sentence must deny the report, and the sentence must be a report
        (
            "The restaurant will replace the chef, the owner said. Diners welcomed it.",
            "contradicted",
        ),
        ("The restaurant will replace the chef. The owner confirmed it on Monday.", "contradicted"),
    ],
)
def test_a_report_denied_by_the_next_sentence(text, verdict):
    assert check_facts(text, made_up_facts(PLANS)).get("keeps-chef").verdict == verdict


CHARGED = """
[[fact]]
id = "charged"
statement = "Moreno was charged with fraud."
slots = { who = ["Moreno"], act = ["charged"], what = ["fraud"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an aside that denies a slot's noun, the claim's verb outside it: no contradiction
        ("Moreno, who denies fraud, was charged on Monday.", "absent"),
        ("Moreno was charged with fraud and denies the charge.", "present"),
        ("Moreno was not charged with fraud.", "contradicted"),
    ],
)
def test_a_denying_aside_is_no_denial_of_the_claim(text, verdict):
    assert check_facts(text, made_up_facts(CHARGED)).get("charged").verdict == verdict


MATCH = """
[[fact]]
id = "city-won"
statement = "City beat Town 3-1 on Saturday."
[fact.slots]
team = ["City"]
act = ["beat", "won", "defeated"]
[[fact.contradiction]]
slots = { team = ["Town"], act = ["beat", "won", "defeated"] }
order = ["team", "act"]
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an infinitive's doer is the subject of the verb above it, not an owner before it
        ("Town's manager said City deserved to beat them.", "present"),
        ("Town deserved to beat City on Saturday.", "contradicted"),
    ],
)
def test_the_doer_of_an_infinitive_is_the_subject_above_it(text, verdict):
    assert check_facts(text, made_up_facts(MATCH)).get("city-won").verdict == verdict


STRIKE = """
[[fact]]
id = "no-deal"
statement = "The nurses and the hospital have not reached a deal."
polarity = "negative"
slots = { who = ["nurses", "hospital"], act = ["reached", "agreed", "signed"], what = ["deal", "agreement"] }
stated_as = ["talks collapsed", "without a deal", "failed to agree"]

[[fact]]
id = "boat-sank"
statement = "The trawler sank in the storm."
slots = { what = ["trawler", "boat"], act = ["sank", "capsized"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "talks" are negotiations, no report that hedges; and a listed "without a deal"
        # is the phrasing's own word, no negation of it
        ("Talks collapsed on Friday without a deal.", "no-deal", "present"),
        ("Rumours say the nurses have reached a deal.", "no-deal", "absent"),
        # "nearly"/"almost" on the verb: it did not quite happen; on a number it rounds
        ("The trawler nearly sank in the storm.", "boat-sank", "absent"),
        ("The trawler, with nearly 30 crew on board, sank in the storm.", "boat-sank", "present"),
    ],
)
def test_talks_a_listed_without_and_nearly(text, fact, verdict):
    assert check_facts(text, made_up_facts(STRIKE)).get(fact).verdict == verdict
