"""How grounding reads hand-written text (harness.grounding_spans, harness.grounding_names):
numbers in words, ordinals, bounds, clock times and glued units; misspelled names and
capitalised common words run into a name. Each rule on sentences written for it."""

from __future__ import annotations

import pytest

from harness.grounding import ground
from harness.grounding_spans import numbers


def specific_flags(candidate: str, article: str) -> list[str]:
    return [f.text for f in ground(candidate, article).flags if f.kind not in ("sentence",)]


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    "text,found",
    [
        ("The ferry left eight minutes late.", [("eight", 8)]),
        ("She is seven months into the course.", [("seven", 7)]),
        ("He got a two-match ban.", [("two", 2)]),
        ("Nine might be too many.", [("Nine", 9)]),
        ("A four game losing run.", [("four", 4)]),
        ("They sold three thousand five hundred tickets.", [("three thousand five hundred", 3500)]),
        (
            "It cost forty two point five million dollars.",
            [("forty two point five million", 42.5e6)],
        ),
        ("Half a million people came.", [("Half a million", 5e5)]),
        ("A hundred and twenty boats.", [("A hundred and twenty", 120)]),
        ("Two and a half million visitors.", [("Two and a half million", 2.5e6)]),
        ("Two dozen eggs.", [("Two dozen", 24)]),
        ("He ran one ninety minute session.", [("ninety", 90)]),
        ("The bus leaves at 6:30PM.", [("6", 6)]),
        ("The lake is 5KMs away.", [("5", 5)]),
        ("It was their twenty-first win.", []),  # a summary's ordinal words are not read
    ],
)
def test_numbers_in_words_are_read_whole(text, found):
    assert [(x.text, x.value) for x in numbers(text)] == [(t, pytest.approx(v)) for t, v in found]


def test_an_articles_ordinals_support_the_same_number():
    article = (
        "The orchard lost its third harvest in a row to frost. Its owner planted the "
        "ninth row of pear trees in spring. The fourth inspector visited in May."
    )
    assert specific_flags("The orchard lost 3 harvests in a row to frost.", article) == []
    assert specific_flags("The owner planted the 9th row of pear trees.", article) == []
    # a summary's own ordinal word is not read, so it is neither checked nor a four
    assert specific_flags("A fourth inspector came by.", "An inspector came by twice.") == []
    assert [x.value for x in numbers("the twenty-first", article=True)] == [21]


def test_spelled_compounds_match_the_articles_digits():
    article = "Each driver earned up to 3,500 euros. The stadium cost 42.5 million euros."
    assert specific_flags("Drivers earned three thousand five hundred euros.", article) == []
    assert specific_flags("The stadium cost forty two point five million euros.", article) == []
    assert specific_flags("Drivers earned a 3.500 euro bonus.", article) == []
    assert specific_flags("Drivers earned four thousand euros.", article) == ["four thousand"]


def test_a_bound_holds_the_value_rounded_its_way():
    article = "The glacier moved 10,190 metres last century. The choir has 47 singers."
    assert specific_flags("The glacier moved more than 10,000 metres.", article) == []
    assert specific_flags("The choir has nearly 50 singers.", article) == []
    assert specific_flags("The choir has about 50 singers.", article) == []
    assert specific_flags("The choir has more than 50 singers.", article) == ["50"]
    assert specific_flags("The glacier moved more than 20,000 metres.", article) == ["20,000"]
    assert specific_flags("The choir has 50 singers.", article) == ["50"]  # no bound: exact


def test_the_same_counted_thing_is_the_same_number():
    article = "The keeper tended the lighthouse over a six-year stint before the storm."
    # paraphrased ("tended" / "looked after"), but six years of the same thing
    assert specific_flags("She looked after it for six years.", article) == []


def test_a_year_the_article_states_is_supported():
    article = "The band last toured in June 2011 across the north."
    assert specific_flags("Their final concerts were held in 2011.", article) == []
    assert specific_flags("Their final concerts were held in 2012.", article) == ["2012"]


# ------------------------------------------------------------------ names

NAMES_ARTICLE = (
    "Rosalind Okonkwo-Ferreira, a Lisbon architect, designed the Whitcombe Observatory. "
    "Her partner Tobias Quennell, a cellist, plays with the Haverford Ensemble. The "
    "couple visited Marrakesh on Saturday with their friend Jamie Ollerton. The "
    "observatory's website, StarGazers.org, lists visiting hours. Photographer Zoë "
    "Lindqvist took the pictures at Eastbourne."
)


@pytest.mark.parametrize(
    "name",
    [
        "Tobias Quenell",  # a letter dropped
        "Tobais Quennell",  # two neighbouring letters swapped
        "the Whitcombe Obsevatory",  # a letter dropped in a long word
        "Jaime Ollerton",  # swapped
        "the Havreford Ensemble",  # swapped in a long word
        "Marrakseh",  # swapped
        "Zoe Lindqvist",  # an accent folded
        "Star Gazers",  # one name written as two words
        "East Bourne",  # the same
        "Rosalind Okonkwo-Ferreira",
    ],
)
def test_a_slip_on_an_articles_name_is_the_same_name(name):
    assert specific_flags(f"On Satuday {name} was there.", NAMES_ARTICLE) == []


@pytest.mark.parametrize(
    "name",
    [
        "Tobias Brennan",  # another family name
        "Mobias Quennell",  # a slip on the first letter is another name
        "Jamie Ellerton",  # the same
        "Tom Quennell",  # a short name: no slip allowed
        "the Whitby Observatory",  # too far from Whitcombe
        "Lusbin",  # two changes in a 6-letter word
    ],
)
def test_another_name_stays_flagged(name):
    assert specific_flags(f"Later {name} was there.", NAMES_ARTICLE) != []


def test_rn_and_m_read_alike():
    article = "The team of Hornsby beat Sternway on penalties."
    assert specific_flags("Homsby beat Stemway.", article) == []


# ------------------------------------------------------------------ name edges


@pytest.mark.parametrize(
    "sentence",
    [
        "Coach Tobias Quennell arrived.",  # a role before the name
        "However Quennell arrived.",  # a connective opening the sentence
        "Teammate Rosalind Okonkwo-Ferreira arrived.",
        "The Haverford Ensemble Players arrived.",  # a group noun after it
        "Ex-Haverford cellist Quennell arrived.",  # a hyphenated prefix
        "They met in Lisbon The observatory is open.",  # a lost full stop
        "It lies 5KMs from Eastbourne.",  # a unit glued to a number
        "Man Utd played at Eastbourne.",  # a usual short name of the article's club
    ],
)
def test_common_words_next_to_a_name_are_not_the_name(sentence):
    article = NAMES_ARTICLE + " Manchester United played 5km away at Eastbourne."
    assert specific_flags(sentence, article) == []


def test_an_unknown_name_after_a_common_word_is_still_flagged():
    assert specific_flags("Coach Brenda Villers arrived.", NAMES_ARTICLE) == ["Brenda Villers"]
    assert specific_flags("They met in Lisbon The Kestrel Hotel was shut.", NAMES_ARTICLE) == [
        "Kestrel Hotel"
    ]


def test_a_run_of_number_words_is_read_as_separate_numbers():
    assert [x.value for x in numbers("two " * 40)] == [2] * 40
    assert [x.value for x in numbers("seven and " * 40)] == [7] * 40
