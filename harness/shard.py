"""Shards: `harness score --shard I/N` scores the candidates whose id hashes to shard I.

The split is by a hash of the candidate id (SHA-256, not Python's salted `hash`), so it
is stable across machines, runs and input order, and every copy of one id lands in the
same shard. A shard's report records, in `settings.shard`, which shard it is, the input
position of each of its candidates (so `harness merge` restores the one-run order) and the
exact sums behind its means (so merged means equal a one-run's, not means of rounded
values).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from harness.errors import ConfigError
from harness.loading import Candidate, LoadFailure
from harness.results import CandidateResult

SETTINGS_KEY = "shard"


@dataclass(frozen=True)
class Shard:
    """Shard `index` (1-based) of `count`."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not m:
            raise ConfigError(f"--shard expects I/N such as 1/4, not {text!r}")
        index, count = int(m.group(1)), int(m.group(2))
        if not 1 <= index <= count:
            raise ConfigError(f"--shard {text}: I must be between 1 and N")
        return cls(index, count)

    def owns(self, candidate_id: str) -> bool:
        return shard_of(candidate_id, self.count) == self.index

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_of(candidate_id: str, count: int) -> int:
    """The shard (1..count) a candidate id belongs to."""
    digest = hashlib.sha256(candidate_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


@dataclass
class ShardRun:
    """Selects a shard's candidates and records what `merge` needs into the settings."""

    shard: Shard
    positions: list[int] = field(default_factory=list)
    sums: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    seen: int = 0  # candidates in the whole input, of every shard

    def select(self, items: Iterable[Candidate | LoadFailure]) -> Iterator[Candidate | LoadFailure]:
        for position, item in enumerate(items):
            self.seen += 1
            if self.shard.owns(item.id):
                self.positions.append(position)
                yield item

    def watch(self, chunks: Iterable[list[CandidateResult]]) -> Iterator[list[CandidateResult]]:
        """Pass scored chunks through, summing each metric as the summary does."""
        from harness.metrics import families

        regs = families()
        for chunk in chunks:
            for r in chunk:
                if r.status != "ok":
                    continue
                for fam, result in r.scores.items():
                    for name, value in regs[fam].values(result).items():
                        self.sums[name] = self.sums.get(name, 0.0) + value
                        self.counts[name] = self.counts.get(name, 0) + 1
            yield chunk

    def settings(self, base: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
        def settings() -> dict[str, Any]:
            return {
                **base(),
                SETTINGS_KEY: {
                    "index": self.shard.index,
                    "count": self.shard.count,
                    "positions": self.positions,
                    "sums": self.sums,
                    "counts": self.counts,
                },
            }

        return settings
