# ruff: noqa: E501  (test sentences are kept on one line each)
"""Scope rules of harness.scope_rules, on sentences written for them about a made-up zoo
(keepers, a panda expecting twins, a video set to a folk song): a verb of expectation with
a noun object hedges nothing; it still hedges a clause it governs; "set to" before a noun
phrase is a preposition, no "about to"; a bare participle the parse takes for a clause of
a denied verb ("not expecting twins in a video they made set to ...") is a noun's reduced
relative, which the denial does not reach."""

from __future__ import annotations

import re

import pytest
from conftest import made_up_facts, parsed_facts

from harness.matcher import check_facts
from harness.scope_rules import INFINITIVE_TO, in_condition

FACTS = """
[[fact]]
id = "video-song"
statement = "The keepers' video is set to the folk song Danny Boy."
slots = { clip = ["set to", "parody"], tune = ["Danny Boy"] }

[[fact]]
id = "twins"
statement = "The panda is expecting twins."
slots = { who = ["panda", "keepers"], baby = ["expecting", "pregnant"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # "expecting" with a noun object is a state: what modifies its verb phrase is asserted
        (
            "The keepers announced they are expecting twins in a parody of the theme from Danny Boy.",
            "video-song",
            "present",
        ),
        (
            "the keepers announced they are expecting twins in a video set to the theme from ' danny boy ' .",
            "video-song",
            "present",
        ),
        # a bare participle the parse hangs on the denied verb ("made set to ...") is the
        # video's reduced relative: no clause the "not" denies
        (
            "the keepers announced they are not expecting twins in a rap video they made set to the theme from ' danny boy ' the clip has been viewed a million times .",
            "video-song",
            "present",
        ),
        # ... and the state itself, plainly denied, is denied ("set to" before a noun phrase
        # is no "about to" that would hedge it)
        (
            "The keepers said they are not expecting twins after fans misread a video set to the tune of Danny Boy.",
            "twins",
            "contradicted",
        ),
        (
            "The keepers announced they are expecting twins in a parody of the theme from Danny Boy.",
            "twins",
            "present",
        ),
        # a clause the verb of expectation governs stays hedged
        (
            "The keepers expect the video to be set to the theme from Danny Boy.",
            "video-song",
            "absent",
        ),
        (
            "The keepers are expected to release a video set to the theme from Danny Boy.",
            "video-song",
            "absent",
        ),
        ("The keepers expect that the panda will be pregnant by spring.", "twins", "absent"),
    ],
)
def test_expectation_hedges_only_its_clause(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "prepositional"),
    [
        ("set to the theme", True),
        ("set to a lullaby", True),
        ("poised to their left", True),
        ("set to join", False),
        ("expected to thank the keepers", False),
    ],
)
def test_to_before_a_noun_phrase(text, prepositional):
    m = re.search(r"\bto", text)
    # the pattern is a lookahead that holds only when no noun phrase follows
    assert (re.match(INFINITIVE_TO, text[m.end() :], re.I) is None) is prepositional


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "not just/only X" says X and more; written tokenized, as system summaries are
        # ("did n't"), the text reaches the parser with a double space after "didn't"
        ("the bakery 's menu did n't just include wedding cakes .", "present"),
        ("the bakery did n't only sell wedding cakes , it sold bread too .", "present"),
        ("The bakery's menu didn't just include wedding cakes.", "present"),
        # a plain "not" still denies, tokenized or not
        ("the bakery did n't sell wedding cakes .", "contradicted"),
        ("The bakery's menu didn't include wedding cakes.", "contradicted"),
    ],
)
def test_not_just_across_a_double_space(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "sold-cakes"
statement = "The bakery sold wedding cakes."
slots = { what = ["wedding cakes", "cakes"], act = ["sold", "sell", "include", "included"] }
"""
    )
    assert check_facts(text, facts).get("sold-cakes").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the infinitive's understood subject is the object (or subject) of the verb above;
        # a name after "from" is where the loans came from, not who pays
        ("A court ordered Lena Ross to pay back $40,000 in loans from Tom Bell.", "present"),
        ("A court orders Lena Ross to pay back $ 40,000 in loans from Tom Bell .", "present"),
        ("Lena Ross used the savings to pay back $40,000 to Tom Bell.", "present"),
        # the other person made to pay, or agreeing to: still a contradiction
        ("A court ordered Tom Bell to pay back $40,000 to Lena Ross.", "contradicted"),
        ("Tom Bell agreed to pay back $40,000 after Lena Ross sued.", "contradicted"),
    ],
)
def test_the_understood_subject_of_an_infinitive(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "ross-repays"
statement = "A court ordered Lena Ross to pay back $40,000 in loans."
[fact.slots]
who = ["Ross"]
pay = ["pay back", "repay"]
amount = ["40,000"]
[[fact.contradiction]]
slots = { payer = ["Tom Bell", "Bell"], pay = ["pay back", "repay"], amount = ["40,000"] }
max_gap = 3
"""
    )
    assert check_facts(text, facts).get("ross-repays").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an event named after "after/following" is taken for granted: the negation of
        # the clause above does not deny it
        (
            "The United coach is not confident he can keep the club up after a 3-1 defeat by Rovers.",
            "present",
        ),
        ("The coach of United does not fear the sack after a 3-1 loss to Rovers.", "present"),
        ("The United coach was not sacked following the loss to Rovers.", "present"),
        # the event itself denied, or only possible
        ("United were not beaten by Rovers.", "contradicted"),
        ("The United coach may leave after a defeat by Rovers.", "absent"),
    ],
)
def test_an_event_after_a_temporal_preposition(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "lost-to-rovers"
statement = "United lost 3-1 to Rovers."
stated_as = ["defeat by Rovers", "loss to Rovers"]
[fact.slots]
team = ["United"]
lost = ["lost", "defeat", "loss", "beaten"]
opp = ["Rovers"]
"""
    )
    assert check_facts(text, facts).get("lost-to-rovers").verdict == verdict


NO_COVER = """
[[fact]]
id = "no-cover"
statement = "The stewards would have no Section 8 cover."
polarity = "negative"
slots = { cover = ["Section 8"] }
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a denying preposition governs a later item of its list, and a phrase right after
        # it, though the small parse of a headline fragment hangs them elsewhere
        (
            "stewards should be non-council & outside Section 8 cover if they meet rival fans.",
            "present",
        ),
        (
            "Bell at the club: stadium sale unrealistic; stewards should be non-council & outside Section 8 cover if they meet rival fans.",
            "present",
        ),
        ("The crossing would go without council staff or Section 8 cover.", "present"),
        # a verb, or a comma with no list joiner, ends the preposition's reach
        (
            "The crossing opened without council staff, and Section 8 cover was bought.",
            "contradicted",
        ),
        ("Without delay, Section 8 cover was bought for the stewards.", "contradicted"),
    ],
)
def test_a_denying_preposition_before_a_list_or_a_misparsed_phrase(text, verdict):
    # ("outside" after "&" is read as a name by the small model: the words still say it)
    assert check_facts(text, made_up_facts(NO_COVER)).get("no-cover").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a contradiction's own exclude word in its clause sets it aside, though a context
        # word is there too
        ("Ruiz will attempt the crossing on May 9. The swimmer turns 40 on April 2.", "present"),
        ("Ruiz will attempt the crossing in April, the swimmer said.", "contradicted"),
    ],
)
def test_a_contradictions_own_exclude_word_beats_a_context_word_beside_it(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "in-may"
statement = "Ruiz's crossing attempt will take place on May 9."
context = ["Ruiz", "swimmer", "crossing", "attempt"]
slots = { when = ["May 9", "in May"] }
[[fact.contradiction]]
slots = { when = ["April", "June"] }
context = ["Ruiz", "swimmer", "crossing", "attempt"]
exclude = ["turns 40", "birthday"]
"""
    )
    assert check_facts(text, facts).get("in-may").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a negation inside a condition placed after the claim is the condition's own
        (
            "The crew will lose £20,000 each in bonuses if the ship fails to pass its inspection.",
            "contradicted",
        ),
        ("The crew will lose £20,000 each unless the ship does not sail.", "contradicted"),
        ("The crew will lose £2,000 each if the ship fails to pass its inspection.", "present"),
        # the claim's own negation still counts
        ("The crew will not lose £2,000 each if the ship passes.", "contradicted"),
    ],
)
def test_a_negation_inside_a_condition_after_the_claim(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "lose-bonus"
statement = "The crew will lose a £2,000 bonus each if the ship fails its inspection."
[fact.slots]
amount = ["£2,000", "2,000"]
pay = ["lose", "forfeit"]
[[fact.contradiction]]
slots = { amount = ["£20,000", "20,000", "£200"], pay = ["lose", "forfeit"] }
"""
    )
    assert check_facts(text, facts).get("lose-bonus").verdict == verdict


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("they will lose it if they do not qualify", True),
        ("they will lose it unless nobody objects", True),
        ("they will lose it, even if they win - and should not expect", False),
        ("they will lose it, cover if it sails: none", False),
    ],
)
def test_in_condition(text, inside):
    cue = max(text.rfind(w) for w in (" not", "nobody", "none"))
    assert in_condition(text, text.index("lose it") + 7, cue) is inside


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a correcting "in fact / actually" with an anaphoric "no such" retracts the claim
        (
            "A court fined the ferry company £8,000; in fact, no such fine was imposed.",
            "contradicted",
        ),
        (
            "A court fined the ferry company £8,000. Actually, there was no such penalty.",
            "contradicted",
        ),
        # without the correcting words, or with more said, "no such" only compares
        (
            "A court fined the ferry company £8,000; no such fine had been imposed before.",
            "present",
        ),
        (
            "A court fined the ferry company £8,000, and no such fine had ever been paid so quickly.",
            "present",
        ),
    ],
)
def test_a_retraction_by_no_such(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "fined"
statement = "A court fined the ferry company £8,000."
slots = { who = ["ferry company", "operator"], act = ["fined"], amount = ["£8,000", "8,000"] }
"""
    )
    assert check_facts(text, facts).get("fined").verdict == verdict


ADJUNCTS = """
[[fact]]
id = "sail-torn"
statement = "The yacht's sail was torn."
slots = { what = ["sail"], harm = ["tear", "torn", "rip"] }

[[fact]]
id = "winless"
statement = "The rowing club has gone four regattas without a win."
polarity = "negative"
slots = { who = ["club"], act = ["win", "victory"], span = ["fourth straight", "four regattas"] }

[[fact]]
id = "no-refund"
statement = "The shop will not refund anyone after 30 days."
polarity = "negative"
slots = { act = ["refund*"], span = ["30 days"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # what an adjunct of concession or of a prior event names is taken for granted,
        # whatever the clause above it says of itself
        ("The crew was not worried despite a tear in the yacht's sail.", "sail-torn", "present"),
        ("The crew was not worried in spite of a rip in the sail.", "sail-torn", "present"),
        (
            "The coach denied that his club is in trouble after a fourth straight regatta without a victory.",
            "winless",
            "present",
        ),
        # a stretch of time is no event: the clause above still decides
        ("The report discusses refunds after 30 days.", "no-refund", "absent"),
        ("The shop will refund everyone after 30 days.", "no-refund", "contradicted"),
    ],
)
def test_presupposing_adjuncts_keep_what_they_name(text, fact, verdict):
    assert check_facts(text, made_up_facts(ADJUNCTS)).get(fact).verdict == verdict


def test_a_gerund_after_a_preposition_is_done_by_the_clause_subject():
    facts = made_up_facts(
        """
[[fact]]
id = "ana-scored"
statement = "Ana Ruiz scored the winning goal."
slots = { who = ["Ruiz"], act = ["scored", "goal"] }
[[fact.contradiction]]
slots = { scorer = ["Bell", "Moss"], act = ["scored"] }
"""
    )
    # "scored" also finds "scoring"; who scored is the subject of "celebrates", not Bell
    text = "Ruiz scored. Ruiz celebrates with her team-mates Moss and Bell after scoring."
    assert check_facts(text, facts).get("ana-scored").verdict == "present"
    assert (
        check_facts("Bell celebrated after scoring.", facts).get("ana-scored").verdict
        == "contradicted"
    )


def test_a_declared_contradiction_inside_anothers_clause_is_not_made():
    facts = made_up_facts(
        """
[[fact]]
id = "leeds-leads"
statement = "Leeds took over the chair of the transport board from York."
slots = { holder = ["Leeds"], role = ["chair", "lead"] }
[[fact.contradiction]]
slots = { holder = ["York"], role = ["chair", "lead"] }
"""
    )
    # the lead is the subject's of the clause it sits in, not York's
    assert (
        check_facts("York wants Leeds to take the lead on the board.", facts)
        .get("leeds-leads")
        .verdict
        == "present"
    )
    assert (
        check_facts("York urged Leeds to take the lead on the board.", facts)
        .get("leeds-leads")
        .verdict
        != "contradicted"
    )
    assert (
        check_facts("York kept the lead on the board.", facts).get("leeds-leads").verdict
        == "contradicted"
    )


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "nor" with an inverted auxiliary opens a denied clause, though the parse hangs it
        # on the clause before
        (
            "The crossing will not open in May, nor would the stewards be protected by Section 8 cover if fans attacked them.",
            "present",
        ),
        (
            "The crossing will open in May, and the stewards would be protected by Section 8 cover.",
            "contradicted",
        ),
        # "nor that" goes on with the verb before it: what the mayor did not hide is said
        (
            "The mayor did not hide that the crossing would open, nor that the stewards would have Section 8 cover.",
            "contradicted",
        ),
    ],
)
def test_nor_with_an_inverted_auxiliary(text, verdict):
    assert check_facts(text, made_up_facts(NO_COVER)).get("no-cover").verdict == verdict


def test_a_noun_the_parse_gives_a_subject_passes_no_negation_down(monkeypatch):
    """The small parser sometimes glues two noun phrases into a verbless clause ("wants a
    force with no U.S. troops and no Article 5 guarantee", the force made the subject of
    "guarantee"): a noun has no subject, so the second phrase's own "no" is not the
    claim's. The misparse is built by hand here, as the parser gave it on such a sentence."""
    from spacy.tokens import Doc

    from harness import syntax

    text = (
        "Ruiz wants a flood force with no council staff and no Article 9 guarantee against Albion ."
    )
    heads = [1, 1, 4, 4, 13, 4, 8, 8, 5, 8, 13, 13, 11, 1, 13, 14, 1]
    deps = "nsubj ROOT det compound nsubj prep det compound pobj cc det nmod nummod dobj prep pobj punct"
    pos = "PROPN VERB DET NOUN NOUN ADP DET NOUN NOUN CCONJ DET NOUN NUM NOUN ADP PROPN PUNCT"
    tags = "NNP VBZ DT NN NN IN DT NN NNS CC DT NN CD NN IN NNP ."
    doc = Doc(
        syntax.parser().vocab,
        words=text.split(),
        heads=heads,
        deps=deps.split(),
        pos=pos.split(),
        tags=tags.split(),
    )
    real = syntax.parse
    monkeypatch.setattr(syntax, "parse", lambda s: doc if s == text else real(s))
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("council", "staff")]
    assert syntax.read_claim(text, spans).negations == ("no",)
