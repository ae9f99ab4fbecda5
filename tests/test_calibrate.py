"""`harness calibrate`: label files, confusion matrices, precision / recall, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.calibrate import (
    VERDICTS,
    CalibrationReport,
    Label,
    calibrate,
    load_labels,
    render_calibration,
    render_text,
    report_to_dict,
    texts_from_labels,
)
from harness.errors import ConfigError
from harness.facts import load_facts

FACTS_TOML = """
[[fact]]
id = "sky"
statement = "The sky is blue."
slots = { what = ["sky"], colour = ["blue"] }

[[fact]]
id = "no-rain"
statement = "It did not rain."
polarity = "negative"
slots = { what = ["rain*"] }
opposite_requires = ["fell", "fall*", "pour*"]
"""

TEXTS = {
    "c1": "The sky is blue. No rain fell.",  # sky present, no-rain present
    "c2": "The sky is not blue. Rain fell all day.",  # sky contradicted, no-rain contradicted
    "c3": "A quiet day.",  # both absent
    "c4": "The sky is blue.",  # sky present, no-rain absent
}


@pytest.fixture
def factsets(tmp_path):
    p = tmp_path / "facts.toml"
    p.write_text(FACTS_TOML, encoding="utf-8")
    return {"doc": load_facts(p, "doc")}


def _labels():
    # expected verdicts; the checker's verdicts are in the comments of TEXTS
    rows = [
        ("c1", "sky", "present"),  # right
        ("c2", "sky", "contradicted"),  # right
        ("c3", "sky", "present"),  # wrong: predicted absent
        ("c4", "sky", "absent"),  # wrong: predicted present
        ("c1", "no-rain", "present"),  # right
        ("c2", "no-rain", "present"),  # wrong: predicted contradicted
        ("c3", "no-rain", "absent"),  # right
        ("c4", "no-rain", "absent"),  # right
    ]
    return [Label(c, None, f, e) for c, f, e in rows]


def test_confusion_and_rates(factsets):
    report = calibrate(_labels(), TEXTS, factsets)
    assert [f.fact for f in report.facts] == ["sky", "no-rain"]
    sky, rain = report.facts
    p, a, c = (VERDICTS.index(v) for v in ("present", "absent", "contradicted"))
    # sky: expected present -> {present: 1, absent: 1}; absent -> present 1; contra -> contra 1
    assert sky.confusion[p] == (1, 1, 0)
    assert sky.confusion[a] == (1, 0, 0)
    assert sky.confusion[c] == (0, 0, 1)
    assert sky.n == 4 and sky.correct == 2 and sky.accuracy == 0.5
    stats = {s.verdict: s for s in sky.stats}
    assert stats["present"].precision == 0.5  # predicted present twice, right once
    assert stats["present"].recall == 0.5  # expected present twice, found once
    assert stats["absent"].precision == 0.0  # predicted absent once (c3), wrong
    assert stats["absent"].recall == 0.0
    assert stats["contradicted"].precision == 1.0 and stats["contradicted"].recall == 1.0
    assert {(d.candidate, d.expected, d.predicted) for d in sky.disagreements} == {
        ("c3", "present", "absent"),
        ("c4", "absent", "present"),
    }
    c4 = next(d for d in sky.disagreements if d.candidate == "c4")
    assert c4.evidence == "The sky is blue." and TEXTS["c4"][slice(*c4.span)] == c4.evidence

    # no-rain: one present labeled, predicted contradicted
    assert rain.confusion[p] == (1, 0, 1)
    rstats = {s.verdict: s for s in rain.stats}
    assert rstats["contradicted"].precision == 0.0
    assert rstats["contradicted"].recall is None  # nothing expected contradicted
    assert rstats["absent"].precision == 1.0 and rstats["absent"].recall == 1.0

    assert report.n == 8 and report.correct == 5
    assert report.accuracy == pytest.approx(5 / 8)
    assert report.contradicted_as_present == 0
    assert report.present_as_contradicted == 1

    d = report_to_dict(report)
    json.dumps(d)
    assert d["facts"][0]["confusion"]["present"] == {"present": 1, "absent": 1, "contradicted": 0}
    assert d["facts"][1]["per_verdict"]["contradicted"]["recall"] is None
    text = render_text(report)
    assert "sky" in text and "c3" in text and "62.5%" in text
    assert render_calibration(report) is not None


def test_csv_labels(tmp_path, factsets):
    p = tmp_path / "labels.csv"
    p.write_text(
        "candidate,fact,expected\nc1,sky,present\nc2,sky,Contradicted\n\nc3,no-rain,absent\n",
        encoding="utf-8",
    )
    labels = load_labels(p)
    assert [(x.candidate, x.fact, x.expected) for x in labels] == [
        ("c1", "sky", "present"),
        ("c2", "sky", "contradicted"),
        ("c3", "no-rain", "absent"),
    ]
    assert labels[0].line == 2 and labels[2].line == 5
    report = calibrate(labels, TEXTS, factsets)
    assert report.accuracy == 1.0


def test_tsv_labels_with_document(tmp_path, factsets):
    p = tmp_path / "labels.tsv"
    p.write_text("document\tcandidate\tfact\texpected\ndoc\tc1\tsky\tpresent\n", encoding="utf-8")
    labels = load_labels(p)
    assert labels[0].document == "doc"
    assert calibrate(labels, TEXTS, factsets).accuracy == 1.0


def test_jsonl_labels(tmp_path, factsets):
    p = tmp_path / "labels.jsonl"
    lines = [
        {"id": "x1", "summary": "The sky is blue.", "labels": {"sky": "present"}},
        {
            "id": "x2",
            "document": "doc",
            "summary": "Rain poured.",
            "labels": {"no-rain": "contradicted", "sky": "absent"},
        },
    ]
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    labels = load_labels(p)
    assert len(labels) == 3
    assert texts_from_labels(labels) == {"x1": "The sky is blue.", "x2": "Rain poured."}
    report = calibrate(labels, {}, factsets)
    assert report.accuracy == 1.0


@pytest.mark.parametrize(
    ("name", "content", "needle", "line"),
    [
        ("l.csv", "candidate,fact\nc1,sky\n", "missing column 'expected'", 1),
        ("l.csv", "candidate,fact,expected\nc1,sky,maybe\n", "unknown verdict 'maybe'", 2),
        ("l.csv", "candidate,fact,expected\nc1,sky\n", "expected 3 columns", 2),
        ("l.csv", "candidate,fact,expected\nc1,sky,present\nc1,sky,absent\n", "duplicate", 3),
        ("l.csv", "", "empty labels file", 1),
        (
            "l.jsonl",
            '{"id": "a", "summary": "s", "labels": {"sky": "present"}}\n{oops\n',
            "invalid JSON",
            2,
        ),
        ("l.jsonl", '{"id": "a", "labels": {"sky": "present"}}\n', "missing key 'summary'", 1),
        (
            "l.jsonl",
            '{"id": "a", "summary": "s", "labels": {"sky": "yes"}}\n',
            "unknown verdict 'yes'",
            1,
        ),
        ("l.jsonl", '["not", "an", "object"]\n', "JSON object", 1),
    ],
)
def test_bad_label_files(tmp_path, name, content, needle, line):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_labels(p)
    assert needle in str(info.value)
    assert name in str(info.value)
    assert info.value.line == line
    assert info.value.exit_code == 2


def test_unknown_fact_and_missing_text(tmp_path, factsets):
    p = tmp_path / "l.csv"
    p.write_text("candidate,fact,expected\nc1,nope,present\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"l\.csv:2: unknown fact id 'nope'"):
        calibrate(load_labels(p), TEXTS, factsets)
    p.write_text("candidate,fact,expected\nmissing,sky,present\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no candidate text for 'missing'"):
        calibrate(load_labels(p), TEXTS, factsets)
    p.write_text("document,candidate,fact,expected\nother,c1,sky,present\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown document 'other'"):
        calibrate(load_labels(p), TEXTS, factsets)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="labels file not found"):
        load_labels(Path(tmp_path / "none.csv"))


# ---------------------------------------------------------------- the command on real data

REPO = Path(__file__).resolve().parent.parent


def _run_calibrate(*args: str, references: Path | None = None) -> tuple[int, dict]:
    from click.testing import CliRunner

    from harness.cli import main

    refs = references or REPO / "references"
    result = CliRunner().invoke(
        main,
        ["calibrate", *args, "--references", str(refs), "--format", "json"],
        catch_exceptions=False,
    )
    return result.exit_code, json.loads(result.stdout)


def _per_fact(report: dict) -> str:
    return ", ".join(f"{f['fact']} {f['accuracy']:.1%}" for f in report["facts"])


ARTICLES = REPO / "tests" / "data" / "articles"
XSUM_ARTICLES = REPO / "tests" / "data" / "articles_xsum"
Q_ARTICLES = REPO / "tests" / "data" / "articles_q"
R_ARTICLES = REPO / "tests" / "data" / "articles_r"
S_ARTICLES = REPO / "tests" / "data" / "articles_s"
T_ARTICLES = REPO / "tests" / "data" / "articles_t"
U_ARTICLES = REPO / "tests" / "data" / "articles_u"
V_ARTICLES = REPO / "tests" / "data" / "articles_v"
W_ARTICLES = REPO / "tests" / "data" / "articles_w"
X_ARTICLES = REPO / "tests" / "data" / "articles_x"
Y_ARTICLES = REPO / "tests" / "data" / "articles_y"
Z_ARTICLES = REPO / "tests" / "data" / "articles_z"
AA_ARTICLES = REPO / "tests" / "data" / "articles_aa"
AB_ARTICLES = REPO / "tests" / "data" / "articles_ab"
AC_ARTICLES = REPO / "tests" / "data" / "articles_ac"
AD_ARTICLES = REPO / "tests" / "data" / "articles_ad"
AE_ARTICLES = REPO / "tests" / "data" / "articles_ae"
AF_ARTICLES = REPO / "tests" / "data" / "articles_af"
AG_ARTICLES = REPO / "tests" / "data" / "articles_ag"
AH_ARTICLES = REPO / "tests" / "data" / "articles_ah"
AI_ARTICLES = REPO / "tests" / "data" / "articles_ai"
AJ_ARTICLES = REPO / "tests" / "data" / "articles_aj"
AK_ARTICLES = REPO / "tests" / "data" / "articles_ak"
AL_ARTICLES = REPO / "tests" / "data" / "articles_al"
AM_ARTICLES = REPO / "tests" / "data" / "articles_am"
AN_ARTICLES = REPO / "tests" / "data" / "articles_an"
AO_ARTICLES = REPO / "tests" / "data" / "articles_ao"
AP_ARTICLES = REPO / "tests" / "data" / "articles_ap"
AQ_ARTICLES = REPO / "tests" / "data" / "articles_aq"
AR_ARTICLES = REPO / "tests" / "data" / "articles_ar"
AS_ARTICLES = REPO / "tests" / "data" / "articles_as"
AT_ARTICLES = REPO / "tests" / "data" / "articles_at"
AU_ARTICLES = REPO / "tests" / "data" / "articles_au"
AV_ARTICLES = REPO / "tests" / "data" / "articles_av"
AW_ARTICLES = REPO / "tests" / "data" / "articles_aw"
AX_ARTICLES = REPO / "tests" / "data" / "articles_ax"
AY_ARTICLES = REPO / "tests" / "data" / "articles_ay"

# Every labeled set, its documents, its floor (the accuracy measured on the current matcher
# less 2 points; README, "Calibrating the checklist", has the blind-first numbers) and how
# many contradictions it may judge present (0 but where the facts file cannot tell: the
# place or the speaker that was swapped is no slot of the writer's fact).
SETS = [
    # hegseth-nato, by seven writers (the shipped short facts file; the tuned file it
    # replaced is tested below)
    ("facts_labeled.jsonl", None, 0.973, 0),  # 99.3 % ("did not rule out" labeled absent)
    ("facts_holdout.jsonl", None, 0.967, 0),  # 98.7 %
    ("facts_blind.jsonl", None, 0.98, 0),  # 100 %
    ("facts_blind2.jsonl", None, 0.98, 0),  # 100 %
    ("facts_blind3.jsonl", None, 0.963, 0),  # 98.3 % ("did not rule out" labeled absent)
    ("facts_blind4.jsonl", None, 0.969, 0),  # 98.9 %
    ("facts_blind5.jsonl", None, 0.974, 0),  # 99.4 %
    ("facts_final_e.jsonl", None, 0.958, 0),  # 97.8 % (92.6 % blind, the final measurement)
    # an eleventh writer, measured once, blind (93.3 %), then developed on
    ("facts_blind6.jsonl", None, 0.967, 0),  # 98.7 % (93.3 % blind)
    # a twelfth writer, measured once, blind (97.3 %), on the shipped short facts file
    ("facts_blind7.jsonl", None, 0.967, 0),  # 98.7 % (97.3 % blind)
    # a thirteenth writer, measured once, blind (94.0 %), on the shipped short facts file
    ("facts_blind8.jsonl", None, 0.967, 0),  # 98.7 % (94.0 % blind)
    # a fourteenth writer, measured once, blind, on the shipped short facts file
    ("facts_blind9.jsonl", None, 0.96, 0),  # 98.0 % (97.3 % blind)
    # a fifteenth writer, measured once, blind, on the shipped short facts file
    ("facts_blind10.jsonl", None, 0.953, 0),  # 97.3 % (95.3 % blind)
    # a sixteenth writer, measured once, blind, on the shipped short facts file
    ("facts_blind11.jsonl", None, 0.96, 0),  # 98.7 % (92.0 % blind)
    # a seventeenth writer, measured once, blind, on the shipped short facts file; "British
    # officials ... proposed that a peacekeeping force exclude U.S. troops" (the wrong
    # proposer, contradicted since the facts' `actor`)
    ("facts_blind12.jsonl", None, 0.953, 0),  # 97.3 % (94.0 % blind)
    # an eighteenth writer, measured once, blind, on the shipped short facts file; the same
    # wrong proposer (Lloyd Austin) labeled contradicted
    ("facts_blind13.jsonl", None, 0.933, 1),  # 95.3 % (94.0 % blind)
    # a nineteenth writer, measured once, blind, on the shipped short facts file; the wrong
    # proposer again (Lloyd Austin), for both force facts: contradicted since `actor`
    ("facts_blind14.jsonl", None, 0.96, 0),  # 98.0 % (94.7 % blind)
    # a twentieth writer, measured once, blind, on the shipped short facts file at the end;
    # the wrong proposer (contradicted since `actor`)
    ("facts_blind15.jsonl", None, 0.973, 0),  # 99.3 % (96.0 % blind)
    # a twenty-first writer, measured once, blind, on the shipped short facts file at the end;
    # "Hegseth, who chaired the meeting" (the U.S. chair through its minister), a
    # condition's wrong detail ("Ukrainian forces"); the wrong proposers are contradicted
    # since `actor`, the wrong former chairs ("from France", "from Germany") since
    # harness.detail_rules
    ("facts_blind16.jsonl", None, 0.947, 2),  # 96.7 % (92.0 % blind)
    # a twenty-second and a twenty-third writer, measured once, blind, on 4a6bbce;
    # "except in the event of contact" turning the condition round, a chair taken over
    # "next year", "from Germany"
    ("facts_blind17.jsonl", None, 0.947, 0),  # 96.7 % (94.7 % blind)
    ("facts_blind18.jsonl", None, 0.947, 2),  # 96.7 % (93.3 % blind)
    # a twenty-eighth and a twenty-ninth writer, measured once, blind, on 4322948; "The UK,
    # which has chaired the group since 2022" (no rule for a wrong history); "Hegseth
    # proposed a force without U.S. troops that would enjoy Article Five protections" (the
    # "without" over the relative clause)
    ("facts_blind19.jsonl", None, 0.973, 1),  # 99.3 % (98.7 % blind)
    ("facts_blind20.jsonl", None, 0.94, 0),  # 96.0 % (92.0 % blind)
    # a thirtieth writer, measured once, blind, on fbd6850 at the end of the session (the
    # wrong proposer labeled present|absent, the only writer of eight to label it so; "no
    # U.S. troops unless European contributions fell short", contradicted since)
    ("facts_blind21.jsonl", None, 0.94, 0),  # 96.0 % (95.3 % blind)
    # the thirty-third and thirty-fourth writers, measured once, blind, on cdbc118
    ("facts_blind22.jsonl", None, 0.933, 0),  # 96.7 % (95.3 % blind)
    ("facts_blind23.jsonl", None, 0.927, 0),  # 97.3 % (94.7 % blind)
    # the thirty-seventh and thirty-eighth writers, measured once, blind, on 2ee4068
    ("facts_blind24.jsonl", None, 0.973, 0),  # 99.3 % blind
    ("facts_blind25.jsonl", None, 0.907, 0),  # 94.0 % (92.7 % blind)
    # the forty-first writer, measured once, blind, on aba8595
    ("facts_blind26.jsonl", None, 0.947, 0),  # 97.3 % (96.7 % blind)
    # the forty-second writer, measured once, blind, on cd3f363
    ("facts_blind27.jsonl", None, 0.967, 0),  # 98.7 % blind
    # the forty-seventh writer, measured once, blind, on bf51b57
    ("facts_blind28.jsonl", None, 0.927, 0),  # 96.0 % (94.7 % blind)
    # the fiftieth writer, measured once, blind, on 1b2f18f
    ("facts_blind29.jsonl", None, 0.96, 0),  # 98.7 % (98.0 % blind)
    # the fifty-third writer, measured once, blind, on 845876c
    ("facts_blind30.jsonl", None, 0.973, 0),  # 99.3 % blind
    # the fifty-seventh writer, measured once, blind, on 948e540
    ("facts_blind31.jsonl", None, 0.94, 0),  # 97.3 % (96.0 % blind)
    # the sixtieth writer, measured once, blind, on 3af099e
    ("facts_blind32.jsonl", None, 0.967, 0),  # 99.3 % (98.7 % blind)
    # the sixty-fourth writer, measured once, blind, on ccb82b1
    ("facts_blind33.jsonl", None, 0.967, 0),  # 98.7 % blind
    ("facts_blind34.jsonl", None, 0.947, 0),  # 97.3 % (96.7 % blind)
    # fifteen SummEval articles, real system summaries, facts written from the README alone
    ("facts_summeval_a.jsonl", ARTICLES, 0.961, 0),  # 98.1 %
    ("facts_summeval_b.jsonl", ARTICLES, 0.975, 0),  # 99.5 %
    ("facts_summeval_c.jsonl", ARTICLES, 0.961, 0),  # 98.1 %
    ("facts_summeval_f.jsonl", ARTICLES, 0.957, 0),  # 97.7 %
    # "trials in Portugal" (the place) is no slot
    ("facts_summeval_g.jsonl", ARTICLES, 0.952, 1),  # 97.2 %
    ("facts_final_d.jsonl", ARTICLES, 0.952, 0),  # 97.2 % (92.6 % blind, the final measurement)
    # three more articles by a seventh writer, measured blind on the matcher of 0b46d37
    ("facts_summeval_h.jsonl", ARTICLES, 0.912, 0),  # 93.2 % (84.4 % blind)
    # an eighth writer's set, held out and measured once, blind, on the merged matcher (fd7148d)
    ("facts_summeval_i.jsonl", ARTICLES, 0.969, 0),  # 98.9 % (91.5 % blind)
    # a ninth writer's set, measured once, blind (95.8 %), then developed on
    ("facts_summeval_j.jsonl", ARTICLES, 0.969, 0),  # 99.0 % (95.8 % blind)
    # a tenth writer, four more articles, measured once, blind (89.5 %), then developed on
    ("facts_summeval_k.jsonl", ARTICLES, 0.953, 0),  # 97.3 % (89.5 % blind)
    # a twelfth writer, four more articles, measured once, blind (87.1 %), then developed
    # on; "the record" given to the humpback is no slot of "the previous record"
    ("facts_summeval_m.jsonl", ARTICLES, 0.918, 1),  # 93.8 % (87.1 % blind)
    # a thirteenth writer, four more articles, measured once, blind, not developed on yet
    ("facts_summeval_n.jsonl", ARTICLES, 0.937, 0),  # 95.7 % (95.7 % blind)
    # a fourteenth writer, four more articles, measured once, blind, at the end of the session
    ("facts_summeval_o.jsonl", ARTICLES, 0.921, 1),  # 94.1 % (92.6 % blind)
    # a fifteenth writer, three more articles, measured once, blind, at the end of the session
    ("facts_summeval_p.jsonl", ARTICLES, 0.933, 1),  # 95.3 % (91.7 % blind)
    # a seventeenth writer, four BBC articles (XSumFaith summaries and edits), measured once, blind
    # ("Josh Martin's father ... was diagnosed with cancer": the father, named through the
    # boy, read as the boy)
    ("facts_xsum_a.jsonl", XSUM_ARTICLES, 0.881, 1),  # 89.6 % (87.0 % blind)
    # an eighteenth writer's facts for four SummEval articles of earlier sets, with system
    # summaries and realistic edits of them, measured once, blind
    # ("A patient in Iowa ... admitted to ... performing exorcisms" for the chiropractor;
    # a story changed "to his friends" for one changed to the police)
    ("facts_summeval_q.jsonl", Q_ARTICLES, 0.959, 2),  # 97.6 % (93.1 % blind)
    # a nineteenth writer's facts for four more SummEval articles of earlier sets, system
    # summaries and realistic edits, measured once, blind
    ("facts_summeval_r.jsonl", R_ARTICLES, 0.966, 0),  # 99.3 % (97.9 % blind)
    # a twentieth writer's facts for four more SummEval articles of earlier sets, system
    # summaries and realistic edits, measured once, blind
    # ("have not been taken to ipswich hospital": the small parser reads "to ipswich" as
    # a verb; "the meeks' parents announced they are expecting" for the couple; a garbled
    # "she faces several charges"; "Liverpool are in fourth place ... ahead of City")
    ("facts_summeval_s.jsonl", S_ARTICLES, 0.956, 3),  # 97.9 % (95.1 % blind)
    # a twenty-second writer's facts for four more SummEval articles of earlier sets, system
    # summaries and realistic edits, measured once, blind
    # ("arsene wenger posted a picture ... with his dog" for Ozil: the fact has no actor slot;
    # "germany beat georgia 3-0": no contradiction lists "3-0")
    ("facts_summeval_t.jsonl", T_ARTICLES, 0.959, 0),  # 98.3 % (97.6 % blind)
    # a twenty-first writer's facts for four more SummEval articles of earlier sets, system
    # summaries and realistic edits, measured once, blind
    ("facts_summeval_u.jsonl", U_ARTICLES, 0.938, 0),  # 96.5 % (91.0 % blind)
    # a twenty-third writer's facts for four more SummEval articles of earlier sets, system
    # summaries and realistic edits, measured once, blind, at the end of the session
    # (three edits to figures and names no contradiction of the writer lists)
    ("facts_summeval_v.jsonl", V_ARTICLES, 0.945, 1),  # 97.2 % (96.5 % blind)
    # a twenty-fourth and a twenty-fifth writer's facts for eight more SummEval articles of
    # earlier sets, system summaries and realistic edits, measured once, blind, at the end
    # (edits to figures, places and actors the writers' contradictions do not list; a wrong
    # actor without an actor slot)
    ("facts_summeval_w.jsonl", W_ARTICLES, 0.938, 7),  # 96.5 % (95.8 % blind)
    ("facts_summeval_x.jsonl", X_ARTICLES, 0.952, 2),  # 97.6 % (94.1 % blind)
    # a twenty-sixth and a twenty-seventh writer's facts for eight more SummEval dev articles
    # (second writers), system summaries and realistic edits, measured once, blind, on
    # 4a6bbce (y: "the us were beaten 6-0 6-3 ... by errani and flavia pennetta" read as the
    # pair's defeat, fixed; z: swapped teams and figures the writer's slots do not hold)
    ("facts_summeval_y.jsonl", Y_ARTICLES, 0.959, 1),  # 98.3 % (96.9 % blind)
    ("facts_summeval_z.jsonl", Z_ARTICLES, 0.928, 2),  # 95.5 % (93.4 % blind)
    # a thirtieth and a thirty-first writer's facts for eight more SummEval dev articles,
    # system summaries and realistic edits, measured once, blind, on 4322948 (edits to
    # figures, seas and actors the writers' slots and contradictions do not hold)
    ("facts_summeval_aa.jsonl", AA_ARTICLES, 0.963, 2),  # 99.0 % (98.3 % blind)
    ("facts_summeval_ab.jsonl", AB_ARTICLES, 0.938, 3),  # 96.9 % (95.5 % blind)
    # a thirty-second writer's facts for four SummEval dev articles (a third writer for
    # them), measured once, blind, on fbd6850 at the end of the session; then a figure that
    # is another of the statement's own ("won 4-3 on aggregate" for "... 4-3 on aggregate,
    # drawing 2-2") is no wrong value
    ("facts_summeval_ac.jsonl", AC_ARTICLES, 0.956, 1),  # 99.0 % (96.2 % blind)
    # the thirty-fifth and thirty-sixth writers' facts for eight more SummEval dev
    # articles (second writers for them), measured once, blind, on cdbc118
    ("facts_summeval_ad.jsonl", AD_ARTICLES, 0.935, 3),  # 97.6 % (95.5 % blind)
    ("facts_summeval_ae.jsonl", AE_ARTICLES, 0.924, 0),  # 95.1 % (94.4 % blind)
    # the thirty-ninth and fortieth writers' facts for eight more SummEval dev articles
    # (second writers for them), measured once, blind, on 2ee4068
    ("facts_summeval_af.jsonl", AF_ARTICLES, 0.935, 0),  # 96.5 % (95.5 % blind)
    ("facts_summeval_ag.jsonl", AG_ARTICLES, 0.869, 1),  # 91.7 % (88.9 % blind)
    # the forty-third and forty-fourth writers' facts for eight more SummEval dev articles
    # (second writers for them), measured once, blind, on cd3f363
    ("facts_summeval_ah.jsonl", AH_ARTICLES, 0.935, 0),  # 98.6 % (95.5 % blind)
    ("facts_summeval_ai.jsonl", AI_ARTICLES, 0.89, 0),  # 96.2 % (91.0 % blind)
    # the forty-fifth and forty-sixth writers' facts for eight more SummEval dev articles
    # (third writers for them), measured once, blind, on 64c9fa7
    ("facts_summeval_aj.jsonl", AJ_ARTICLES, 0.942, 2),  # 97.9 % (96.2 % blind)
    ("facts_summeval_ak.jsonl", AK_ARTICLES, 0.914, 5),  # 94.1 % (93.4 % blind)
    # the forty-eighth writer, a third for four SummEval dev articles, measured once,
    # blind, on 8be2387
    ("facts_summeval_al.jsonl", AL_ARTICLES, 0.935, 3),  # 97.6 % (95.5 % blind)
    # the forty-ninth writer, a third for four SummEval dev articles, measured once,
    # blind, on d4da239
    ("facts_summeval_am.jsonl", AM_ARTICLES, 0.914, 5),  # 94.1 % (93.4 % blind)
    # the fifty-first and fifty-second writers (fourth writers for eight SummEval dev
    # articles, a seeded sample), measured once, blind, on 49a4fee
    ("facts_summeval_an.jsonl", AN_ARTICLES, 0.952, 3),  # 97.2 % blind
    ("facts_summeval_ao.jsonl", AO_ARTICLES, 0.911, 2),  # 94.4 % (93.1 % blind)
    # the fifty-fourth and fifty-fifth writers (third writers for eight SummEval dev
    # articles, a seeded sample), measured once, blind, on 845876c
    ("facts_summeval_ap.jsonl", AP_ARTICLES, 0.952, 0),  # 97.9 % (97.2 % blind)
    ("facts_summeval_aq.jsonl", AQ_ARTICLES, 0.89, 2),  # 95.5 % (91.0 % blind)
    # the fifty-sixth writer (a third for four SummEval dev articles, a seeded sample),
    # measured once, blind, on 948e540
    ("facts_summeval_ar.jsonl", AR_ARTICLES, 0.942, 2),  # 96.2 % blind
    # the fifty-eighth writer (a third for four SummEval dev articles, a seeded sample),
    # measured once, blind, on 869e8b0
    ("facts_summeval_as.jsonl", AS_ARTICLES, 0.935, 4),  # 95.8 % (95.5 % blind)
    # the fifty-ninth writer (a third for four SummEval dev articles, a seeded sample),
    # measured once, blind, on 3af099e
    ("facts_summeval_au.jsonl", AU_ARTICLES, 0.942, 2),  # 97.2 % (96.2 % blind)
    # the sixty-first writer (a third for four SummEval dev articles, a seeded sample),
    # measured once, blind, on 3af099e
    ("facts_summeval_at.jsonl", AT_ARTICLES, 0.914, 2),  # 93.4 % blind
    # the sixty-second and sixty-third writers (third writers for eight SummEval dev
    # articles, a seeded sample), measured once, blind, on ccb82b1
    ("facts_summeval_av.jsonl", AV_ARTICLES, 0.897, 3),  # 96.2 % (91.7 % blind)
    ("facts_summeval_aw.jsonl", AW_ARTICLES, 0.914, 4),  # 93.4 % blind
    ("facts_summeval_ax.jsonl", AX_ARTICLES, 0.942, 3),  # 96.2 % blind
    ("facts_summeval_ay.jsonl", AY_ARTICLES, 0.963, 3),  # 98.6 % (98.3 % blind)
]


@pytest.mark.parametrize(("name", "references", "floor", "c2p"), SETS)
def test_calibrate_command_on_every_labeled_set(
    name: str, references: Path | None, floor: float, c2p: int
) -> None:
    """Each set through `harness calibrate`: at its floor, and no contradiction judged
    present beyond the documented facts-file limits. A missing set is a failure."""
    path = REPO / "tests" / "data" / name
    assert path.exists(), f"labeled set {name} is missing"
    code, report = _run_calibrate(str(path), references=references)
    print(f"\n{name}: {report['accuracy']:.1%} ({_per_fact(report)})")
    assert report["contradicted_as_present"] == c2p
    assert code == (1 if c2p else 0)
    assert report["accuracy"] >= floor, report["accuracy"]


def test_calibrate_command_with_csv_labels_and_a_candidates_folder(tmp_path: Path) -> None:
    """The CSV form: labels name candidates of a folder (the demo set and its expected verdicts)."""
    import tomllib

    expected = tomllib.loads((REPO / "tests" / "data" / "demo_expected.toml").read_text())
    lines = ["candidate,fact,expected"]
    for cand, facts in sorted(expected.items()):
        lines += [f"{cand},{fact},{verdict}" for fact, verdict in sorted(facts.items())]
    labels = tmp_path / "labels.csv"
    labels.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, report = _run_calibrate(str(labels), str(REPO / "candidates"))
    assert code == 0
    assert report["n"] == 3 * len(expected) >= 36
    assert report["contradicted_as_present"] == 0
    assert report["accuracy"] >= 0.95


HEGSETH_SETS = [name for name, refs, _, _ in SETS if refs is None]
SHIPPED = REPO / "references" / "hegseth-nato" / "facts.toml"
TUNED = REPO / "tests" / "data" / "hegseth_tuned_facts.toml"


def _hegseth_report(facts: Path, tmp_path: Path) -> CalibrationReport:
    """The thirty-seven hegseth sets (5,835 labels) against FACTS put in the document's place."""
    import shutil

    assert facts.exists(), f"{facts} is missing"
    doc = tmp_path / "hegseth-nato"
    shutil.copytree(REPO / "references" / "hegseth-nato", doc)
    shutil.copy(facts, doc / "facts.toml")
    fs = {"hegseth-nato": load_facts(doc / "facts.toml", "hegseth-nato")}
    labels = [x for name in HEGSETH_SETS for x in load_labels(REPO / "tests" / "data" / name)]
    report = calibrate(labels, {}, fs)
    print(f"\n{facts.name}: {report.accuracy:.1%} ({report.correct}/{report.n})")
    assert report.n == 5835
    return report


def test_shipped_hegseth_facts_are_written_the_short_way(tmp_path: Path) -> None:
    """The shipped hegseth-nato facts file is written as a new user would (README, "Facts
    file"): no regex, each fact with its contradiction rules at most 15 lines; on the
    thirty-seven hegseth sets together at its floor (98.1 % measured, less 2 points), and no
    contradiction judged present but the six pinned in blind13 to blind19 (blind29's shared
    chair, "britain will share the chair ... with the united states", is read since the
    object of "with" on a verb like "share" shares it too): the U.S. chair
    through its minister, a condition's wrong detail, a condition turned by "except", a
    chair taken over "next year", a chair held "since 2022" and Lloyd Austin *telling* the
    meeting (a verb of saying, not of proposing, so the facts' `actor` does not see it; the
    tuned file: 39)."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert "re:" not in text
    blocks = text.split("[[fact]]")[1:]
    assert len(blocks) == 3
    assert all(len([x for x in b.strip().splitlines() if x.strip()]) <= 15 for b in blocks)
    report = _hegseth_report(SHIPPED, tmp_path)
    assert report.accuracy >= 0.960, report.accuracy
    assert report.contradicted_as_present == 6


def test_tuned_old_style_hegseth_facts_keep_working(tmp_path: Path) -> None:
    """The tuned 370-line file with 26 `re:` phrasings that was shipped before the short one
    (tests/data/hegseth_tuned_facts.toml): an old-style file keeps working, at its floor on
    the thirty-seven hegseth sets (97.5 % measured, less 2 points), at most the 39
    contradictions judged present of the twelfth to thirtieth writers' blind sets (co-chairs
    and shared chairs read as the United Kingdom's chair; "britain replaced germany as
    chair" and the chair of NATO itself, which the tuned file has no rule for; the wrong
    proposers: it has no `actor`)."""
    assert '"re:' in TUNED.read_text(encoding="utf-8")
    report = _hegseth_report(TUNED, tmp_path)
    assert report.accuracy >= 0.956, report.accuracy
    assert report.contradicted_as_present <= 39
