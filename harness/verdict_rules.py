"""Two verdict rules of the matcher (harness.matcher), on its findings and scope.

- A contradiction that is only someone's reported denial ("He took the money, Ruiz
  denied") does not beat the summary's own plain statement of the claim.
- In a clause that holds an exclude word, the claim's own slot words and the words of an
  exclude phrase are no context ("the visiting team's tactics" with context "tactics",
  exclude "visiting team").

Both take the matcher's objects as they are (a finding, its document, clause and scope).
"""

from __future__ import annotations

from typing import Any

from harness.clause_rules import is_denial


def only_disputed(contra: Any, present: Any) -> bool:
    """The contradiction is only someone's reported denial of the claim ("He took the
    money, Ruiz denied"), and the summary states the claim itself, at least as directly:
    a dispute the summary reports, not the summary saying the opposite."""
    p = contra.parsed
    return (
        contra.kind == "claim"
        and p is not None
        and len(p.negations) == 1
        and is_denial(p.negations[0])
        and present.kind != "contra"
        and present.level is not None
        and contra.level is not None
        and present.level <= contra.level
    )


def excluded_in_clause(doc: Any, cf: Any, clause: Any, own: list[tuple[int, int]]) -> bool | None:
    """At the clause level, with an exclude word outside the claim's own words: True when
    every context word there is one of the claim's own words or inside an exclude phrase
    (the exclude word decides), False when another context word is there, None when no
    such exclude word is in the clause."""
    a, b = clause.start, clause.end

    def within(x, spans) -> bool:
        return any(p <= x[0] and x[1] <= q for p, q in spans)

    ex = [x for x in doc.matches(cf.exclude)[1] if a <= x[0] and x[1] <= b]
    foreign = [x for x in ex if not any(x[0] < q and p < x[1] for p, q in own)]
    if not foreign:
        return None
    ctx = [x for x in doc.matches(cf.context)[1] if a <= x[0] and x[1] <= b]
    return all(within(x, own) or within(x, ex) for x in ctx)
