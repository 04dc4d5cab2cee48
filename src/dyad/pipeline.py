"""Article -> spaCy Doc -> dyad components -> Analysis."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from dyad.extensions import TEXT_KEY
from dyad.limits import Limits
from dyad.model import Analysis, Article, Event, Span
from dyad.nlp import DEFAULT_MODEL, cached_nlp
from dyad.version import __version__


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article metadata the components read."""
    doc = nlp.make_doc(article.text)
    doc.user_data[TEXT_KEY] = article.text  # the tokenizer keeps every character
    doc._.published = article.published
    doc._.author = article.author
    return doc


def analyze_articles(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 16,
    limits: Limits | None = None,
) -> Iterator[Analysis]:
    """Analyse articles in order, streaming: one Analysis per Article.

    Raises ``LimitExceeded`` for an article longer than ``limits.max_article_chars``
    (default: from the environment, see ``dyad.limits``); ingest skips those first.
    """
    limits = limits or Limits.from_env()
    nlp.max_length = max(nlp.max_length, limits.max_article_chars)
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            limits.check_article(article.text)
            pending.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield doc_to_analysis(doc, pending.pop(0))


def analyze(
    text: str,
    published: date | str | None = None,
    *,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    **meta: str | None,
) -> Analysis:
    """Analyse one article's text. ``meta``: id, title, url, source, author, language.

    ``published`` is a date, or a string ``dyad.model.parse_date`` reads ("2024-02-20").
    """
    article = Article.from_dict({**meta, "text": text, "published": published})
    return next(analyze_articles([article], nlp or cached_nlp(model)))


def doc_to_analysis(doc: Doc, article: Article) -> Analysis:
    events = [_with_sentence(doc, event) for event in doc._.events or []]
    return Analysis(
        article=article,
        actors=list((doc._.actors or {}).values()),
        mentions=list(doc._.mentions or []),
        quotes=list(doc._.quotes or []),
        times=list(doc._.times or []),
        events=events,
        dyad_version=__version__,
    )


def _with_sentence(doc: Doc, event: Event) -> Event:
    if event.sentence is None:
        span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
        if span is not None:
            sent = span[0].sent
            text = sent.text  # not doc.text, which joins the whole doc on every access
            # Sentences may carry the paragraph breaks around them; evidence should not.
            start = sent.start_char + len(text) - len(text.lstrip())
            end = sent.start_char + len(text.rstrip())
            event.sentence = Span(text[start - sent.start_char : end - sent.start_char], start, end)
    return event
