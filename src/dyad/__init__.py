"""dyad: sourced, structured political event data from news and commentary."""

__version__ = "0.1.0"

from dyad.model import Analysis, Article  # noqa: E402
from dyad.pipeline import analyze  # noqa: E402

__all__ = ["Analysis", "Article", "analyze", "__version__"]
