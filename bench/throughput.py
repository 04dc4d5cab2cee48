"""Throughput of dyad against plain spaCy parsing, in one run on the same texts.

    .venv/bin/python bench/throughput.py [--texts DIR] [--limit N] [--repeat R] [--parallel[-only]]
    .venv/bin/python bench/throughput.py --limit 840 --pairs 2   # pool against Dask, paired

Measures, on PolNeAR train articles by default:
- plain spaCy ``nlp.pipe`` over the texts (the model alone), tokens/s;
- full dyad extraction (``analyze_articles``: parse + every dyad component +
  conversion to ``Analysis``), tokens/s, and the ratio of the two;
- each dyad component alone on the parsed docs, as a share of parsing time (timed in
  the same rounds as parsing, so a change in load hits all of them alike);
- with ``--parallel``: ``dyad.batch`` on 1 process, 2 processes and a 2-worker
  Dask LocalCluster (wall clock, start-up included), and with ``--scheduler
  tcp://HOST:PORT`` on that running cluster too (``dask scheduler`` plus
  ``dask worker`` processes; its workers load the model when dyad connects,
  which is counted). The setups take turns ``--repeat`` times, so a change in
  machine load hits all of them alike.
The best of ``--repeat`` runs is kept for each measure, so a busy machine
disturbs the figures less.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dyad.batch import BatchOptions, analyze_many
from dyad.model import Article
from dyad.nlp import DEFAULT_MODEL, DYAD_COMPONENTS, load_nlp
from dyad.pipeline import analyze_articles, make_doc

BATCH_SIZE = 16  # as analyze_articles uses, so both sides batch alike
DEFAULT_TEXTS = Path(os.environ.get("DYAD_SHARED", "../shared")) / "data/polnear/train/text"


def read_articles(folder: Path, limit: int) -> list[Article]:
    """The first ``limit`` .txt files of ``folder`` (by name) as articles."""
    paths = sorted(folder.glob("*.txt"))[:limit]
    if not paths:
        raise SystemExit(f"no .txt files in {folder}")
    return [Article(text=p.read_text(encoding="utf-8"), published=date(2016, 10, 1)) for p in paths]


def best_of(repeat: int, run) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--parallel",
        action="store_true",
        help="also time 1 vs 2 local processes and a 2-worker Dask LocalCluster",
    )
    parser.add_argument("--scheduler", help="with --parallel, also time this Dask cluster")
    parser.add_argument(
        "--parallel-only", action="store_true", help="time only the --parallel setups"
    )
    parser.add_argument(
        "--pairs",
        type=int,
        metavar="N",
        help="time only the 2-process pool and the 2-worker Dask LocalCluster, back to "
        "back N times, each run with its load average (no single process)",
    )
    args = parser.parse_args()

    articles = read_articles(args.texts, args.limit)
    texts = [a.text for a in articles]
    if args.pairs:
        tokens = sum(len(text.split()) for text in texts)
        for run in paired(articles, tokens, args.model, args.pairs):
            print(json.dumps(run), flush=True)
        return
    if args.parallel_only:
        tokens = sum(len(text.split()) for text in texts)  # no model in this process
        rates = parallel(articles, tokens, args.model, args.repeat, args.scheduler)
        print(json.dumps({"texts": len(texts), "whitespace_tokens": tokens, **rates}))
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
        return

    nlp = load_nlp(args.model)
    base_names = [name for name in nlp.pipe_names if name not in DYAD_COMPONENTS]
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))

    def plain() -> None:
        with nlp.select_pipes(enable=base_names):
            for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
                pass

    def full() -> None:
        for _ in analyze_articles(articles, nlp, batch_size=BATCH_SIZE):
            pass

    with nlp.select_pipes(enable=base_names):
        parsed = list(nlp.pipe(make_doc(nlp, a) for a in articles))

    def component_run(component):
        def run() -> None:
            for doc in parsed:
                component(doc)

        return run

    # Later components read what earlier ones wrote, so each runs in pipeline order.
    component_runs = {name: component_run(nlp.get_pipe(name)) for name in DYAD_COMPONENTS}
    # Interleaved, so that a change in machine load hits parsing, extraction and each
    # component alike (on a shared machine, timing them one after the other does not).
    plain_seconds = full_seconds = float("inf")
    component_seconds = dict.fromkeys(DYAD_COMPONENTS, float("inf"))
    for _ in range(args.repeat):
        plain_seconds = min(plain_seconds, best_of(1, plain))
        full_seconds = min(full_seconds, best_of(1, full))
        for name, run in component_runs.items():
            component_seconds[name] = min(component_seconds[name], best_of(1, run))

    result = {
        "texts": len(texts),
        "tokens": tokens,
        "model": args.model,
        "plain_spacy_tokens_per_s": round(tokens / plain_seconds),
        "dyad_tokens_per_s": round(tokens / full_seconds),
        "ratio": round(plain_seconds / full_seconds, 3),
        "component_cost_vs_parsing": {
            name: round(seconds / plain_seconds, 3) for name, seconds in component_seconds.items()
        },
        "ms_per_article": {
            name: round(1000 * seconds / len(texts), 2)
            for name, seconds in component_seconds.items()
        },
    }
    if args.parallel:
        result["parallel_tokens_per_s"] = parallel(
            articles, tokens, args.model, args.repeat, args.scheduler
        )
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{len(texts)} texts, {tokens} tokens, model {args.model}")
    print(f"plain spaCy  {result['plain_spacy_tokens_per_s']:>8} tokens/s")
    print(f"dyad         {result['dyad_tokens_per_s']:>8} tokens/s   ratio {result['ratio']}")
    for name, share in result["component_cost_vs_parsing"].items():
        ms = result["ms_per_article"][name]
        print(f"  {name:<13} +{share:.1%} of parsing time  ({ms} ms/article)")
    for setup, rate in result.get("parallel_tokens_per_s", {}).items():
        print(f"{setup:<22} {rate:>8} tokens/s (wall clock, start-up included)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def parallel(
    articles: list[Article], tokens: int, model: str, repeat: int, scheduler: str | None
) -> dict[str, int]:
    """Whole-batch throughput of dyad.batch on one process, two, and Dask clusters."""
    setups = {
        "1 process": BatchOptions(model=model, workers=1),
        "2 processes": BatchOptions(model=model, workers=2),
        "Dask LocalCluster x2": BatchOptions(model=model, dask="local:2"),
    }
    if scheduler:
        setups[f"Dask cluster {scheduler}"] = BatchOptions(model=model, dask=scheduler)
    seconds = dict.fromkeys(setups, float("inf"))
    for _ in range(repeat):
        for name, options in setups.items():
            run = best_of(1, lambda options=options: list(analyze_many(articles, options)))
            seconds[name] = min(seconds[name], run)
    return {name: round(tokens / run) for name, run in seconds.items()}


def paired(articles: list[Article], tokens: int, model: str, pairs: int) -> Iterator[dict]:
    """The pool and the Dask LocalCluster (start-up included), one right after the
    other, ``pairs`` times: each pair's ratio sees nearly the same machine load."""
    setups = {
        "2 processes": BatchOptions(model=model, workers=2),
        "Dask LocalCluster x2": BatchOptions(model=model, dask="local:2"),
    }
    for number in range(1, pairs + 1):
        rates = {}
        for name, options in setups.items():
            load = os.getloadavg()[0]
            seconds = best_of(1, lambda options=options: list(analyze_many(articles, options)))
            rates[name] = round(tokens / seconds)
            yield {
                "pair": number,
                "setup": name,
                "seconds": round(seconds, 1),
                "tokens_per_s": rates[name],
                "load_average": [round(load, 1), round(os.getloadavg()[0], 1)],
            }
        yield {
            "pair": number,
            "dask_over_pool": round(rates["Dask LocalCluster x2"] / rates["2 processes"], 3),
        }


if __name__ == "__main__":
    main()
