"""Find the passages of a text that stand between quotation marks.

Shared by two stages, so it sits below both: the quotes stage reads quotes from
these passages; the actors stage, which runs before it, keeps pronouns inside
them from resolving to the article's actors.

A pure function over the string, independent of spaCy: it pairs marks by
direction, never treats apostrophes as marks, lets a quote run on into the
next paragraph when that paragraph opens with a mark (the news convention for
multi-paragraph quotes) or when the next paragraph's first mark closes, and
otherwise never lets an unclosed mark run past its own paragraph. Time is
linear in the length of the text.

Typewriter-style double marks (two apostrophes ``''``, two backticks)
count as double quotation marks: some wire and newspaper texts (the New York
Times archive among them) use them for every quote. A straight single mark
(``'``) is read by its neighbours like a curly one: it opens before a letter
after a space, and closes after a word where no letter follows ("it's", "Hamas'
custody" stay apostrophes). In a text without double marks, single marks are
its quotation marks (the British style), not quotes within quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
# Typewriter double marks: backticks open, two apostrophes go either way like '"'.
BACKTICK_DOUBLE = "``"
APOSTROPHE_DOUBLE = "''"
OPENING_SINGLE = "‘‹"
CLOSING_SINGLE = "’›"
# Characters after which a straight mark opens a quote rather than closes one
# (besides any space, the no-break space of web texts included).
OPENS_AFTER = " \t\n([{—–-/:" + OPENING_DOUBLE + OPENING_SINGLE

_DOUBLE_MARK = re.compile(r"``|''|[“„«”»\"]")
STRAIGHT_SINGLE = "'"
# A straight single mark that is not half of a typewriter double one ('').
_SINGLE_MARK = re.compile(r"[‘‹’›]|(?<!')'(?!')")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True)
class MarkedPassage:
    """Text between quotation marks. ``start``/``end`` exclude the marks.

    ``open`` is the offset of the opening mark; ``close`` the offset of the
    last character of the closing mark (marks may be two characters long), or
    None when the paragraph ended before the quote was closed.
    """

    start: int
    end: int
    open: int
    close: int | None
    single: bool = False


def _opens(text: str, i: int, end: int | None = None) -> bool:
    """A straight mark (text[i:end]) opens when it follows a space or opening punctuation."""
    end = i + 1 if end is None else end
    before = text[i - 1] if i > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in OPENS_AFTER) and not after.isspace()


def _is_opening(mark: str, text: str, i: int, end: int) -> bool:
    if mark in OPENING_DOUBLE or mark == BACKTICK_DOUBLE:
        return True
    return mark in (STRAIGHT_DOUBLE, APOSTROPHE_DOUBLE) and _opens(text, i, end)


def _is_closing(mark: str, text: str, i: int, end: int) -> bool:
    if mark in CLOSING_DOUBLE:
        return True
    return mark in (STRAIGHT_DOUBLE, APOSTROPHE_DOUBLE) and not _opens(text, i, end)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether a quote left open at the end of a paragraph runs on into the one at
    text[start:end]: it opens with a mark (the news convention), or its first mark
    closes (the writer or the page lost the opening one: “I served ten years.
    And I will not stop now,” he said)."""
    first = _DOUBLE_MARK.search(text, start, end)
    if first is None:
        return False
    return first.start() == start or _is_closing(first.group(), text, *first.span())


def find_double_quoted(text: str) -> list[MarkedPassage]:
    """Passages between double quotation marks, outermost only, in text order."""
    passages: list[MarkedPassage] = []
    paragraphs = list(_paragraphs(text))
    open_at: int | None = None
    content_at = 0  # where the open quote's words begin, after its mark
    for index, (p_start, p_end) in enumerate(paragraphs):
        skip_continuation_mark = open_at is not None
        for match in _DOUBLE_MARK.finditer(text, p_start, p_end):
            i, mark_end = match.span()
            mark = match.group()
            if skip_continuation_mark:
                skip_continuation_mark = False
                if i == p_start:
                    continue
            if open_at is None:
                if _is_opening(mark, text, i, mark_end):
                    open_at, content_at = i, mark_end
                continue
            if _is_closing(mark, text, i, mark_end):
                start, end = _trimmed(text, content_at, i)
                passages.append(MarkedPassage(start, end, open_at, mark_end - 1))
                open_at = None
            else:
                # A second opening mark before any close: the first was never closed.
                open_at, content_at = i, mark_end
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and _runs_on(text, *following):
                continue
            start, end = _trimmed(text, content_at, p_end)
            passages.append(MarkedPassage(start, end, open_at, None))
            open_at = None
    return [p for p in passages if p.end > p.start]


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in OPENS_AFTER) and after.isalnum()


def _single_closes(text: str, i: int) -> bool:
    # ’ followed by a letter is an apostrophe (aren’t); after "s" it may be a
    # possessive (Hamas’ custody), which only closes when punctuation follows.
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isalnum():
        return False
    before = text[i - 1] if i > 0 else " "
    return not (before in "sS" and after == " ")


def find_single_quoted(text: str, start: int, end: int) -> list[MarkedPassage]:
    """Passages between single marks within text[start:end], outside double quotes."""
    passages: list[MarkedPassage] = []
    open_at: int | None = None
    for p_start, p_end in _paragraphs(text[start:end]):
        p_start += start
        p_end += start
        open_at = None
        for match in _SINGLE_MARK.finditer(text, p_start, p_end):
            i, mark = match.start(), match.group()
            # A straight mark closing ends a word or its punctuation, never follows a space.
            closing = mark in CLOSING_SINGLE or (
                mark == STRAIGHT_SINGLE and i > 0 and not text[i - 1].isspace()
            )
            if open_at is not None and closing and _single_closes(text, i):
                s, e = _trimmed(text, open_at + 1, i)
                if e > s:
                    passages.append(MarkedPassage(s, e, open_at, i, single=True))
                open_at = None
            elif mark in OPENING_SINGLE or mark == STRAIGHT_SINGLE:
                if _single_opens(text, i):
                    open_at = i
    return passages


def find_quoted(text: str) -> list[MarkedPassage]:
    """Double-quoted passages plus single-quoted ones that lie outside them."""
    doubles = find_double_quoted(text)
    if not _DOUBLE_MARK.search(text):
        return [replace(p, single=False) for p in find_single_quoted(text, 0, len(text))]
    singles: list[MarkedPassage] = []
    cursor = 0
    for passage in doubles:
        singles.extend(find_single_quoted(text, cursor, passage.open))
        cursor = (passage.close + 1) if passage.close is not None else passage.end
    singles.extend(find_single_quoted(text, cursor, len(text)))
    return sorted(doubles + singles, key=lambda p: p.open)
