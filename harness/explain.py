"""`harness explain`: why each fact verdict was given for one candidate.

For every fact (or one), the verdict and the reason it won, then each statement of the
fact's claim the matcher found: the sentence and clause, which words filled which slot,
the negation cues in its sub-clause and whether it came out negated (or doubly negated),
whether a hedge or condition set it aside, the context/exclude decision, and what the
statement counted as (present, contradicted or set aside) and why.
"""

from __future__ import annotations

from typing import Any

from harness.facts import FactSet
from harness.matcher import FactExplanation, explain_fact


def explain(text: str, factset: FactSet, fact_id: str | None = None) -> list[FactExplanation]:
    """Explanations for every fact of `factset` (or only `fact_id`) on one candidate."""
    facts = [f for f in factset.facts if fact_id is None or f.id == fact_id]
    return [explain_fact(text, f) for f in facts]


def explanation_to_dict(e: FactExplanation) -> dict[str, Any]:
    """The verdict as the JSON report holds it, plus why it won and every reading."""
    from harness.results import fact_result_to_dict

    out = fact_result_to_dict(e.result)
    out["reason"] = e.reason
    out["unmatched_slots"] = list(e.unmatched)
    out["readings"] = [
        {
            "kind": g.kind,
            "outcome": g.outcome,
            "reason": g.reason,
            "sentence": list(g.sentence),
            "clause": g.clause,
            "slots": dict(g.slots),
            "negated": g.negated,
            "double_negation": g.double_negation,
            "negation_cues": list(g.cues),
            "hedged": g.hedged,
            "hedge": g.hedge,
            "scope": g.scope,
        }
        for g in e.readings
    ]
    return out


def _quote(s: str | None, limit: int = 220) -> str:
    if s is None:
        return "-"
    s = " ".join(s.split())
    return "“" + (s if len(s) <= limit else s[: limit - 1] + "…") + "”"


def render_explanations(explanations: list[FactExplanation], factset: FactSet) -> str:
    """Plain text, one block per fact."""
    lines: list[str] = []
    for e in explanations:
        fact = factset.get(e.fact)
        r = e.result
        polarity = f", {fact.polarity}" if fact is not None else ""
        lines.append(f"{e.fact}{polarity}: {fact.statement if fact else ''}")
        lines.append(f"  verdict: {r.verdict} ({r.confidence:.2f}): {e.reason}")
        if r.evidence:
            lines.append(f"  evidence: {_quote(r.evidence)}")
        if r.other_verdict is not None:
            lines.append(f"  also {r.other_verdict}: {_quote(r.other_evidence)}")
        if e.unmatched:
            lines.append(f"  no phrasing found for slot(s): {', '.join(e.unmatched)}")
        for k, g in enumerate(e.readings, 1):
            slots = ", ".join(f"{n}={_quote(w, 60)}" for n, w in g.slots)
            lines.append(f"  [{k}] {g.kind} -> {g.outcome}: {g.reason}")
            lines.append(f"      clause: {_quote(g.clause)}")
            lines.append(f"      slots: {slots}")
            cues = ", ".join(_quote(c, 40) for c in g.cues) or "none"
            neg = "double negation" if g.double_negation else ("yes" if g.negated else "no")
            lines.append(f"      negation cues: {cues}; negated: {neg}")
            hedged = f"yes ({g.hedge})" if g.hedge else ("yes" if g.hedged else "no")
            if g.hedge and not g.hedged:  # a hedge found and then discounted ("..., he said no")
                hedged = f"no ({g.hedge!r} found, not counted)"
            lines.append(f"      hedged: {hedged}; scope: {g.scope}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
