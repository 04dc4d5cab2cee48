"""CPU time of dyad's stages for two versions of the code, taking turns on one machine.

    .venv/bin/python bench/stage_cpu.py OLD_SRC NEW_SRC [--limit N] [--rounds R]

OLD_SRC and NEW_SRC are ``src`` folders (e.g. ``git archive REV src | tar -x -C /tmp/old``).
Each version runs in a process of its own that parses the first ``--limit`` PolNeAR train
articles once; then, ``--rounds`` times and the versions in turn, each runs every dyad
component on fresh copies of the parsed docs, plain spaCy parsing, and the full
extraction. Process CPU time, best of the rounds: on a machine shared with other work,
wall-clock ratios of one run swing by more than a stage's cost, while two versions
measured in turn within seconds see the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

TEXTS = Path(os.environ.get("DYAD_SHARED", "../shared")) / "data/polnear/train/text"


def serve(limit: int) -> None:
    """One version's side: answer 'stages', 'plain' or 'full' with CPU seconds."""
    from dyad.model import Article
    from dyad.nlp import DYAD_COMPONENTS, load_nlp
    from dyad.pipeline import analyze_articles, make_doc

    paths = sorted(TEXTS.glob("*.txt"))[:limit]
    articles = [
        Article(text=p.read_text(encoding="utf-8"), published=date(2016, 10, 1)) for p in paths
    ]
    nlp = load_nlp()
    base = [name for name in nlp.pipe_names if name not in DYAD_COMPONENTS]
    with nlp.select_pipes(enable=base):
        parsed = list(nlp.pipe(make_doc(nlp, a) for a in articles))
    print("ready", flush=True)
    for command in sys.stdin:
        seconds: dict[str, float] = {}
        started = time.process_time()
        if command.strip() == "stages":
            docs = [doc.copy() for doc in parsed]  # no caches from an earlier round
            for name in DYAD_COMPONENTS:
                started = time.process_time()
                for doc in docs:
                    nlp.get_pipe(name)(doc)
                seconds[name] = time.process_time() - started
        elif command.strip() == "plain":
            with nlp.select_pipes(enable=base):
                for _ in nlp.pipe((a.text for a in articles), batch_size=16):
                    pass
            seconds["plain"] = time.process_time() - started
        else:
            for _ in analyze_articles(articles, nlp, batch_size=16):
                pass
            seconds["full"] = time.process_time() - started
        print(json.dumps(seconds), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    versions = {}
    for name, src in (("old", args.old), ("new", args.new)):
        env = dict(os.environ, PYTHONPATH=str(src.resolve()))
        command = [sys.executable, __file__, str(src), str(src), "--serve", str(args.limit)]
        versions[name] = subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
    for process in versions.values():
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    best: dict[str, dict[str, float]] = {name: {} for name in versions}
    for _ in range(args.rounds):
        for command in ("stages", "plain", "full"):
            for name, process in versions.items():
                assert process.stdin is not None and process.stdout is not None
                process.stdin.write(command + "\n")
                process.stdin.flush()
                for key, value in json.loads(process.stdout.readline()).items():
                    best[name][key] = min(best[name].get(key, float("inf")), value)
    for name, seconds in best.items():
        stages = {k: v for k, v in seconds.items() if k not in ("plain", "full")}
        shares = {
            k: f"+{v / seconds['plain']:.1%} ({1000 * v / args.limit:.2f} ms)"
            for k, v in stages.items()
        }
        print(name, json.dumps(shares))
        total = sum(stages.values())
        print(
            f"{name}: stages +{total / seconds['plain']:.1%} of parsing"
            f" ({1000 * total / args.limit:.1f} ms/article);"
            f" plain/full {seconds['plain'] / seconds['full']:.3f}"
        )
        versions[name].stdin.close()  # type: ignore[union-attr]
        versions[name].wait()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
