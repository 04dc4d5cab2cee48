"""The ingest stage: every source becomes an ``Article`` or a ``Skipped`` with a reason."""

from dyad.ingest.readers import Skipped, read_jsonl_lines, read_sources

__all__ = ["Skipped", "read_jsonl_lines", "read_sources"]
