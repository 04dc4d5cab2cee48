"""The framing stage: which events each statement speaks about, and for which side.

``dyad.framing.link`` (with the ``dyad_framing`` spaCy component) fills
``Quote.about``; ``dyad.framing.sides`` places a statement's speaker on one side
of an event, and needs no spaCy, so the query layer uses it too.
"""
