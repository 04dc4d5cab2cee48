"""The quotes stage (spaCy component `dyad_quotes`)."""

from dyad.quotes.component import QuoteExtractor

__all__ = ["QuoteExtractor"]
