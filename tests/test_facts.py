# ruff: noqa: E501  (test sentences are kept on one line each)
"""The facts file loader and the fact matcher.

Unit cases below are short sentences written for each phenomenon the matcher
must handle; the labeled-set tests run the checker over tests/data.
"""

from __future__ import annotations

import json
import time
import tomllib
from pathlib import Path

import pytest

from harness.calibrate import calibrate, load_labels, render_text, texts_from_labels
from harness.errors import ConfigError
from harness.facts import Fact, FactSet, describe_facts, load_facts
from harness.matcher import check_facts, checklist

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "references" / "hegseth-nato" / "facts.toml"
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def factset() -> FactSet:
    return load_facts(FACTS, "hegseth-nato")


# ---------------------------------------------------------------- phenomenon cases

CASES: list[tuple[str, str, str]] = [
    # no-us-troops
    ("American soldiers will stay out of the force.", "no-us-troops", "present"),
    (
        "Hegseth would not rule out U.S. troops joining the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    ("U.S. troops would join the peacekeeping force.", "no-us-troops", "contradicted"),
    ("No U.S. troops will be part of the force.", "no-us-troops", "present"),
    ("American soldiers will not be deployed to Ukraine.", "no-us-troops", "present"),
    ("US troops will deploy to Ukraine as part of the force.", "no-us-troops", "contradicted"),
    (
        "The U.S. will not contribute personnel to the peacekeeping mission.",
        "no-us-troops",
        "present",
    ),
    ("- No US troops in the peacekeeping force", "no-us-troops", "present"),
    (
        "He proposed a peacekeeping force. Washington won't put boots on the ground.",
        "no-us-troops",
        "present",
    ),
    (
        "The plan calls for a peacekeeping force and the exclusion of American forces.",
        "no-us-troops",
        "present",
    ),
    (
        "The peacekeeping force would be European; the U.S. will remain outside the force.",
        "no-us-troops",
        "present",
    ),
    (
        "Europe, not the United States, would supply the troops for the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "A peacekeeping force without U.S. troops or Article 5 protection was proposed.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth reportedly said no American troops would serve in the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    ("The peacekeeping force might not include U.S. troops.", "no-us-troops", "absent"),
    (
        "It is unclear whether U.S. troops would take part in the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    ("He said U.S. troops will stay in Poland.", "no-us-troops", "absent"),
    (
        "Hegseth ruled out sending U.S. troops to join a peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "U.S. Defense Secretary Pete Hegseth said the peacekeeping troops would not have Article 5 protection.",
        "no-us-troops",
        "absent",
    ),
    (
        "The peacekeepers would come from Europe rather than from the United States.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth said Washington would send soldiers to join the peacekeeping force, but the force would lack Article 5 cover.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The settlement would be policed by peacekeepers, none of them American.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth did not say whether American troops would be part of the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (
        "**Troops:** no US boots on the ground in any peacekeeping mission.",
        "no-us-troops",
        "present",
    ),
    ("The U.S. will not participate in the peacekeeping force.", "no-us-troops", "present"),
    # no-article-5
    (
        "The force would have no NATO Article 5 protection if it clashed with Russian forces.",
        "no-article-5",
        "present",
    ),
    (
        "Peacekeepers would not be covered by Article Five if attacked by Russian troops.",
        "no-article-5",
        "present",
    ),
    (
        "Ukraine cannot join NATO and so would not enjoy Article 5 protection.",
        "no-article-5",
        "absent",
    ),
    (
        "The peacekeeping force would be protected by Article 5 if Russia attacked it.",
        "no-article-5",
        "contradicted",
    ),
    (
        "The peacekeeping force would sit outside NATO's collective-defence guarantee.",
        "no-article-5",
        "present",
    ),
    ("Hegseth said Art. 5 would not apply to the peacekeepers.", "no-article-5", "present"),
    (
        "The force, lacking Article V protections, would operate alone against any Russian attack.",
        "no-article-5",
        "present",
    ),
    (
        "It was unclear whether Article 5 would cover the peacekeeping troops.",
        "no-article-5",
        "absent",
    ),
    (
        "The peacekeepers would not be left without Article 5 protection.",
        "no-article-5",
        "contradicted",
    ),
    (
        "This raises concerns about the future of NATO's collective defense commitment.",
        "no-article-5",
        "absent",
    ),
    (
        "The peacekeeping force would include no U.S. troops and would not enjoy NATO Article 5 protection.",
        "no-article-5",
        "present",
    ),
    (
        "The force would include no US troops, and Article 5 would apply if it clashed with Russian forces.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Should peacekeepers clash with Russian units, the alliance's mutual-defence clause would not apply to them.",
        "no-article-5",
        "present",
    ),
    (
        "If the peacekeepers clashed with Russia, NATO's Article 5 would not be triggered.",
        "no-article-5",
        "present",
    ),
    # uk-chairmanship
    (
        "The United Kingdom took over the chairmanship of the Ukraine Defense Contact Group from the U.S.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The United States kept the chairmanship of the contact group.",
        "uk-chairmanship",
        "contradicted",
    ),
    ("UK takes UDCG chair", "uk-chairmanship", "present"),
    ("The chair of the group was handed to Britain.", "uk-chairmanship", "present"),
    ("Britain now chairs the Ukraine Defense Contact Group.", "uk-chairmanship", "present"),
    (
        "The meeting took place under British leadership for the first time.",
        "uk-chairmanship",
        "present",
    ),
    ("London replaced Washington as chair of the group.", "uk-chairmanship", "present"),
    ("The group was chaired by the UK for the first time.", "uk-chairmanship", "present"),
    (
        "The U.S. ceded the chairmanship of the contact group to the UK.",
        "uk-chairmanship",
        "present",
    ),
    ("The UK handed the chair of the group to the US.", "uk-chairmanship", "contradicted"),
    ("Washington replaced London as chair of the group.", "uk-chairmanship", "contradicted"),
    (
        "The United Kingdom did not take over the chairmanship of the group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Members of the contact group, including the United Kingdom, pledged more aid.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "The contact group, chaired by the United States since 2022, met in Brussels.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Britain, rather than the United States, chaired the meeting of the contact group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The United States, rather than Britain, chaired the meeting of the contact group.",
        "uk-chairmanship",
        "contradicted",
    ),
    ("The U.S. still chairs the Ukraine Defense Contact Group.", "uk-chairmanship", "contradicted"),
    ("The UK may take over the chair of the contact group.", "uk-chairmanship", "absent"),
    ("The U.K. has succeeded the U.S. as head of the contact group.", "uk-chairmanship", "present"),
    ("The UK took over the chairmanship from the United States.", "uk-chairmanship", "present"),
    ("The chairmanship passed from Washington to London.", "uk-chairmanship", "present"),
    (
        "Britain\u2019s defence secretary chaired the meeting \u2014 a first for the UK.",
        "uk-chairmanship",
        "present",
    ),
    ("", "uk-chairmanship", "absent"),
]
CASES += [
    (
        "The peacekeepers would be European troops, but not American ones.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth insisted U.S. soldiers would play no part in the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "U.S. troops would join a peacekeeping force with no Article 5 protection.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Article 5 \u2014 NATO's mutual-defense pledge \u2014 would not cover the peacekeepers.",
        "no-article-5",
        "present",
    ),
    ("The group, formerly led by the US, is now chaired by Britain.", "uk-chairmanship", "present"),
    ("Britain took charge of the Ukraine Defense Contact Group.", "uk-chairmanship", "present"),
    ("The UK-led contact group met in Brussels.", "uk-chairmanship", "present"),
    (
        "European allies, led by Britain and France, should take the lead on Ukraine's security.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Hegseth said the peacekeepers could not invoke Article 5 if they clashed with Russian forces.",
        "no-article-5",
        "present",
    ),
    (
        "The U.S. would keep providing weapons but not troops for the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
]
P = "Hegseth proposed an international peacekeeping force for Ukraine. "
G = "Hegseth spoke at the Ukraine Defense Contact Group meeting in Brussels. "
CASES += [
    (P + "Washington will not send its own forces.", "no-us-troops", "present"),
    (P + "There will be no American boots on the ground.", "no-us-troops", "present"),
    (P + "He made clear that American forces would not participate.", "no-us-troops", "present"),
    (
        P
        + "It would be made up of European and non-European troops, and U.S. troops would not be among them.",
        "no-us-troops",
        "present",
    ),
    (P + "The United States, he said, would not be part of it.", "no-us-troops", "present"),
    (P + "America will keep its soldiers out of Ukraine.", "no-us-troops", "present"),
    (P + "The US would contribute troops to the mission.", "no-us-troops", "contradicted"),
    (P + "He said American troops could be part of the force.", "no-us-troops", "contradicted"),
    (P + "He left open the possibility of U.S. troops joining it.", "no-us-troops", "absent"),
    (P + "Hegseth said the U.S. was considering sending troops.", "no-us-troops", "absent"),
    (
        P + "The Trump administration has no plans to deploy U.S. forces to the mission.",
        "no-us-troops",
        "present",
    ),
    (P + "Hegseth, a U.S. Army veteran, said the force must be robust.", "no-us-troops", "absent"),
    (P + "The force would not fall under NATO's Article 5.", "no-article-5", "present"),
    (P + "NATO's Article 5 would not be extended to the peacekeepers.", "no-article-5", "present"),
    (
        P
        + "Its troops would be on their own, without the backing of Article 5, if they clashed with Russian forces.",
        "no-article-5",
        "present",
    ),
    (P + "Article 5 protection would not be available to the force.", "no-article-5", "present"),
    (
        P + "The force would be a non-NATO mission, not covered by Article 5.",
        "no-article-5",
        "present",
    ),
    (P + "Peacekeepers would be covered by Article 5, he said.", "no-article-5", "contradicted"),
    (
        P
        + "Hegseth said NATO's Article 5 would apply if Russian forces attacked the peacekeepers.",
        "no-article-5",
        "contradicted",
    ),
    (
        P
        + "He said Ukraine's NATO membership was unrealistic, so Article 5 protection was off the table for Kyiv.",
        "no-article-5",
        "absent",
    ),
    (
        G + "Britain has taken over leadership of the group from the United States.",
        "uk-chairmanship",
        "present",
    ),
    (G + "The UK assumed the role of chair, replacing the U.S.", "uk-chairmanship", "present"),
    (
        G + "The meeting was chaired for the first time by British Defence Secretary John Healey.",
        "uk-chairmanship",
        "present",
    ),
    (G + "The UK now runs the group that the U.S. founded in 2022.", "uk-chairmanship", "present"),
    (
        G + "For the first time the group was led by Britain rather than America.",
        "uk-chairmanship",
        "present",
    ),
    (
        G + "The United States retained its role as chair of the group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (G + "The U.S. continued to lead the group.", "uk-chairmanship", "contradicted"),
    (G + "Britain, a major donor, pledged more aid to Ukraine.", "uk-chairmanship", "absent"),
    (G + "The chairmanship moved from Washington to London.", "uk-chairmanship", "present"),
    (
        G + "Germany now chairs the group after the U.S. stepped down.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        G + "Britain is expected to take over the chair later this year.",
        "uk-chairmanship",
        "absent",
    ),
]


@pytest.mark.parametrize(("text", "fact", "expected"), CASES)
def test_phenomenon(factset, text, fact, expected):
    result = check_facts(text, factset).get(fact)
    assert result.verdict == expected, (result, text)
    if result.span is not None:
        assert text[result.span[0] : result.span[1]] == result.evidence
    else:
        assert result.evidence is None
    assert 0.0 <= result.confidence <= 1.0


def test_case_count():
    assert len(CASES) >= 40


# ---------------------------------------------------------------- evidence, robustness, speed


def test_evidence_span_in_markdown(factset):
    text = "# Summary\n\n- **Peacekeepers:** a force with *no* US troops.\n- UK took the chair of the group.\n"
    res = check_facts(text, factset)
    for r in res.results:
        if r.span:
            assert text[r.span[0] : r.span[1]] == r.evidence
    assert res.get("no-us-troops").verdict == "present"
    assert res.get("uk-chairmanship").verdict == "present"
    assert res.get("no-article-5").verdict == "absent"
    assert res.present == 2 and res.absent == 1 and res.contradicted == 0
    assert res.coverage == pytest.approx(2 / 3)
    assert checklist(res) == "✓✗✓"


def test_unicode_quotes_and_dashes(factset):
    text = "Hegseth said the peacekeeping force \u2014 which won\u2019t include U.S. troops \u2014 is Europe\u2019s job."
    r = check_facts(text, factset).get("no-us-troops")
    assert r.verdict == "present"
    assert text[r.span[0] : r.span[1]] == r.evidence


def test_empty_text_all_absent(factset):
    for text in ("", "   \n\n", "\u200f\u200e"):
        res = check_facts(text, factset)
        assert [r.verdict for r in res.results] == ["absent"] * 3
        assert res.coverage == 0.0


def test_never_raises_on_odd_unicode(factset):
    odd = [
        "\x00\x01\x02 No U.S. troops \x7f in the force.",
        "\u202eNo U.S. troops in the peacekeeping force\u202c",
        "🇺🇸 troops? ❌ No U.S. troops 🙅 in the peacekeeping force 🕊️",
        "İstanbul ß ﬁ Ⅻ No U.S. troops in the peacekeeping force.",
        "no " * 25_000,
        ("The U.K. chairs the group " * 2000) + "\n",
        "x" * 50_000,
        "\ud800 lone surrogate and no U.S. troops in the force",
        "U.\n\nS.",
        "::::;;;;----((((",
    ]
    for text in odd:
        res = check_facts(text, factset)
        for r in res.results:
            assert r.verdict in ("present", "absent", "contradicted")
            if r.span:
                assert text[r.span[0] : r.span[1]] == r.evidence


def test_fact_built_in_code_without_slots_is_absent():
    fs = FactSet("doc", None, "", (Fact("x", "Something.", required=True),))
    res = check_facts("Something happened.", fs)
    assert res.results[0].verdict == "absent"
    assert fs.sha256 == ""


def test_speed(factset):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "candidates").glob("*"))]
    if not texts:
        pytest.skip("no candidates/ folder")
    batch = [f"{texts[i % len(texts)]} ({i})" for i in range(1000)]
    t0 = time.perf_counter()
    for t in batch:
        check_facts(t, factset)
    elapsed = time.perf_counter() - t0
    assert elapsed < 5.0, elapsed  # target is well under 1 s on a normal machine


def test_no_torch_import():
    import subprocess
    import sys

    code = (
        "import sys, harness.matcher, harness.facts, harness.calibrate;"
        "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# ---------------------------------------------------------------- loader


def _write(tmp_path: Path, text: str, name: str = "facts.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """
[[fact]]
id = "a"
statement = "A is so."
slots = { who = ["alpha"] }
"""


def test_load_real_file(factset):
    assert factset.ids == ("no-us-troops", "no-article-5", "uk-chairmanship")
    assert all(f.required for f in factset.facts)
    assert len(factset.sha256) == 64
    assert factset.document == "hegseth-nato"
    desc = describe_facts(factset)
    json.dumps(desc)
    assert [d["id"] for d in desc] == list(factset.ids)
    d = desc[0]
    assert d["polarity"] == "negative" and d["required"] is True
    assert "troops" in " ".join(d["claim"]["slots"]["what"])
    assert d["scope"]["context"] and d["scope"]["exclude"]
    assert desc[2]["contradiction"]["claims"]


def test_minimal_file(tmp_path):
    fs = load_facts(_write(tmp_path, GOOD), "doc")
    assert fs.facts[0].polarity == "positive" and fs.facts[0].required is False
    assert check_facts("Alpha was there.", fs).results[0].verdict == "present"
    assert check_facts("Alpha was not there.", fs).results[0].verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        ("[[fact]]\nid = 'a'\nstatement = 'x\n", "malformed TOML", 3),
        (GOOD + "colour = 'red'\n", "unknown key 'colour'", 6),
        (GOOD + GOOD, "duplicate fact id 'a'", 8),
        ("fact = []\n", "no facts", None),
        ("title = 'x'\n", "unknown top-level key", 1),
        ("", "no facts", None),
        (
            GOOD.replace(
                'slots = { who = ["alpha"] }', 'slots = { who = ["alpha"] }\npolarity = "maybe"'
            ),
            "polarity must be",
            6,
        ),
        (GOOD.replace('statement = "A is so."\n', ""), "missing required key 'statement'", 2),
        (GOOD.replace('["alpha"]', '["re:(unclosed"]'), "bad regular expression", 5),
        (GOOD.replace('["alpha"]', '["@nope"]'), "unknown alias list '@nope'", 5),
        (GOOD.replace('["alpha"]', "[]"), "non-empty", 5),
        (GOOD + 'required = "yes"\n', "required must be true or false", 6),
        (GOOD + 'opposite = "sometimes"\n', "opposite must be", 6),
        (GOOD + 'order = ["nope"]\n', "order must list slot names", 6),
        (
            GOOD + "[[fact.contradiction]]\nslots = { x = ['y'] }\nbogus = 1\n",
            "unknown key 'bogus'",
            8,
        ),
    ],
)
def test_loader_errors(tmp_path, text, needle, line):
    p = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_facts(p, "doc")
    err = info.value
    assert needle in str(err), str(err)
    assert "facts.toml" in str(err)
    assert err.exit_code == 2
    if line is not None:
        assert err.line == line, str(err)
    assert "\n" not in str(err)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read facts file"):
        load_facts(tmp_path / "nope.toml", "doc")


def test_alias_syntax(tmp_path):
    fs = load_facts(
        _write(
            tmp_path,
            """
[aliases]
us = ["U.S.", "United States"]
[[fact]]
id = "x"
statement = "The U.S. organised the defence."
slots = { who = ["@us"], what = ["organis*", "defence centre"] }
""",
        ),
        "doc",
    )
    ok = [
        "The US organized it.",
        "the u.s. organises it",
        "The United States' defense center.",
        "The U.S. organizing.",
    ]
    for t in ok:
        assert check_facts(t, fs).results[0].verdict == "present", t
    for t in ["Tell us what was organized.", "USA organised", "It organised."]:
        assert check_facts(t, fs).results[0].verdict == "absent", t


# ---------------------------------------------------------------- labeled sets


def _print_report(report, capsys, title):
    with capsys.disabled():
        print(f"\n=== {title} ===")
        for f in report.facts:
            conf = " ".join(
                f"{e[:4]}->{p[:4]}:{f.confusion[i][j]}"
                for i, e in enumerate(("present", "absent", "contradicted"))
                for j, p in enumerate(("present", "absent", "contradicted"))
                if f.confusion[i][j]
            )
            print(f"{f.fact:<18} accuracy {f.accuracy:.1%} ({f.correct}/{f.n})  {conf}")
        print(
            f"overall {report.accuracy:.1%} ({report.correct}/{report.n}); "
            f"contradicted->present {report.contradicted_as_present}, "
            f"present->contradicted {report.present_as_contradicted}"
        )
        bad = [d for f in report.facts for d in f.disagreements]
        for d in bad:
            print(
                f"  {d.candidate} {d.fact}: expected {d.expected}, got {d.predicted} | "
                f"{(d.evidence or '-')[:140]}"
            )


def test_labeled_set(factset, capsys):
    path = DATA / "facts_labeled.jsonl"
    if not path.exists():
        pytest.skip("tests/data/facts_labeled.jsonl is missing")
    labels = load_labels(path)
    assert len({lab.candidate for lab in labels}) >= 80
    report = calibrate(labels, texts_from_labels(labels), {"hegseth-nato": factset})
    _print_report(report, capsys, "facts_labeled.jsonl")
    assert render_text(report)
    assert report.accuracy >= 0.95
    assert report.contradicted_as_present == 0
    assert report.present_as_contradicted == 0


def test_demo_candidates(factset, capsys):
    expected_path = DATA / "demo_expected.toml"
    cand_dir = ROOT / "candidates"
    if not expected_path.exists() or not cand_dir.is_dir():
        pytest.skip("tests/data/demo_expected.toml or candidates/ is missing")
    expected = tomllib.loads(expected_path.read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in cand_dir.iterdir() if p.is_file()}
    from harness.calibrate import Label

    labels = [
        Label(cid, "hegseth-nato", fact, verdict)
        for cid, facts in expected.items()
        for fact, verdict in facts.items()
        if cid in texts
    ]
    report = calibrate(labels, texts, {"hegseth-nato": factset})
    _print_report(report, capsys, "demo candidates")
    assert report.accuracy >= 0.95
    assert report.contradicted_as_present == 0
