"""Answers of the heavy aggregates (actor pages, networks), kept until the store changes.

An actor in a quarter of all events, or a year of the whole network, takes the
database a second to count; the same page asked again is served from here. The
store's version is the newest event id and the newest search document id: any
article or event added since makes every kept answer stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy import Connection, func, select

from dyad.store import schema

T = TypeVar("T")


def store_version(conn: Connection) -> tuple:
    return (
        conn.execute(select(func.max(schema.events.c.id))).scalar_one(),
        conn.execute(select(func.max(schema.search_documents.c.id))).scalar_one(),
    )


class AnswerCache:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._answers: OrderedDict[Hashable, tuple[tuple, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: Connection, key: Hashable, compute: Callable[[], T]) -> T:
        version = store_version(conn)
        with self._lock:
            kept = self._answers.get(key)
            if kept and kept[0] == version:
                self._answers.move_to_end(key)
                return kept[1]  # type: ignore[return-value]
        answer = compute()
        with self._lock:
            self._answers[key] = (version, answer)
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer
