"""Facts-file authoring traps a new user hit: a `*` inside a phrasing, a negation cue
inside a `stated_as` or `shared` phrasing, and a negating phrasing matched in its
hyphenated form. Every fact and sentence here is made up (a ferry, a festival)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.errors import ConfigError
from harness.facts import alias_regex, load_facts
from harness.matcher import check_facts


def _facts(tmp_path: Path, text: str):
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    return load_facts(path, "doc")


def _verdict(text: str, fs, fact: str | None = None) -> str:
    results = check_facts(text, fs).results
    return next(r.verdict for r in results if fact is None or r.id == fact)


# ---------------------------------------------------------------- a `*` inside a phrasing


@pytest.mark.parametrize(
    ("phrasing", "text", "hit"),
    [
        ("take* over", "the mate takes over", True),
        ("take* over", "the mate is taking over", True),
        ("take* over", "the mate took over", False),  # an irregular form is its own phrasing
        ("take* over", "the mate takes it over", False),
        ("sail* on time", "it sailed on time", True),
        ("sail* on time", "sailing on time", True),
        ("ferr* terminal*", "the ferries' terminals", False),  # the apostrophe is a word end
        ("ferr* terminal*", "ferry terminals", True),
        ("hand* over", "handing-over", True),  # a space still matches a hyphen
        ("organis* it", "organizing it", True),  # spellings still match each other
        ("defence* cut*", "defense cuts", True),
        ("close*", "closing", True),  # a silent e drops before i
        ("close*", "closed", True),
        ("close*", "clothes", False),
    ],
)
def test_star_after_any_word_matches_its_endings(phrasing, text, hit):
    import re

    src, _ = alias_regex(phrasing)
    assert (re.search(src, text, re.I) is not None) is hit, (phrasing, text, src)


FERRY = """
[aliases]
taking = ["take* charge", "take* over"]

[[fact]]
id = "mate-in-charge"
statement = "The first mate took over the ferry after the captain fell ill."
context = ["ferr* crossing*"]
exclude = ["train* exercise*"]
stated_as = ["step* in for the captain"]
unless = ["plan* to"]
not_after.who = ["deput* to the"]
not_before.who = ["stand* down"]
[fact.slots]
who = ["mate", "first officer"]
act = ["@taking", "assum* command"]

[[fact.contradiction]]
slots = { who = ["captain"], act = ["stay* in charge", "kep* command"] }
shared = ["captain* stay* at the helm"]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # slots, through an [aliases] list
        ("The first mate is taking charge of the ferry crossing.", "present"),
        ("The first mate takes over the ferry crossings.", "present"),
        ("The first mate assumed command of the ferry crossing.", "present"),
        # context: a starred phrase in the neighbouring sentence
        ("The mate is taking over. The ferry crossings go on.", "present"),
        # exclude: a starred phrase marks another subject
        ("The ferry crossing was calm. In the storm the mate takes over.", "present"),
        ("The ferry crossing was calm. In training exercises the mate takes over.", "absent"),
        # stated_as
        ("The first mate stepped in for the captain on the ferry crossing.", "present"),
        # unless
        ("The mate is planning to take over the ferry crossing.", "absent"),
        ("The mate is planning a party and takes over the ferry crossing.", "present"),
        # not_after
        ("The deputy to the mate takes charge of the ferry crossing.", "absent"),
        # contradiction slots and shared
        ("The captain is staying in charge of the ferry crossing.", "contradicted"),
        ("The captains stayed at the helm of the ferry crossing.", "contradicted"),
    ],
)
def test_star_inside_a_phrasing_works_under_every_key(tmp_path, text, expected):
    assert _verdict(text, _facts(tmp_path, FERRY)) == expected


def test_star_inside_not_before_phrasing(tmp_path):
    from harness.matcher import _compiled

    claim = _compiled(_facts(tmp_path, FERRY).facts[0]).claim
    assert claim.not_before["who"].search(" standing down tomorrow")
    assert claim.not_before["who"].search(" has stood down") is None
    assert claim.not_after["who"].search("the deputies to the ")


@pytest.mark.parametrize("phrasing", ["take *", "* over", "take ** over", "take over (*)"])
def test_a_star_after_no_word_is_a_load_error_that_says_how_to_fix_it(tmp_path, phrasing):
    text = FERRY.replace('"assum* command"', f'"assum* command", "{phrasing}"')
    with pytest.raises(ConfigError) as info:
        _facts(tmp_path, text)
    msg = str(info.value)
    assert "facts.toml:" in msg and "fact 'mate-in-charge'" in msg and "slots.act" in msg
    assert repr(phrasing) in msg and "must follow a word" in msg
    assert "\n" not in msg


@pytest.mark.parametrize("key", ["shared", "context", "exclude", "window"])
def test_a_fact_key_written_under_the_slots_table_is_a_load_error(tmp_path, key):
    """TOML puts every line after "[fact.slots]" into that table: a fact key written there
    would silently become a slot of that name."""
    text = f"""
[[fact]]
id = "ferry-late"
statement = "The ferry was late."
[fact.slots]
what = ["ferry"]
act = ["late", "delayed"]
{key} = ["crossing"]
"""
    with pytest.raises(ConfigError) as info:
        _facts(tmp_path, text)
    msg = str(info.value)
    assert "facts.toml:" in msg and f"slot {key!r}" in msg and "before [fact.slots]" in msg
    assert "\n" not in msg


# ---------------------------------------------------------------- negation inside a phrasing

FESTIVAL = """
[[fact]]
id = "car-free"
statement = "The festival was held without cars."
polarity = "negative"
context = ["festival"]
stated_as = ["without cars", "no cars allowed"]
[fact.slots]
what = ["cars", "vehicles"]
act = ["allow*", "permit*", "drive*"]

[[fact]]
id = "no-fireworks"
statement = "The festival had no fireworks."
polarity = "negative"
context = ["festival"]
shared = ["no fireworks", "without fireworks"]
[fact.slots]
what = ["fireworks", "pyrotechnics"]
act = ["set off", "lit", "launched"]

[[fact]]
id = "music-without-tickets"
statement = "The festival's concerts were free, without tickets."
context = ["festival"]
slots = { what = ["concerts", "music"], how = ["without tickets", "free"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        # a stated_as phrasing's own "without" / "no" is part of it: it states the fact
        ("The festival was held without cars.", "car-free", "present"),
        ("The festival had no cars allowed.", "car-free", "present"),
        ("The festival was not held without cars.", "car-free", "contradicted"),
        ("Cars were allowed at the festival.", "car-free", "contradicted"),
        ("The festival did not allow cars.", "car-free", "present"),
        # a positive fact's slot phrasing is read literally too
        ("The festival concerts were held without tickets.", "music-without-tickets", "present"),
        # a negative fact's shared phrasing that negates by itself states the denial
        ("The festival went ahead with no fireworks.", "no-fireworks", "present"),
        ("The festival will go ahead without fireworks.", "no-fireworks", "present"),
        ("Fireworks were set off at the festival.", "no-fireworks", "contradicted"),
    ],
)
def test_negation_inside_a_phrasing_is_part_of_it(tmp_path, text, fact, expected):
    assert _verdict(text, _facts(tmp_path, FESTIVAL), fact) == expected


@pytest.mark.parametrize(
    ("spaced", "hyphenated", "expected"),
    [
        (
            "Organisers announced a no fireworks policy for the festival.",
            "Organisers announced a no-fireworks policy for the festival.",
            "present",
        ),
        (
            "The festival kept its no fireworks rule.",
            "The festival kept its no-fireworks rule.",
            "present",
        ),
        (
            "The festival will not keep its no fireworks rule.",
            "The festival will not keep its no-fireworks rule.",
            None,  # whatever the spaced form gives
        ),
    ],
)
def test_hyphenated_negating_phrasing_reads_like_the_spaced_one(
    tmp_path, spaced, hyphenated, expected
):
    fs = _facts(tmp_path, FESTIVAL)
    got = _verdict(hyphenated, fs, "no-fireworks")
    assert got == _verdict(spaced, fs, "no-fireworks")
    assert got == expected if expected else got != "absent"
