"""What readers yield (an ``Article`` or a ``Skipped``) and the exception behind each skip."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.model import Article


class BadInput(Exception):
    """Input that cannot become an article; the message is the one-line reason shown to users."""


@dataclass
class Skipped:
    """An input that could not become an article, and why (one line)."""

    source: str
    reason: str

    @property
    def kind(self) -> str:
        """The reason without particulars, for counting: "too large (52.0 MB …)" -> "too large"."""
        return re.split(r" \(|: ", self.reason, maxsplit=1)[0]


Item = Article | Skipped


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def one_line(error: object, limit: int = 160) -> str:
    """An error message fit for a one-line reason."""
    return " ".join(str(error).split())[:limit] or type(error).__name__
