"""The events stage (spaCy component `dyad_events`): PLOVER events on ``doc._.events``.

Each event is a ``dyad.model.Event``: PLOVER type and mode, status (actual,
intended, hypothetical, claimed, negated), source and target actor ids (further
participants in ``others``), time with ``time_role`` ("occurred", or "reported"
when only the report dates it), location, the evidence span, who reported it and
the quote it sits in. Triggers are verbs and event nouns listed in
``src/dyad/data/events/`` (YAML); arguments come from the dependency parse and
are resolved through the mentions ``dyad_actors`` left on the Doc.
"""

from dyad.events.component import EventExtractor
from dyad.events.extract import extract_events

__all__ = ["EventExtractor", "extract_events"]
