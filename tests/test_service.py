"""``dyad.service`` called as a library: the seed corpus into a store, no subprocess."""

from __future__ import annotations

from dyad import service
from dyad.batch import BatchOptions
from dyad.ingest.dedup import Duplicate
from dyad.model import Article
from dyad.store import Store

ONE_PROCESS = BatchOptions(workers=1)


class Recorder(service.Progress):
    def __init__(self) -> None:
        self.reads = 0
        self.done_count = 0
        self.copies: list[tuple[Article, Duplicate]] = []

    def read(self, report: service.IngestReport) -> None:
        self.reads += 1

    def duplicate(self, article: Article, duplicate: Duplicate) -> None:
        self.copies.append((article, duplicate))

    def done(self, count: int) -> None:
        self.done_count += count


def test_ingest_the_seed_corpus_into_a_sqlite_store(shared, tmp_path, seed_analysis):
    seed = str(shared / "corpus" / "seed")
    progress = Recorder()
    with Store(str(tmp_path / "seed.db")) as store:
        report = service.ingest([seed], store, batch=ONE_PROCESS, progress=progress)
        assert (report.read, report.queued, report.stored, report.already_stored) == (1, 1, 1, 0)
        assert not report.duplicates and not report.skipped
        assert (progress.reads, progress.done_count) == (1, 1)
        assert store.count("articles") == 1
        assert store.has_article(seed_analysis.article.hash)

        again = service.ingest([seed], store, batch=ONE_PROCESS)
        assert (again.read, again.stored, again.already_stored) == (1, 0, 1)


def test_a_copy_read_in_the_same_run_is_linked_not_analysed(shared, tmp_path):
    seed = str(shared / "corpus" / "seed")
    progress = Recorder()
    with Store(str(tmp_path / "copies.db")) as store:
        report = service.ingest([seed, seed], store, batch=ONE_PROCESS, progress=progress)
    assert (report.read, report.stored) == (2, 1)
    assert report.duplicates == {"exact": 1}
    assert [d.kind for _, d in progress.copies] == ["exact"]


def test_ingest_to_a_dataset_then_load(shared, tmp_path):
    seed = str(shared / "corpus" / "seed")
    dataset = tmp_path / "analyses"
    with Store(str(tmp_path / "staging.db")) as store:
        written = service.ingest([seed], store, batch=ONE_PROCESS, out=dataset)
    assert written.stored == 1 and list(dataset.glob("part-*.parquet"))
    with Store(str(tmp_path / "final.db")) as store:
        first = service.load(dataset, store)
        second = service.load(dataset, store)
    assert (first.stored, first.already_stored) == (1, 0)
    assert (second.stored, second.already_stored) == (0, 1)


def test_extract_skips_what_is_not_an_article(tmp_path, nlp):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")

    class Skips(service.Progress):
        def __init__(self) -> None:
            self.reasons: list[str] = []

        def skipped(self, item) -> None:
            self.reasons.append(item.reason)

    progress = Skips()
    assert list(service.extract([str(tmp_path)], nlp, progress=progress)) == []
    assert progress.reasons
