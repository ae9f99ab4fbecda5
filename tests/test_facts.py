# ruff: noqa: E501  (test sentences are kept on one line each)
"""The facts file loader and the fact matcher.

Unit cases below are short sentences written for each phenomenon the matcher
must handle; the labeled-set tests run the checker over tests/data.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from harness.calibrate import calibrate, load_labels, render_text, texts_from_labels
from harness.errors import ConfigError
from harness.facts import Fact, FactSet, describe_facts, load_facts
from harness.matcher import check_facts, checklist

ROOT = Path(__file__).resolve().parent.parent
# the tuned, old-style hegseth-nato file (raw regexes, 370 lines) that was shipped before the
# short one: these cases pin the matcher on it; the shipped file is measured in test_calibrate.py
FACTS = ROOT / "tests" / "data" / "hegseth_tuned_facts.toml"
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
        "contradicted",  # left possible: the fact says they will not be in it
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


# Paraphrases, headlines, bullets, capitals and British spellings written for the
# rule changes of the second round (replace/succeed objects, "Nor" + auxiliary, a main
# clause after "if ...", open questions, "could" + a future time, shared who/what words,
# participle and relative clauses, questions). None is taken from a labeled set.
PARAPHRASE_CASES: list[tuple[str, str, str]] = [
    (
        "Washington will keep its soldiers out of any such peacekeeping mission.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth said American GIs would not be part of the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    ("The peacekeeping force would include no Pentagon personnel.", "no-us-troops", "present"),
    (
        "The U.S. won't contribute forces to the peacekeeping mission in Ukraine.",
        "no-us-troops",
        "present",
    ),
    ("UK takes UDCG helm; no US troops for Ukraine force", "no-us-troops", "present"),
    ("- Peacekeepers for Ukraine: Europeans only, no American soldiers", "no-us-troops", "present"),
    ("HEGSETH: NO U.S. TROOPS IN ANY UKRAINE PEACEKEEPING FORCE", "no-us-troops", "present"),
    (
        "Any peacekeeping force would be made up of European and non-European troops, not American ones.",
        "no-us-troops",
        "present",
    ),
    (
        "The United States will not be sending troops to police a ceasefire in Ukraine.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth ruled out deploying U.S. forces as part of a peacekeeping mission.",
        "no-us-troops",
        "present",
    ),
    (
        "The stabilisation force would be entirely European, with America keeping its troops at home.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth made clear that there would be no American boots on the ground in any peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "A peacekeeping force should be deployed, he said, but it would not involve U.S. troops.",
        "no-us-troops",
        "present",
    ),
    (
        "Europe must supply the peacekeepers; the Pentagon will not send any of its own.",
        "no-us-troops",
        "present",
    ),
    (
        "US troops won't be part of any Ukraine peacekeeping force, Hegseth says",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth said American GIs would serve alongside European peacekeepers in Ukraine.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The U.S. will contribute troops to the peacekeeping force, Hegseth said.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Washington pledged to send soldiers to join the peacekeeping mission.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "US TROOPS WILL JOIN UKRAINE PEACEKEEPING FORCE, HEGSETH SAYS",
        "no-us-troops",
        "contradicted",
    ),
    (
        "It is unclear whether U.S. troops will join the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (
        "Hegseth declined to say whether American soldiers would take part in the peacekeeping mission.",
        "no-us-troops",
        "absent",
    ),
    ("American troops have been stationed in Poland for years.", "no-us-troops", "absent"),
    ("The U.S. Defense Secretary did not attend the peacekeeping talks.", "no-us-troops", "absent"),
    (
        "Hegseth did not rule out sending U.S. troops to the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The force would lack the alliance's collective-defence shield if it clashed with Russian forces.",
        "no-article-5",
        "present",
    ),
    (
        "The peacekeeping mission would not be treated as a NATO mission covered by Article 5.",
        "no-article-5",
        "present",
    ),
    (
        "Such peacekeepers would fall outside Article 5 if attacked by Russian troops.",
        "no-article-5",
        "present",
    ),
    (
        "If the peacekeepers clashed with Russian forces, Article 5 would not be triggered.",
        "no-article-5",
        "present",
    ),
    ("Article 5 would not apply to the peacekeeping force, he said.", "no-article-5", "present"),
    (
        "The force would not enjoy NATO's Article 5 protection in the event of a clash with Russia.",
        "no-article-5",
        "present",
    ),
    ("NO ARTICLE 5 COVER FOR PEACEKEEPERS", "no-article-5", "present"),
    ("- Peacekeeping force: no U.S. troops, no Article 5 guarantee", "no-article-5", "present"),
    (
        "Peacekeepers who come under Russian fire should not expect NATO's mutual-defence clause to kick in.",
        "no-article-5",
        "present",
    ),
    (
        "The contingent could not invoke Article 5 if it were attacked by Russian forces.",
        "no-article-5",
        "present",
    ),
    (
        "Hegseth stressed that the troops would be deployed outside the umbrella of Article 5.",
        "no-article-5",
        "present",
    ),
    (
        "The peacekeeping force would be covered by Article 5 if Russian forces attacked it.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Hegseth said the contingent could invoke Article 5 if it clashed with Russian forces.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Any peacekeepers attacked by Russia would enjoy NATO's collective-defence guarantee.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Whether Article 5 would cover the peacekeeping force is still to be decided.",
        "no-article-5",
        "absent",
    ),
    ("Article 5 protection for the peacekeepers remains up in the air.", "no-article-5", "absent"),
    (
        "Ukraine will not get Article 5 protection because it will not join NATO.",
        "no-article-5",
        "absent",
    ),
    (
        "If the force were covered by Article 5, Russia might hesitate to attack it.",
        "no-article-5",
        "absent",
    ),
    (
        "The UK now holds the gavel at the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "London assumed stewardship of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The Americans handed the chair of the contact group to the British.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Britain succeeded the United States at the head of the coalition.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The chairmanship of the Ukraine Defense Contact Group passed to the UK.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The U.S. relinquished the chair of the contact group to Britain.",
        "uk-chairmanship",
        "present",
    ),
    ("UK takes UDCG helm; no US troops for Ukraine force", "uk-chairmanship", "present"),
    (
        "The Ukraine Defence Contact Group, now chaired by the United Kingdom, met in Brussels.",
        "uk-chairmanship",
        "present",
    ),
    ("BRITAIN TAKES OVER UKRAINE DEFENSE CONTACT GROUP FROM U.S.", "uk-chairmanship", "present"),
    (
        "For the first time the group was led by Britain rather than the United States.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Chair of the Ukraine Defense Contact Group: the UK (previously the U.S.)",
        "uk-chairmanship",
        "present",
    ),
    (
        "Britain was handed the chairmanship of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The British defence secretary, John Healey, chaired the Ukraine Defense Contact Group meeting.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The United States kept the chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "France took over the chairmanship of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The UK did not take over the chairmanship of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Washington remains in charge of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Britain may take over the chairmanship of the Ukraine Defense Contact Group later this year.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "The UK is among the biggest donors in the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Britain could take the helm of the contact group at its next meeting.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Whether the UK will chair the Ukraine Defense Contact Group is yet to be decided.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Hegseth addressed the Ukraine Defense Contact Group meeting in Brussels.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Key points:\n- A peacekeeping force for Ukraine, staffed by Europeans\n- No American troops\n- No Article 5 protection\n- UK chairs the contact group",
        "no-us-troops",
        "present",
    ),
    (
        "Key points:\n- A peacekeeping force for Ukraine, staffed by Europeans\n- No American troops\n- No Article 5 protection\n- UK chairs the contact group",
        "no-article-5",
        "present",
    ),
    (
        "Key points:\n- A peacekeeping force for Ukraine, staffed by Europeans\n- No American troops\n- No Article 5 protection\n- UK chairs the contact group",
        "uk-chairmanship",
        "present",
    ),
    (
        "The defence secretary was adamant that American servicemen would play no role in policing any ceasefire.",
        "no-us-troops",
        "present",
    ),
    (
        "There will be no U.S. military presence in the peacekeeping contingent, Hegseth said.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth insisted the United States would not commit troops to a postwar stabilisation force.",
        "no-us-troops",
        "present",
    ),
    (
        "The Pentagon has no intention of deploying forces to Ukraine as peacekeepers.",
        "no-us-troops",
        "present",
    ),
    (
        "He proposed a European-led peacekeeping force without any American participation.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth said the U.S. would put troops into the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "American soldiers are expected to form part of the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (
        "Hegseth wants Europe to lead the peacekeeping force, and U.S. troops will support it on the ground.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Washington would likely provide some troops to the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (
        "Ukraine's NATO membership would mean U.S. troops defending it, Hegseth said.",
        "no-us-troops",
        "absent",
    ),
    (
        "The peacekeepers would not be covered by NATO's mutual defence clause if they came under attack from Russia.",
        "no-article-5",
        "present",
    ),
    (
        "Article Five guarantees would not extend to the international peacekeeping contingent.",
        "no-article-5",
        "present",
    ),
    (
        "The force would operate without the protection of Article 5 in any confrontation with Russian troops.",
        "no-article-5",
        "present",
    ),
    (
        "Hegseth said peacekeepers could not rely on NATO's collective defence commitment if Russian units engaged them.",
        "no-article-5",
        "present",
    ),
    (
        "Troops in the peacekeeping mission would not count as a NATO deployment, so Article 5 would not apply.",
        "no-article-5",
        "present",
    ),
    (
        "NATO's Article 5 would cover the peacekeepers if Russian forces fired on them.",
        "no-article-5",
        "contradicted",
    ),
    (
        "The mission would benefit from Article 5 protection, Hegseth said.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Hegseth did not say whether Article 5 would apply to the peacekeeping force.",
        "no-article-5",
        "absent",
    ),
    (
        "Article 5 has only been invoked once, after the September 11 attacks.",
        "no-article-5",
        "absent",
    ),
    (
        "Britain has taken over as chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The U.K., not the U.S., chaired the Ukraine Defense Contact Group meeting for the first time.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Defence Secretary John Healey presided over the Ukraine Defence Contact Group, the first time Britain has led it.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The UK replaced the US as head of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The U.S. handed over leadership of the Ukraine Defense Contact Group to Britain.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The United States still chairs the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The U.S. replaced Britain as chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    ("Germany now chairs the Ukraine Defense Contact Group.", "uk-chairmanship", "contradicted"),
    (
        "Britain declined to take over the chairmanship of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Hegseth attended the meeting alongside his British counterpart.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Britain pledged more weapons at the Ukraine Defense Contact Group meeting.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "The U.S. set up the Ukraine Defense Contact Group in 2022 and chaired it until this year.",
        "uk-chairmanship",
        "absent",
    ),
    ("Hegseth: US won't send troops to Ukraine peacekeeping force", "no-us-troops", "present"),
    (
        "No US boots, no Article 5: Hegseth sets terms for Ukraine peacekeepers",
        "no-us-troops",
        "present",
    ),
    (
        "No US boots, no Article 5: Hegseth sets terms for Ukraine peacekeepers",
        "no-article-5",
        "present",
    ),
    (
        "Peacekeepers would be drawn from European and non-European countries, excluding the United States.",
        "no-us-troops",
        "present",
    ),
    ("Any peacekeeping force would consist of non-U.S. troops.", "no-us-troops", "present"),
    ("Hegseth pledged American troops for the peacekeeping force.", "no-us-troops", "contradicted"),
    (
        "The U.S. offered to dispatch soldiers to the peacekeeping mission.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The force, which would not be a NATO mission, would not have Article 5 backing.",
        "no-article-5",
        "present",
    ),
    ("Article 5 is off the table for any peacekeepers in Ukraine.", "no-article-5", "present"),
    (
        "Washington also refused to extend Article 5 to the peacekeeping force.",
        "no-article-5",
        "present",
    ),
    (
        "A Russian attack on the peacekeepers would not trigger NATO's Article 5.",
        "no-article-5",
        "present",
    ),
    (
        "NATO would not come to the force's defence under Article 5 if Russian troops attacked it.",
        "no-article-5",
        "present",
    ),
    (
        "The peacekeeping force would have Article 5 guarantees against Russian attack.",
        "no-article-5",
        "contradicted",
    ),
    (
        "European troops in Ukraine would be protected by Article 5, Hegseth said.",
        "no-article-5",
        "contradicted",
    ),
    ("Article 5 protection would be extended to the peacekeepers.", "no-article-5", "contradicted"),
    ("The UK takes over from the US as UDCG chair.", "uk-chairmanship", "present"),
    (
        "Britain is the new chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    ("Britain now leads the Ramstein group of Ukraine's backers.", "uk-chairmanship", "present"),
    (
        "Leadership of the Ukraine Defense Contact Group shifted from Washington to London.",
        "uk-chairmanship",
        "present",
    ),
    ("UK to chair Ukraine Defense Contact Group", "uk-chairmanship", "present"),
    (
        "The UK has handed the chair of the Ukraine Defense Contact Group back to the United States.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The United States has retained the chairmanship of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The U.S. continues to lead the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Britain turned down the chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The United Kingdom took the chair of the Ukraine Defence Contact Group for the first time, replacing the US.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Hegseth spoke at the Ukraine Defense Contact Group, which the U.S. founded and Britain now runs.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The Ukraine Defense Contact Group, set up by Austin, has met regularly since 2022.",
        "uk-chairmanship",
        "absent",
    ),
    ("Hegseth said U.S. troops would not be withdrawn from Europe.", "no-us-troops", "absent"),
    (
        "No decision has been made on U.S. troops for the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (
        "Hegseth did not specify whether U.S. troops would be part of the force.",
        "no-us-troops",
        "absent",
    ),
    (
        "The U.S. has not yet decided whether to send troops to the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (
        "Ukraine was told not to expect NATO membership or Article 5 protection.",
        "no-article-5",
        "absent",
    ),
    ("Unlike NATO members, Ukraine has no Article 5 guarantee.", "no-article-5", "absent"),
    (
        "The peacekeepers would not be NATO troops, but Article 5 would still apply to them.",
        "no-article-5",
        "contradicted",
    ),
    (
        "The UK is expected to take over the chairmanship of the Ukraine Defense Contact Group next month.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "The U.S. no longer chairs the contact group, having handed the chair to the UK.",
        "uk-chairmanship",
        "present",
    ),
    (
        "UK TAKES OVER UKRAINE DEFENSE CONTACT GROUP CHAIR; NO ARTICLE 5 FOR PEACEKEEPERS",
        "uk-chairmanship",
        "present",
    ),
    (
        "UK TAKES OVER UKRAINE DEFENSE CONTACT GROUP CHAIR; NO ARTICLE 5 FOR PEACEKEEPERS",
        "no-article-5",
        "present",
    ),
    (
        "U.S. troops won't be involved in the peacekeeping force, nor will Article 5 apply to it.",
        "no-us-troops",
        "present",
    ),
    (
        "U.S. troops won't be involved in the peacekeeping force, nor will Article 5 apply to it.",
        "no-article-5",
        "present",
    ),
    (
        "Neither U.S. troops nor Article 5 protection would be part of the peacekeeping deal.",
        "no-us-troops",
        "present",
    ),
    (
        "Neither U.S. troops nor Article 5 protection would be part of the peacekeeping deal.",
        "no-article-5",
        "present",
    ),
    (
        "The peacekeeping force will be non-NATO and non-American, and Article 5 won't cover it.",
        "no-article-5",
        "present",
    ),
    ("America would sit out any peacekeeping mission in Ukraine.", "no-us-troops", "present"),
    (
        "The administration would not put American lives on the line in a Ukraine peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "Washington won't commit a single soldier to the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "Britain, which chaired the meeting for the first time, pledged more air-defence missiles.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Hegseth said the peacekeeping force should include U.S. troops alongside European ones.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Hegseth's British counterpart, who now chairs the Ukraine Defense Contact Group, welcomed the talks.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Hegseth says peacekeepers in Ukraine wouldn't get Article 5 protection",
        "no-article-5",
        "present",
    ),
    (
        "The Americans gave up the chairmanship of the Ukraine Defense Contact Group, which Britain took over.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The Americans did not give up the chairmanship of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Hegseth met his British counterpart, John Healey, the new chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Britain succeeds Washington as chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "London supplants Washington at the helm of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The United Kingdom replaces the United States as the group's chair, Hegseth confirmed.",
        "uk-chairmanship",
        "present",
    ),
    (
        "He proposed a peacekeeping force. Nor would such a force be able to call on the protection of NATO's Article 5 against Russian troops.",
        "no-article-5",
        "present",
    ),
    (
        "Nor will the Pentagon send American soldiers to join the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "If the peacekeepers came under Russian attack they would not be able to invoke Article 5.",
        "no-article-5",
        "present",
    ),
    (
        "Should the force clash with Russian troops, Article 5 would not apply.",
        "no-article-5",
        "present",
    ),
    (
        "If Russian forces attacked the peacekeepers, Article 5 could be invoked.",
        "no-article-5",
        "contradicted",
    ),
    ("Article 5 protection for the peacekeepers is an open question.", "no-article-5", "absent"),
    (
        "Whether Article 5 covers the peacekeeping force is still undecided.",
        "no-article-5",
        "absent",
    ),
    (
        "The role of U.S. troops in the peacekeeping force is yet to be determined.",
        "no-us-troops",
        "absent",
    ),
    (
        "Britain could take over the chairmanship of the Ukraine Defense Contact Group in the coming months.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "The peacekeeping force could invoke Article 5 if Russian troops attacked it, Hegseth said.",
        "no-article-5",
        "contradicted",
    ),
    (
        "The United States, however, kept the chair of the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "France declined the chairmanship of the Ukraine Defense Contact Group, leaving the U.S. in charge.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Britain stepped in as chair of the Ukraine Defense Contact Group after the US stepped back.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The US took the chair of the Ukraine Defense Contact Group back from Britain.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Hegseth did not discuss U.S. troops or Article 5 for the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (
        "Hegseth did not discuss U.S. troops or Article 5 for the peacekeeping force.",
        "no-article-5",
        "absent",
    ),
    ("The U.S. will not have a role in the peacekeeping force.", "no-us-troops", "present"),
    (
        "Hegseth said U.S. troops would have a role in the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    ("Hegseth wants a peacekeeping force without Americans.", "no-us-troops", "present"),
    (
        "Europe cannot build a peacekeeping force without Americans' support.",
        "no-us-troops",
        "absent",
    ),
    (
        "Allies would not be obliged to defend the peacekeepers under NATO's founding treaty.",
        "no-article-5",
        "present",
    ),
    # a question with its verb left out, answered in the next sentence (blind22's writer
    # labeled the same shape present)
    ("American troops in the force? Not a chance.", "no-us-troops", "present"),
    ("American troops in the force?", "no-us-troops", "absent"),
]

# Whole summaries in several styles, each fact labeled by hand.
_GPT = "In his first visit to NATO, U.S. Defense Secretary Pete Hegseth told allies that Ukraine's hopes of joining the alliance were unrealistic and that any settlement with Russia should be backed by an international peacekeeping force. Crucially, he said the United States would not contribute troops to such a force, and that it would not fall under NATO's Article 5 if it came into contact with Russian forces. The meeting of the Ukraine Defense Contact Group was the first chaired by the United Kingdom rather than the U.S."
_ANALYST = "Hegseth's message in Brussels was blunt: Europe must own Ukraine's security. A future peacekeeping mission would be made up of European and non-European troops, with American forces staying home, and its members would not enjoy the collective-defence guarantee of Article 5 should they clash with Russia. Britain's John Healey hosted the Ukraine Defence Contact Group, a forum Washington had led since 2022."
_WRONG = "Pete Hegseth used his NATO debut to promise that U.S. troops would anchor a peacekeeping force in Ukraine, with full Article 5 protection for the mission. The United States will also keep chairing the Ukraine Defense Contact Group."
_OFF_TOPIC = "Hegseth spoke about the war in Ukraine and the costs borne by American taxpayers. He said allies should spend more on defence and that Ukraine joining NATO was unrealistic. The Ukraine Defense Contact Group met in Brussels with about 50 countries."
_BULLETS = "* Hegseth: negotiated peace, not NATO membership, for Ukraine\n* Peacekeepers to be European and non-European; zero U.S. troops\n* Peacekeepers would not get Article 5 cover vs Russia\n* UK is the new UDCG chair, taking over from the U.S."
SUMMARY_CASES: list[tuple[str, str, str]] = [
    (_GPT, "no-us-troops", "present"),
    (_GPT, "no-article-5", "present"),
    (_GPT, "uk-chairmanship", "present"),
    (_ANALYST, "no-us-troops", "present"),
    (_ANALYST, "no-article-5", "present"),
    (_ANALYST, "uk-chairmanship", "present"),
    (_WRONG, "no-us-troops", "contradicted"),
    (_WRONG, "no-article-5", "contradicted"),
    (_WRONG, "uk-chairmanship", "contradicted"),
    (_OFF_TOPIC, "no-us-troops", "absent"),
    (_OFF_TOPIC, "no-article-5", "absent"),
    (_OFF_TOPIC, "uk-chairmanship", "absent"),
    (_BULLETS, "no-us-troops", "present"),
    (_BULLETS, "no-article-5", "present"),
    (_BULLETS, "uk-chairmanship", "present"),
]


# Clause joins and reference, each written for one phenomenon: headline "as"/"while"
# joins, giver/receiver verbs, "A rather than / instead of / , not B" as subject, copular
# make-up of the force, pronouns referring to an earlier sentence, quoted speech, "as usual".
JOIN_CASES: list[tuple[str, str, str]] = [
    (
        "Hegseth rules out U.S. troops for Ukraine force as Britain takes over Contact Group chair",
        "uk-chairmanship",
        "present",
    ),
    (
        "Hegseth rules out U.S. troops for Ukraine force as Britain takes over Contact Group chair",
        "no-us-troops",
        "present",
    ),
    (
        "No Article 5 cover for Ukraine peacekeepers as U.K. assumes Contact Group chair",
        "uk-chairmanship",
        "present",
    ),
    (
        "No Article 5 cover for Ukraine peacekeepers as U.K. assumes Contact Group chair",
        "no-article-5",
        "present",
    ),
    (
        "No American troops for peace force as the UK chairs the Contact Group for the first time",
        "uk-chairmanship",
        "present",
    ),
    (
        "UK takes Contact Group chair while US rules out troops for Ukraine peace force",
        "uk-chairmanship",
        "present",
    ),
    (
        "UK takes Contact Group chair while US rules out troops for Ukraine peace force",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth: no NATO shield for peacekeepers as Britain leads the Contact Group",
        "uk-chairmanship",
        "present",
    ),
    (
        "The U.S. handed the chair of the Ukraine Defense Contact Group to Britain.",
        "uk-chairmanship",
        "present",
    ),
    ("Washington passed the Contact Group chairmanship to London.", "uk-chairmanship", "present"),
    (
        "The United States ceded the chair of the contact group to the UK.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The U.S. transferred the chairmanship of the Contact Group to Britain.",
        "uk-chairmanship",
        "present",
    ),
    (
        "America relinquished the Contact Group chair to the United Kingdom.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The US surrendered the contact group's chairmanship to Britain after three years.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Britain received the chairmanship of the Contact Group from the United States.",
        "uk-chairmanship",
        "present",
    ),
    ("The UK inherited the Contact Group chair from Washington.", "uk-chairmanship", "present"),
    (
        "After the U.S. passed the contact group chair to Britain, Hegseth said no American troops would join the peacekeeping force.",
        "uk-chairmanship",
        "present",
    ),
    (
        "After the U.S. passed the contact group chair to Britain, Hegseth said no American troops would join the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "With Washington ceding the Contact Group chair to London, Hegseth said the peacekeeping force would not be covered by Article 5.",
        "uk-chairmanship",
        "present",
    ),
    (
        "With Washington ceding the Contact Group chair to London, Hegseth said the peacekeeping force would not be covered by Article 5.",
        "no-article-5",
        "present",
    ),
    (
        "The United States did not hand the Contact Group chair to Britain.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Britain handed the Contact Group chair back to the United States.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Britain, not the United States, chaired the Contact Group meeting.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The United States, not Britain, chaired the Contact Group meeting.",
        "uk-chairmanship",
        "contradicted",
    ),
    ("The UK instead of the US chaired the contact group this time.", "uk-chairmanship", "present"),
    (
        "The U.S. rather than Britain chaired the contact group meeting.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "At the Contact Group meeting, London rather than Washington now holds the chair.",
        "uk-chairmanship",
        "present",
    ),
    ("The peacekeepers would be European rather than American troops.", "no-us-troops", "present"),
    (
        "The peacekeeping force would be made up of American and European troops.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The peacekeeping force would comprise American and European soldiers.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Hegseth said the peacekeepers would be U.S. and European troops.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The peacekeeping force would include U.S. and European soldiers.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The peacekeeping force would consist of European troops, with no American soldiers.",
        "no-us-troops",
        "present",
    ),
    (
        "The peacekeeping force would be composed of European troops rather than American ones.",
        "no-us-troops",
        "present",
    ),
    (
        "The peacekeeping force would be European, he said, and American troops would be welcome to visit Brussels.",
        "no-us-troops",
        "absent",
    ),
    (
        "Hegseth proposed a peacekeeping force. He said U.S. troops would join it.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Hegseth proposed a peacekeeping force. Article 5 would protect it, he said.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Hegseth outlined a peacekeeping mission. It would enjoy Article 5 protection.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Hegseth outlined a peacekeeping mission. It would not enjoy Article 5 protection.",
        "no-article-5",
        "present",
    ),
    (
        "Hegseth described the peacekeepers. Article 5 would apply to them if they clashed with Russia.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Hegseth spoke about the peacekeeping force. Article 5 was also mentioned.",
        "no-article-5",
        "absent",
    ),
    (
        "Hegseth discussed Ukraine's NATO membership bid. He said Article 5 would cover it one day.",
        "no-article-5",
        "absent",
    ),
    (
        "Hegseth proposed a peacekeeping force. Americans would take part in it.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "'There will be no American troops in the peacekeeping force,' Hegseth said.",
        "no-us-troops",
        "present",
    ),
    (
        "“There will be no American boots on the ground,” Hegseth said of the peacekeeping plan.",
        "no-us-troops",
        "present",
    ),
    ('"American troops will be part of the force," Hegseth said.', "no-us-troops", "contradicted"),
    (
        '"It will not be an Article 5 mission," Hegseth said of the peacekeeping force.',
        "no-article-5",
        "present",
    ),
    (
        '"Article 5 will cover them," Hegseth said of the peacekeepers.',
        "no-article-5",
        "contradicted",
    ),
    (
        "The Contact Group meeting was chaired by the United States as usual.",
        "uk-chairmanship",
        "contradicted",
    ),
    ("As always, the U.S. chaired the Contact Group meeting.", "uk-chairmanship", "contradicted"),
    (
        "When asked about U.S. troops in the peacekeeping force, Hegseth said they would not join.",
        "no-us-troops",
        "present",
    ),
    (
        "With U.S. troops excluded, the peacekeeping force would be European.",
        "no-us-troops",
        "present",
    ),
    (
        "As the UK took over the Contact Group chair, Hegseth said U.S. troops would not join the peacekeeping force.",
        "uk-chairmanship",
        "present",
    ),
    (
        "As the UK took over the Contact Group chair, Hegseth said U.S. troops would not join the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "A peacekeeping force of European rather than armed American troops.",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth said Europe rather than America would provide peacekeeping troops.",
        "no-us-troops",
        "present",
    ),
    (
        "Europe instead of the U.S. sends troops to the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "UK Defence Secretary John Healey chaired the contact group, not the United States.",
        "uk-chairmanship",
        "present",
    ),
    ("Hegseth met allies at the Contact Group. Britain chaired it.", "uk-chairmanship", "present"),
    (
        "Hegseth met allies at the Contact Group. The United States chaired it as usual.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Hegseth proposed a peacekeeping force. Its members would not get Article 5 protection.",
        "no-article-5",
        "present",
    ),
    (
        "Hegseth proposed a peacekeeping force. Its members would get Article 5 protection.",
        "no-article-5",
        "contradicted",
    ),
    ("Article 5 protects NATO members, and Ukraine is not a member.", "no-article-5", "absent"),
    (
        "It would be up to us to keep U.S. troops busy in the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
]


# Cases for the failure classes of the second blind set (written fresh, not copied
# from it): lowercased text, "0"/arrow lists, asides inside a negated predicate,
# negations in later list items, ways of taking part, "said nothing clear", future
# possibilities and bigger roles, passive hand-overs, and verbless labels before a colon.
SURFACE_CASES: list[tuple[str, str, str]] = [
    # lowercased text: acronyms get their case back where they read as the country
    (
        "hegseth said the peacekeeping force would not include us troops .",
        "no-us-troops",
        "present",
    ),
    (
        "hegseth said us soldiers would join the peacekeeping force in ukraine .",
        "no-us-troops",
        "contradicted",
    ),
    (
        "hegseth told us that european troops would make up the peacekeeping force .",
        "no-us-troops",
        "absent",
    ),
    (
        "the peacekeeping force , hegseth told us , will have no european troops .",
        "no-us-troops",
        "absent",
    ),
    (
        "the uk took over the chairmanship of the contact group from the us .",
        "uk-chairmanship",
        "present",
    ),
    ("the contact group is still chaired by the us .", "uk-chairmanship", "contradicted"),
    (
        "britain chairs the contact group now. the u.s. will send no troops to the peacekeeping force .",
        "no-us-troops",
        "present",
    ),
    (
        "the force will include us troops and european troops , hegseth said .",
        "no-us-troops",
        "contradicted",
    ),
    ("the uk will chair the contact group , hegseth said .", "uk-chairmanship", "present"),
    # digit zero, arrows and symbols opening lines as list markers
    (
        "Hegseth's plan:\n→ 0 U.S. troops in the peacekeeping force\n→ Europe pays",
        "no-us-troops",
        "present",
    ),
    (
        "Hegseth's plan:\n→ zero American soldiers in the peacekeeping force\n→ 0 Article 5 cover for it",
        "no-article-5",
        "present",
    ),
    (
        "Hegseth's plan:\n→ U.S. troops in the peacekeeping force\n→ 0 Article 5 cover for it",
        "no-us-troops",
        "absent",
    ),
    (
        "Hegseth's plan:\n✔ UK now chairs the Contact Group\n✔ U.S. troops will join the peacekeeping force",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Hegseth's plan:\n✔ UK now chairs the Contact Group\n✔ U.S. troops will join the peacekeeping force",
        "uk-chairmanship",
        "present",
    ),
    (
        "Peacekeeping force:\n• 0 American troops\n• 0 NATO Article 5 guarantee",
        "no-article-5",
        "present",
    ),
    ("The peacekeeping force: no US troops + no Article 5.", "no-article-5", "present"),
    # an adverb set off by commas inside a negated predicate
    ("The peacekeepers would not, however, be covered by Article 5.", "no-article-5", "present"),
    ("The peacekeepers would, however, be covered by Article 5.", "no-article-5", "contradicted"),
    (
        "U.S. troops will not, of course, be part of the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    ("U.S. troops will, however, join the peacekeeping force.", "no-us-troops", "contradicted"),
    (
        "The force can't, he stressed, count on Article 5 if it clashes with Russian troops.",
        "no-article-5",
        "present",
    ),
    # a negation in a later item of a comma list belongs to that item
    (
        "tl;dr: US & Europe will send peacekeepers to Ukraine, Ukraine not joining NATO, Europe paying.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Summary: U.S. troops will join the peacekeeping force, Kyiv not getting NATO membership.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "The U.S. will send troops to the peacekeeping force, Ukraine will not join NATO.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Hegseth wants a peacekeeping force, American troops not part of it, Europe in the lead.",
        "no-us-troops",
        "present",
    ),
    # ways of taking part in the force
    (
        "The peacekeeping force would draw on American and European soldiers.",
        "no-us-troops",
        "contradicted",
    ),
    ("The peacekeeping force would not draw on American soldiers.", "no-us-troops", "present"),
    (
        "American forces would head the peacekeeping mission in Ukraine.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "American forces would not lead the peacekeeping mission in Ukraine.",
        "no-us-troops",
        "present",
    ),
    (
        "Dozens of countries would send peacekeepers, the United States among them.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "Dozens of countries would send peacekeepers, the United States not among them.",
        "no-us-troops",
        "present",
    ),
    ("Allies, among them the U.S., welcomed the peacekeeping plan.", "no-us-troops", "absent"),
    (
        "He proposed a peacekeeping force for Ukraine. It would include Americans.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "He proposed a peacekeeping force for Ukraine. It would not include any Americans.",
        "no-us-troops",
        "present",
    ),
    (
        "The peacekeeping force would have the full backing of Article 5.",
        "no-article-5",
        "contradicted",
    ),
    (
        "The peacekeepers would carry the full weight of NATO's Article 5 guarantee.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Allies are still weighing whether Article 5 would cover the peacekeeping force.",
        "no-article-5",
        "absent",
    ),
    # saying nothing (clear) about it asserts nothing; a future possibility; a bigger role
    (
        "He proposed a peacekeeping force for Ukraine. On Article 5 for the peacekeepers he said nothing.",
        "no-article-5",
        "absent",
    ),
    (
        "He proposed a peacekeeping force for Ukraine. About Article 5 he gave no clear answer.",
        "no-article-5",
        "absent",
    ),
    (
        "Hegseth was silent on whether Article 5 would cover the peacekeeping force.",
        "no-article-5",
        "absent",
    ),
    (
        "He proposed a peacekeeping force for Ukraine. Hegseth said nothing definite about Article 5.",
        "no-article-5",
        "absent",
    ),
    ("Article 5 for the peacekeepers he don't talk about.", "no-article-5", "absent"),
    (
        "Hegseth said Article 5 would offer nothing to the peacekeeping force.",
        "no-article-5",
        "present",
    ),
    (
        "Nothing in Article 5 would protect the peacekeeping force, Hegseth said.",
        "no-article-5",
        "present",
    ),
    ("Britain may assume the Contact Group chair going forward.", "uk-chairmanship", "absent"),
    (
        "Britain could take the Contact Group chair in the months ahead.",
        "uk-chairmanship",
        "absent",
    ),
    ("Britain assumed a bigger role in the Contact Group.", "uk-chairmanship", "absent"),
    (
        "Britain took on a more prominent coordinating role in the Contact Group.",
        "uk-chairmanship",
        "absent",
    ),
    ("Britain assumed the chairmanship of the Contact Group.", "uk-chairmanship", "present"),
    ("Britain will lead the Contact Group going forward.", "uk-chairmanship", "present"),
    # a passive hand-over of the chair, and a relative clause inside a while-clause
    (
        "Chairmanship of the Ukraine Defense Contact Group was handed over by the United States to the UK.",
        "uk-chairmanship",
        "present",
    ),
    (
        # the reverse hand-over contradicts the fact (this case said "absent" while the
        # slots were too far apart for the word rules; the parse joins them)
        "Chairmanship of the Ukraine Defense Contact Group was handed by London to Washington.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Weapons were handed by Washington to London before the Contact Group met.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Hegseth spoke, while Britain, which took over the Contact Group chair from the U.S., hosted.",
        "uk-chairmanship",
        "present",
    ),
    (
        "While Britain, which hosted, praised the plan, the U.S. kept the Contact Group chair.",
        "uk-chairmanship",
        "contradicted",
    ),
    # a verbless label before a colon is a topic; the words after the colon say what of it
    ("Article 5 protection for the peacekeeping force: none.", "no-article-5", "present"),
    ("Article 5 protection for the peacekeeping force: no.", "no-article-5", "present"),
    ("Article 5 protection for the peacekeeping force: yes.", "no-article-5", "contradicted"),
    ("Article 5 protection for the peacekeeping force: to be decided.", "no-article-5", "absent"),
    ("Article 5 cover for the force: nothing concrete yet.", "no-article-5", "absent"),
    ("U.S. troops in the peacekeeping force: none.", "no-us-troops", "present"),
    ("U.S. troops joining the peacekeeping force: ruled out.", "no-us-troops", "present"),
    ("No U.S. troops: Europe will send the peacekeeping force.", "no-us-troops", "present"),
    ("Contact Group chair: still the U.S.", "uk-chairmanship", "contradicted"),
]


# blind3 classes: long verbless labels, arrows, "Nor, he said, would", concessive "however",
# dash asides, "A rather than B <noun>", whether ... or, membership in the claim's own
# sub-clause, relative-clause antecedents, "as it has since", evaluative "perhaps"
BLIND3_CASES: list[tuple[str, str, str]] = [
    # a long verbless label before a colon is a topic; the value after the colon decides
    (
        "Article 5 protection for the peacekeepers in case of a clash with Russian troops: none.",
        "no-article-5",
        "present",
    ),
    (
        "Article 5 protection for the peacekeepers in case of a clash with Russian troops: yes.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Share of the future peacekeeping force made up of U.S. troops sent to Ukraine: zero.",
        "no-us-troops",
        "present",
    ),
    (
        "Share of the future peacekeeping force made up of U.S. troops in Ukraine: undecided.",
        "no-us-troops",
        "absent",
    ),
    # a spaced arrow reads "to"
    ("Contact Group chair: US -> UK.", "uk-chairmanship", "present"),
    ("Contact Group chair: UK -> US.", "uk-chairmanship", "contradicted"),
    # "Nor, he said, would ...": nor with a parenthetical before its auxiliary
    (
        "He ruled out U.S. troops. Nor, he added, would the force be protected by Article 5 if it fought Russian units.",
        "no-article-5",
        "present",
    ),
    (
        "Nor, officials said, would American soldiers serve in the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "Neither Britain nor France would take part in the mission, but U.S. troops would join the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    # concessive "however + adjective" is no clause boundary
    (
        "The peacekeepers, however large the force grows, would not be covered by Article 5.",
        "no-article-5",
        "present",
    ),
    (
        "The peacekeepers would not be covered by Article 5; however, U.S. troops would join the force.",
        "no-us-troops",
        "contradicted",
    ),
    # a dash aside between the subject and a negated predicate
    (
        "Article 5 -- whatever the size of the force, and wherever it deployed -- would not apply to the peacekeepers if Russia attacked them.",
        "no-article-5",
        "present",
    ),
    (
        "U.S. troops \u2014 and the president was clear on this, as were his aides \u2014 will not be part of the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "The peacekeeping force \u2014 which will not include U.S. troops \u2014 would be covered by Article 5 if attacked by Russia.",
        "no-article-5",
        "contradicted",
    ),
    (
        "The peacekeeping force \u2014 which will not include U.S. troops \u2014 would be covered by Article 5 if attacked by Russia.",
        "no-us-troops",
        "present",
    ),
    # two proper modifiers contrasted before one noun
    (
        "The group met under UK rather than US chairmanship for the first time.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The group met under US rather than UK chairmanship, as it always has.",
        "uk-chairmanship",
        "contradicted",
    ),
    ("The force would draw on British rather than American soldiers.", "no-us-troops", "present"),
    (
        "Britain rather than the United States chaired the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    # "whether X or Y": the alternative after "or" is still open
    (
        "It remains unclear whether the peacekeepers would be led by France or protected by Article 5 against Russia.",
        "no-article-5",
        "absent",
    ),
    (
        "He did not say whether Europe would lead the force or U.S. troops would join it.",
        "no-us-troops",
        "absent",
    ),
    (
        "The force would be led by France or Germany and would be protected by Article 5 if Russian troops attacked.",
        "no-article-5",
        "contradicted",
    ),
    # the claim's own local sub-clause about NATO membership is another subject
    (
        "Ukraine will not get Article 5 guarantees through NATO membership, he said, and the peacekeeping force would be European.",
        "no-article-5",
        "absent",
    ),
    (
        "Ukraine will not join NATO soon, he said, and the peacekeeping force would get no Article 5 protection.",
        "no-article-5",
        "present",
    ),
    (
        "NATO would treat a Russian attack on the peacekeepers as an attack on all members under Article 5.",
        "no-article-5",
        "contradicted",
    ),
    # the antecedent of ", which/who" is the subject of the relative clause
    (
        "The meeting was hosted by the United States, which still chairs the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The meeting was hosted by the United States, which no longer chairs the Ukraine Defense Contact Group.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "The Contact Group session was chaired by France, which took the post over from Washington.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Britain, which took over the chair of the Contact Group from the U.S., hosted the meeting.",
        "uk-chairmanship",
        "present",
    ),
    # "as it has since ...": an elliptical comparison stays with its clause
    (
        "The contact group met under American chairmanship, as it has since 2022.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The contact group met under British chairmanship, as it never had before.",
        "uk-chairmanship",
        "present",
    ),
    # "Perhaps more strikingly," is an evaluation, not a hedge
    (
        "Perhaps most notably, he said the peacekeepers could rely on Article 5 if Russian forces attacked them.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Perhaps surprisingly, he said no U.S. troops would be part of the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    ("Perhaps U.S. troops will join the peacekeeping force.", "no-us-troops", "absent"),
    (
        "Some early reports had France taking over the Contact Group chair; in fact Britain took it over.",
        "uk-chairmanship",
        "present",
    ),
    # new phrasings: forming / keeping the peace / staffing, hyphenated "no-Americans", active hand-over
    (
        "American troops would form the core of the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "He wants U.S. soldiers to help keep the peace in Ukraine after a ceasefire.",
        "no-us-troops",
        "contradicted",
    ),
    (
        "He does not want U.S. soldiers to help keep the peace in Ukraine after a ceasefire.",
        "no-us-troops",
        "present",
    ),
    (
        "Europeans, not Americans, should staff any peacekeeping force in Ukraine.",
        "no-us-troops",
        "present",
    ),
    ("Americans should staff the peacekeeping force in Ukraine.", "no-us-troops", "contradicted"),
    ("He outlined a no-Americans peacekeeping plan for Ukraine.", "no-us-troops", "present"),
    ("Washington hands the Ukraine contact group to Britain.", "uk-chairmanship", "present"),
    (
        "Britain hands the Ukraine contact group chair back to the U.S.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Washington hands more weapons to Britain for the Ukraine contact group.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Germany has taken over the contact group's chairmanship from the United States.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "Don't count on Article 5 if the Russians shoot at the peacekeepers, he said.",
        "no-article-5",
        "present",
    ),
    (
        "Ukraine should not count on Article 5 if Russia attacks again before it joins NATO.",
        "no-article-5",
        "absent",
    ),
    # a relative clause ends at the comma before the main verb, even after "still"
    (
        "The United States, which handed the chair to Britain, still attended the Contact Group.",
        "uk-chairmanship",
        "present",
    ),
    ("Chair of the contact group: uk -> us", "uk-chairmanship", "contradicted"),
]


# blind4 failure classes, generalised: U.S. participation verbs, "contrary to reports",
# "neither confirmed nor denied", "exclude X and lack Y", a relative clause between the
# subject and its verb, "He added that ...", and the U.S. chairing in the active and passive.
F4 = "Hegseth said a peacekeeping force would protect any deal. "
G4 = "The Ukraine Defense Contact Group met in Brussels. "
BLIND4_CASES = [
    (
        F4 + "The United States would contribute troops to the force.",
        "no-us-troops",
        "contradicted",
    ),
    (F4 + "Washington would be sending soldiers to the mission.", "no-us-troops", "contradicted"),
    (
        F4 + "The U.S. will provide personnel for the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    (F4 + "America is committing troops to the force.", "no-us-troops", "contradicted"),
    (
        F4 + "The U.S. would be supplying troops to the peacekeeping mission.",
        "no-us-troops",
        "contradicted",
    ),
    (F4 + "American forces would anchor the peacekeeping force.", "no-us-troops", "contradicted"),
    (F4 + "U.S. troops would lead the force.", "no-us-troops", "contradicted"),
    (F4 + "The U.S. would deploy troops as part of the force.", "no-us-troops", "contradicted"),
    (
        F4 + "The U.S. would keep a small contingent in the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    (
        F4 + "The U.S. would keep its troops out of the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (F4 + "He added that American troops would serve in it.", "no-us-troops", "contradicted"),
    (F4 + "He added that American troops would stay home.", "no-us-troops", "present"),
    (
        "Contrary to earlier reports, no U.S. troops would join the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
    (
        "Despite media reports, he said U.S. troops would join the peacekeeping force.",
        "no-us-troops",
        "contradicted",
    ),
    ("Media reports said U.S. troops would join the peacekeeping force.", "no-us-troops", "absent"),
    (
        "Whether U.S. troops would join the peacekeeping force was neither confirmed nor denied.",
        "no-us-troops",
        "absent",
    ),
    (
        "The peacekeeping force would exclude American soldiers and lack Article 5 cover.",
        "no-us-troops",
        "present",
    ),
    (
        "The peacekeeping force would exclude American soldiers and lack Article 5 cover.",
        "no-article-5",
        "present",
    ),
    (
        "The force would include U.S. troops and lack Article 5 cover.",
        "no-us-troops",
        "contradicted",
    ),
    ("The force would include U.S. troops and lack Article 5 cover.", "no-article-5", "present"),
    (F4 + "The force would be protected by Article 5.", "no-article-5", "contradicted"),
    (
        F4 + "The force would be covered by Article 5 if it clashed with Russian troops.",
        "no-article-5",
        "contradicted",
    ),
    (
        F4 + "Peacekeepers would be shielded by NATO's mutual-defence guarantee.",
        "no-article-5",
        "contradicted",
    ),
    (
        "Peacekeepers would operate without NATO's collective-defence backing.",
        "no-article-5",
        "present",
    ),
    ("Peacekeepers would enjoy NATO's collective-defence support.", "no-article-5", "contradicted"),
    (
        "He said Ukraine would get into NATO and have Article 5 protection.",
        "no-article-5",
        "absent",
    ),
    (G4 + "The U.S. took over the chair from Britain.", "uk-chairmanship", "contradicted"),
    (G4 + "Britain handed the chair to Washington.", "uk-chairmanship", "contradicted"),
    (G4 + "The chair stays with Washington.", "uk-chairmanship", "contradicted"),
    (G4 + "Washington retains the presidency of the group.", "uk-chairmanship", "contradicted"),
    (G4 + "Washington keeps the presidency of the group.", "uk-chairmanship", "contradicted"),
    (
        G4 + "Washington continues to hold the presidency of the group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (G4 + "The United States chaired the meeting.", "uk-chairmanship", "contradicted"),
    (G4 + "The United States presided over the meeting.", "uk-chairmanship", "contradicted"),
    (
        "The contact group meeting, chaired by the United States, drew 50 nations.",
        "uk-chairmanship",
        "contradicted",
    ),
    ("The contact group met under U.S. chairmanship.", "uk-chairmanship", "contradicted"),
    ("The contact group met under British chairmanship.", "uk-chairmanship", "present"),
    (
        "The contact group, which the United States chaired since 2022, was chaired by Britain for the first time.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The contact group, previously chaired by the United States, met under British chairmanship.",
        "uk-chairmanship",
        "present",
    ),
    (
        "Britain chaired the contact group, which the U.S. had chaired until now.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The United States, which had chaired the contact group since 2022, handed it to Britain.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The UK took over the contact group chair from the United States, which chaired it before.",
        "uk-chairmanship",
        "present",
    ),
    ("The U.S. did not chair the contact group meeting.", "uk-chairmanship", "absent"),
    (
        "The United Kingdom stepped down as chair of the contact group.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The United States, which created the contact group, kept the chair.",
        "uk-chairmanship",
        "contradicted",
    ),
    (
        "The United States, which created the contact group, did not keep the chair.",
        "uk-chairmanship",
        "absent",
    ),
    (
        "Britain, which has given Ukraine billions, took over as chair of the contact group.",
        "uk-chairmanship",
        "present",
    ),
    (
        "The U.S. Defense Secretary chaired nothing; Britain chaired the contact group.",
        "uk-chairmanship",
        "present",
    ),
    ("The UK chairs the UN Security Council this month.", "uk-chairmanship", "absent"),
    # relative clause ends before "long chaired": history, not a contradiction
    (
        "The contact group, long chaired by the United States, met in Brussels.",
        "uk-chairmanship",
        "absent",
    ),
    ("The U.S.-chaired contact group met in Brussels under Healey.", "uk-chairmanship", "present"),
    ("Hegseth said the U.S. would no longer chair the contact group.", "uk-chairmanship", "absent"),
    ("The Pentagon chaired the previous contact group meetings.", "uk-chairmanship", "absent"),
    (
        "It would be up to us to keep U.S. troops busy in the peacekeeping force.",
        "no-us-troops",
        "absent",
    ),
    (F4 + "He added that U.S. troops would remain in Poland.", "no-us-troops", "absent"),
    (
        "Unlike press reports suggested, U.S. troops will not be part of the peacekeeping force.",
        "no-us-troops",
        "present",
    ),
]


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    CASES
    + PARAPHRASE_CASES
    + JOIN_CASES
    + SUMMARY_CASES
    + SURFACE_CASES
    + BLIND3_CASES
    + BLIND4_CASES,
)
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
    assert len(PARAPHRASE_CASES) >= 40
    assert len(JOIN_CASES) >= 30
    assert len(SURFACE_CASES) >= 30
    assert len(BLIND3_CASES) >= 30
    pairs = [
        (t, f) for t, f, _ in CASES + PARAPHRASE_CASES + JOIN_CASES + SURFACE_CASES + BLIND3_CASES
    ]
    assert len(set(pairs)) == len(pairs)  # no case twice


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


def test_many_candidates_deterministic(factset):
    """1,000 candidates in one process give the same verdicts as each alone (no state leaks
    between calls through the caches). Speed is measured in bench/, never asserted here."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "candidates").glob("*"))]
    assert texts, "the demo candidates/ folder is part of the repo"
    batch = [f"{texts[i % len(texts)]} ({i})" for i in range(1000)]
    first = [check_facts(t, factset) for t in texts]
    many = [check_facts(t, factset) for t in batch]
    for i, result in enumerate(many):
        assert [r.verdict for r in result.results] == [
            r.verdict for r in first[i % len(texts)].results
        ]


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


def test_shared_phrasings_fill_every_slot(tmp_path):
    fs = load_facts(
        _write(
            tmp_path,
            """
[[fact]]
id = "no-gis"
statement = "No U.S. troops."
polarity = "negative"
slots = { who = ["U.S.", "American"], what = ["troops", "soldiers"] }
shared = ["GIs"]
""",
        ),
        "doc",
    )
    assert fs.facts[0].claim.shared == ("GIs",)
    assert describe_facts(fs)[0]["claim"]["shared"] == ["GIs"]
    assert check_facts("There will be no GIs there.", fs).results[0].verdict == "present"
    assert check_facts("No American soldiers there.", fs).results[0].verdict == "present"
    assert check_facts("GIs will be there.", fs).results[0].verdict == "contradicted"
    assert check_facts("No GI Bill changes.", fs).results[0].verdict == "absent"
    # without `shared`, one phrase still cannot fill two slots
    fact = fs.facts[0]
    plain = FactSet("doc", None, "", (replace(fact, claim=replace(fact.claim, shared=())),))
    assert check_facts("There will be no GIs there.", plain).results[0].verdict == "absent"


def test_long_sentence_completes(factset):
    """A single 'sentence' of many clauses joined by "and" (pathological CI input) is
    judged like a short one. Its linear cost is measured in bench/ (no timing here)."""
    unit = "U.S. troops and Article 5 and Britain chair the group and the force, "
    small = check_facts(unit * 20, factset)
    big = check_facts(unit * 8_000, factset)
    assert [r.verdict for r in big.results] == [r.verdict for r in small.results]


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
    assert path.exists(), "tests/data/facts_labeled.jsonl is missing"
    labels = load_labels(path)
    assert len({lab.candidate for lab in labels}) >= 80
    report = calibrate(labels, texts_from_labels(labels), {"hegseth-nato": factset})
    _print_report(report, capsys, "facts_labeled.jsonl")
    assert render_text(report)
    assert report.accuracy >= 0.95
    assert report.contradicted_as_present == 0
    assert report.present_as_contradicted == 0


def test_holdout_set(factset, capsys):
    """The dev set (rules were fixed against it, so this overstates blind accuracy)."""
    path = DATA / "facts_holdout.jsonl"
    assert path.exists(), "tests/data/facts_holdout.jsonl is missing"
    labels = load_labels(path)
    report = calibrate(labels, texts_from_labels(labels), {"hegseth-nato": factset})
    _print_report(report, capsys, "facts_holdout.jsonl (dev)")
    assert report.accuracy >= 0.95
    assert report.contradicted_as_present == 0


def test_demo_candidates(factset, capsys):
    expected_path = DATA / "demo_expected.toml"
    cand_dir = ROOT / "candidates"
    assert expected_path.exists() and cand_dir.is_dir(), "demo_expected.toml or candidates/"
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
