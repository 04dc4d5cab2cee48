"""Quotation-mark pairing (dyad.quotation_marks): pure string tests."""

from __future__ import annotations

from dyad.quotation_marks import find_double_quoted, find_quoted


def texts(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_quoted(text)]


def test_curly_straight_and_guillemets():
    text = 'He said “yes.” She said "no," and they left. «Non», dit-il.'
    assert texts(text) == ["yes.", "no,", "Non"]


def test_apostrophes_are_not_marks():
    text = "The hostages in Hamas’ custody aren’t free, and Putin’s war goes on."
    assert texts(text) == []


def test_single_marks_nested_in_a_quote_stay_inside_it():
    text = "“Putin dreams of a new migration ‘earthquake’ that can send refugees,” he said."
    assert texts(text) == ["Putin dreams of a new migration ‘earthquake’ that can send refugees,"]


def test_quote_runs_on_into_a_paragraph_that_opens_with_a_mark():
    text = "He told us:\n“First, this.\n“Second, that. . . .”\nThen he left."
    (passage,) = find_double_quoted(text)
    assert text[passage.start : passage.end] == "First, this.\n“Second, that. . . ."
    assert passage.close == text.index("”")


def test_unclosed_mark_stops_at_the_end_of_its_paragraph():
    text = "He said “this never closes.\nThe next paragraph is the writer's.\n“A new quote.”"
    found = texts(text)
    assert found == ["this never closes.", "A new quote."]


def test_three_deep_nesting_and_stray_closers_give_valid_offsets():
    text = "” stray “one ‘two “three” two’ one” and ’ more ” marks “"
    for passage in find_quoted(text):
        assert 0 <= passage.start <= passage.end <= len(text)
        assert text[passage.start : passage.end].strip() == text[passage.start : passage.end]


def test_only_quote_marks():
    for text in ["“" * 1000, "”" * 1000, '"' * 1001, "“”" * 500, "‘’'" * 300, "''" * 501]:
        for passage in find_quoted(text):
            assert 0 <= passage.start <= passage.end <= len(text)


def test_megabyte_paragraph():
    sentence = "“Quoted words here,” she said, and ‘scare’ words, Hamas’ custody. ''Yes,'' "
    text = sentence * 14000  # ~1 MB, one paragraph
    found = find_quoted(text)
    assert len(found) == 3 * 14000
    assert all(text[p.start : p.end] in ("Quoted words here,", "scare", "Yes,") for p in found)


def test_typewriter_double_marks_are_quotation_marks():
    # The New York Times texts in PolNeAR open and close quotes with two apostrophes.
    text = "''It is over,'' he said. Then ``this one'' and Jones' ''last'' word."
    assert texts(text) == ["It is over,", "this one", "last"]
    first = find_double_quoted(text)[0]
    assert text[first.open : first.close + 1] == "''It is over,''"


def test_a_straight_mark_after_a_no_break_space_opens():
    text = '"They sue," he said.\xa0"Everybody sues, right?"'
    assert texts(text) == ["They sue,", "Everybody sues, right?"]


def test_straight_single_marks_are_read_by_their_neighbours():
    text = "'We will not give up,' the minister said. 'It's the people's choice.' Hamas' men"
    assert texts(text) == ["We will not give up,", "It's the people's choice."]


def test_straight_apostrophes_are_not_marks():
    text = "Hamas' fighters aren't free, Putin's war goes on, as in the '90s and '00s."
    assert texts(text) == []


def test_single_marks_are_the_quotation_marks_of_a_text_without_double_ones():
    british = "‘We will not give up,’ she said. Then: ‘Never.’"
    assert [p.single for p in find_quoted(british)] == [False, False]
    american = "“We will not give up on the ‘peace’ plan,” she said, then ‘never’."
    assert [p.single for p in find_quoted(american)] == [False, True]


def test_quote_runs_on_into_a_paragraph_whose_first_mark_closes_it():
    text = 'The mayor spoke.\n"I served ten years.\nAnd I will not stop now," he said. "Yes."'
    assert texts(text) == ["I served ten years.\nAnd I will not stop now,", "Yes."]
