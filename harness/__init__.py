"""harness: score candidate summaries on ROUGE, embedding similarity and required facts."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
