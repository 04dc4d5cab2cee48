"""The labels of an interview transcript: a paragraph opening "Q:" is the interviewer's
question, one opening "A:" the interviewee's answer.

Shared by two stages, so it sits below both: the actors stage gives the "I" of an answer
to the interviewee, and the quotes stage reads each labelled paragraph as a statement of
the one who asks or answers.
"""

from __future__ import annotations

QUESTION_LABELS = frozenset({"q", "question"})
ANSWER_LABELS = frozenset({"a", "answer"})


def interview_label(label: str, colon: str) -> str | None:
    """The label, "question" or "answer", when ``label`` and ``colon`` (a paragraph's
    first two words) open an interview's question or answer ("Q", ":"); None otherwise."""
    if colon != ":":
        return None
    word = label.lower()
    if word in QUESTION_LABELS:
        return "question"
    if word in ANSWER_LABELS:
        return "answer"
    return None
