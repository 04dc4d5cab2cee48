"""The ingest stage: every source becomes an ``Article`` or a ``Skipped`` with a reason."""

from dyad.ingest.items import Skipped
from dyad.ingest.options import IngestOptions
from dyad.ingest.readers import read_sources
from dyad.ingest.tables import read_jsonl_lines

__all__ = ["IngestOptions", "Skipped", "read_jsonl_lines", "read_sources"]
