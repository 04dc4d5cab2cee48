"""Article text as HTML with what dyad found in it marked and linked.

Annotations overlap (a mention inside a quote inside an event's evidence), so
the text is cut at every annotation boundary and each piece carries the
classes of everything covering it. Every piece of text is escaped here: this
is the one place the untrusted article text becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from dyad.query import Annotation
from dyad.query.actors import actor_path


def highlight(text: str, annotations: Iterable[Annotation], selected: str | None = None) -> Markup:
    """The article's text as HTML; ``selected`` names the event evidence to emphasise."""
    # Blank lines around the text would show as empty space in a pre-wrapped block.
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    spans = [a for a in annotations if first <= a.start < a.end <= last]
    cuts = sorted({first, last, *(a.start for a in spans), *(a.end for a in spans)})
    # The first piece of each quote and piece of evidence carries the anchor links point to.
    anchored: set[tuple[str, str]] = set()
    parts: list[str] = []
    waiting = sorted(spans, key=lambda a: a.start, reverse=True)
    covering: list[Annotation] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        # Sweep: spans open as the text reaches their start and close at their end.
        covering = [a for a in covering if a.end > start]
        while waiting and waiting[-1].start <= start:
            covering.append(waiting.pop())
        piece = escape(text[start:end])
        if not covering:
            parts.append(piece)
            continue
        kinds = sorted({a.kind for a in covering})
        classes = [f"hl-{kind}" for kind in kinds]
        evidence = [a for a in covering if a.kind == "evidence"]
        if selected and any(a.ref == selected for a in evidence):
            classes.append("selected")
        anchors = []
        for a in covering:
            prefix = {"quote": "q-", "evidence": "ev-"}.get(a.kind)
            if prefix and a.ref and (a.kind, a.ref) not in anchored:
                anchored.add((a.kind, a.ref))
                anchors.append(prefix + a.ref)
        titles = "; ".join(dict.fromkeys(_title(a) for a in covering))
        actor = next((a.ref for a in covering if a.kind == "mention" and a.ref), None)
        if actor:
            piece = Markup('<a href="{}">{}</a>').format(actor_path(actor), piece)
        parts.extend(Markup('<span id="{}" class="anchor"></span>').format(a) for a in anchors)
        attributes = Markup(' class="{}" title="{}"').format(" ".join(classes), titles)
        evidence_refs = " ".join(sorted({a.ref for a in evidence if a.ref}))
        if evidence_refs:
            attributes += Markup(' data-events="{}"').format(evidence_refs)
        parts.append(Markup("<span{}>{}</span>").format(attributes, piece))
        parts.extend(
            Markup('<a class="marker marker-{}" href="{}">{}</a>').format(
                a.kind, a.link, a.link_text
            )
            for a in covering
            if a.end == end and a.link
        )
    return Markup("").join(parts)


def _title(annotation: Annotation) -> str:
    if annotation.kind == "time" and annotation.ref:
        return f"time: {annotation.ref}"
    if annotation.kind == "mention":
        return f"actor: {annotation.label}"
    if annotation.kind == "evidence":
        return f"event {annotation.ref}: {annotation.label}"
    return annotation.label
