"""An interview's labels, read the same by the actors and the quotes stages."""

from __future__ import annotations

import pytest

from dyad.interviews import interview_label


@pytest.mark.parametrize(
    ("label", "colon", "expected"),
    [
        ("Q", ":", "question"),
        ("Question", ":", "question"),
        ("A", ":", "answer"),
        ("ANSWER", ":", "answer"),
        ("A", "senior", None),  # "A senior official said …" opens no answer
        ("Obama", ":", None),  # a speaker's name is no label of an interview
    ],
)
def test_interview_label(label, colon, expected):
    assert interview_label(label, colon) == expected
