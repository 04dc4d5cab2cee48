"""The eval stage: score dyad against gold annotations.

Each scorer module exposes ``evaluate(path, nlp) -> dict`` of JSON-able metrics:
``seed`` (hand-annotated articles such as gold/seed.json), ``polnear`` (quote
attribution, brat), ``timeml`` (TIMEX3), ``actors``, ``events`` and ``framing``
(dyad's own gold files).
"""

SCORERS = {
    "seed": "dyad.eval.seed",
    "polnear": "dyad.eval.polnear",
    "timeml": "dyad.eval.timeml",
    "actors": "dyad.eval.actors",
    "events": "dyad.eval.events",
    "framing": "dyad.eval.framing",
}
