"""dyad: sourced, structured political event data from news and commentary.

Importing ``dyad`` loads only the ground floor (model dataclasses and the
version); ``dyad.analyze`` loads the pipeline, and with it spaCy, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.model import Analysis, Article
from dyad.version import __version__

if TYPE_CHECKING:
    from dyad.pipeline import analyze

__all__ = ["Analysis", "Article", "analyze", "__version__"]


def __getattr__(name: str):
    if name == "analyze":
        from dyad.pipeline import analyze

        return analyze
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")
