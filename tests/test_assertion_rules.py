"""The assertion rules of harness/assertion_rules.py, each on made-up sentences of other
topics: verbs of concealing or missing are factive, a claim allowed on a condition, slots
in two coordinated clauses, a relative clause said of its antecedent, a denied saying
corrected, and a negation that belongs to the other conjunct."""

from __future__ import annotations

import pytest
from conftest import made_up_facts, parsed_facts, verdict_of

from harness import syntax
from harness.matcher import check_facts, explain_fact

FACTS = """
[[fact]]
id = "no-paid-staff"
statement = "The festival will employ no paid staff."
polarity = "negative"
slots = { kind = ["paid"], who = ["staff", "workers"] }

[[fact]]
id = "no-insurance"
statement = "The boats will have no insurance cover if they sink."
polarity = "negative"
slots = { what = ["insurance"] }

[[fact]]
id = "mayor-opened"
statement = "The mayor opened the new bridge."
slots = { who = ["mayor"], act = ["opened"], what = ["bridge"] }

[[fact]]
id = "library-closed"
statement = "The library closed its doors."
slots = { who = ["library"], act = ["closed", "shut"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        # a negated verb of concealing or missing leaves what it embeds asserted
        (
            "The organisers did not hide that the festival would employ no paid staff.",
            "no-paid-staff",
            "present",
        ),
        (
            "The organisers did not conceal that the boats would lack insurance, nor that "
            "the festival would employ no paid staff.",
            "no-paid-staff",
            "present",
        ),
        (
            "Nobody in the hall could miss that the library had closed its doors.",
            "library-closed",
            "present",
        ),
        # ... and so is the opposite of a negative fact, whatever the "not" above it
        (
            "The organisers did not hide that paid staff would work at the festival.",
            "no-paid-staff",
            "contradicted",
        ),
        (
            "The organisers did not know that paid staff would work at the festival.",
            "no-paid-staff",
            "contradicted",
        ),
        # ... as an assertive verb's negation would not
        (
            "The organisers did not say that the festival would employ no paid staff.",
            "no-paid-staff",
            "absent",
        ),
    ],
)
def test_concealing_and_missing_are_factive(facts, text, fact, expected):
    assert verdict_of(facts, text, fact) == expected, explain_fact(text, facts.get(fact)).readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # allowed on a condition: the claim may come true, the opposite of "no X"
        (
            "The festival would hire paid staff only if volunteers could not be found.",
            "contradicted",
        ),
        (
            "The festival would only hire paid staff if the volunteers did not turn up.",
            "contradicted",
        ),
        (
            "The festival would not hire paid staff unless the volunteers did not turn up.",
            "contradicted",
        ),
        # the plain denial stands, and so does a denial with a condition of its own
        ("The festival will hire no paid staff, the organisers said.", "present"),
    ],
)
def test_only_if_allows_the_claim(facts, text, expected):
    got = verdict_of(facts, text, "no-paid-staff")
    assert got == expected, explain_fact(text, facts.get("no-paid-staff")).readings


def test_only_if_asserts_nothing_of_a_positive_fact(facts):
    text = "The mayor would open the new bridge only if the council paid for the repairs."
    assert verdict_of(facts, text, "mayor-opened") == "absent"
    assert verdict_of(facts, "The mayor opened the new bridge in May.", "mayor-opened") == "present"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the slots in two coordinated clauses, each with its own subject: no claim
        (
            "The mayor was on holiday, and a councillor opened the new bridge.",
            "absent",
        ),
        # ... unless a pronoun may stand for the first clause's slot, or "also" says the
        # first subject did the same
        ("The bridge was finished in May, and the mayor opened it in June.", "present"),
    ],
)
def test_slots_in_two_coordinated_clauses(facts, text, expected):
    got = verdict_of(facts, text, "mayor-opened")
    assert got == expected, explain_fact(text, facts.get("mayor-opened")).readings


def test_a_subject_relative_clause_denies_no_clause(facts):
    """ "staff who refused ..." says something of the staff; ", which X denied" (the
    pronoun the object) still denies the clause (tests/test_syntax.py)."""
    text = "The festival will run without paid staff that would lack training."
    assert verdict_of(facts, text, "no-paid-staff") == "present"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denied saying corrected right after: the "not" denies what was not said
        (
            "The broker did not say the boats would have insurance; on the contrary, he "
            "said they would have none if they sank.",
            "present",
        ),
        # without the correction it leaves the question open
        ("The broker did not say the boats would have insurance.", "absent"),
    ],
)
def test_a_denied_saying_corrected(facts, text, expected):
    got = verdict_of(facts, text, "no-insurance")
    assert got == expected, explain_fact(text, facts.get("no-insurance")).readings


def test_a_negation_of_the_other_conjunct(facts):
    """ "sailors taking no part and no insurance backing": "no part" is the first
    conjunct's, the second has its own "no" (one negation, not two)."""
    text = (
        "The race would be run by volunteers, with sailors taking no part and no insurance "
        "backing if the boats sank."
    )
    assert verdict_of(facts, text, "no-insurance") == "present"


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        # "not A but B": the "not" denies A only; a claim of B is asserted
        (
            "It was not a councillor but the mayor who opened the new bridge.",
            "mayor-opened",
            "present",
        ),
        ("Not a councillor but the mayor opened the new bridge.", "mayor-opened", "present"),
        # ... and so is the rest of the clause
        (
            "It was not the council but the owners who shut the library.",
            "library-closed",
            "present",
        ),
        # ... and A is still denied
        (
            "The bridge was opened not by the mayor but by a councillor.",
            "mayor-opened",
            "contradicted",
        ),
    ],
)
def test_not_a_but_b(facts, text, fact, expected):
    assert verdict_of(facts, text, fact) == expected, explain_fact(text, facts.get(fact)).readings


CLAUSE_COVER = """
[[fact]]
id = "no-clause-cover"
statement = "The boats have no Sec. 4 cover."
polarity = "negative"
slots = { what = ["Sec. 4", "Section 4"] }
"""


def test_a_reference_abbreviation_ends_no_sentence():
    """ "no Sec. 4 cover": the abbreviation's dot is masked before the parse
    (harness.parser_setup), so its "no" reaches it (the tokenizer would split "Sec" from
    its period and the parse end the sentence there)."""
    doc = syntax.parse("Crews yes but zero paid staff and no Sec. 4 cover.")
    assert "Sec" in [t.text for t in doc]
    assert len(list(doc.sents)) == 1
    fs = made_up_facts(CLAUSE_COVER)
    text = "Crews yes but zero paid staff and no Sec. 4 cover."
    assert check_facts(text, fs).get("no-clause-cover").verdict == "present"


def test_explain_names_the_rule(facts):
    """`harness explain` says which of these rules decided a reading."""
    text = "The festival would hire paid staff only if volunteers could not be found."
    reading = explain_fact(text, facts.get("no-paid-staff")).readings[0]
    assert "only if" in reading.reason and reading.hedge == "only if"
    text = "The organisers did not hide that paid staff would work at the festival."
    reading = explain_fact(text, facts.get("no-paid-staff")).readings[0]
    assert "factive verb 'hide'" in reading.reason
