"""The README's pytest example ("Library"), run as it stands there.

Everything between the two marker comments is copied verbatim into README.md, and
tests/test_testing.py checks that it still is.
"""

# --- README example start
import pytest

from harness.testing import ThresholdError, assert_summary

FACTS = """
[[fact]]
id = "all-safe"
statement = "Everyone on board the ferry was evacuated unhurt."
required = true
polarity = "negative"
stated_as = ["evacuated safely"]

[fact.slots]
who = ["passengers", "crew", "anyone"]
harm = ["hurt", "injured"]
"""
REFERENCES = ["A ferry ran aground off the harbour; everyone on board was evacuated safely."]


def test_summary_keeps_the_facts():
    result = assert_summary(
        "The ferry ran aground near the harbour. No passengers were hurt.",
        references=REFERENCES,
        facts=FACTS,
        thresholds={"rouge1": 0.3},  # the gate's keys: rougeL, coverage, max-contradicted ...
    )
    assert result.facts() == {"all-safe": "present"}


def test_a_contradiction_fails_with_its_evidence():
    with pytest.raises(ThresholdError, match="'all-safe' is contradicted") as failure:
        assert_summary(
            "The ferry ran aground. Two passengers were injured.",
            references=REFERENCES,
            facts=FACTS,
        )
    assert "evidence: 'Two passengers were injured.'" in str(failure.value)


# --- README example end


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))  # not the user's cache
