"""The web app under hostile input: markup in stored text, SQL in parameters, paths
that climb out of the static folders, writes without the token, oversized requests
and runaway queries. Each test shows the attack has no effect."""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn
from fastapi.testclient import TestClient
from helpers import dump

from dyad.limits import READ_METHODS, Limits
from dyad.model import Actor, Analysis, Article, Event, Mention, Quote, Span, Speaker, TimeValue
from dyad.store import Store
from dyad.web import create_app

MARK = "dyadxss"  # every payload calls it; it must never reach a tag, attribute or script
PAYLOADS = [
    f"<script>{MARK}(1)</script>",
    f'"><img src=x onerror={MARK}(2)>',
    f"'><svg onload={MARK}(3)>",
    f"</title></textarea><script>{MARK}(4)</script>",
    f"{{{{ {MARK}.__class__ }}}}{{% if {MARK} %}}",  # template syntax is text too
    f'<a href="javascript:{MARK}(6)">link</a>',
    f"\u2028</script><script>{MARK}(7)</script>",
    f"<iframe srcdoc='<script>{MARK}(8)</script>'>",
]
# Upper case (actor ids are) and no '/' (ids are path segments).
HOSTILE_ID = f'EVIL"><SVG ONLOAD={MARK.upper()}(9)>'
RUS = Actor("RUS", "Russia", "state", country="RUS", sector="GOV")
EVIL = Actor(HOSTILE_ID, f"Evil <b onmouseover={MARK}(10)>Corp</b>", "organization")
TOKEN = "s3cret-write-token"


def hostile_analysis(number: int = 0) -> Analysis:
    parts = [f"Evil Corp met Russia in Moscow on Monday {p} ." for p in PAYLOADS]
    text = " ".join(parts) + f" Evil Corp said “{PAYLOADS[0]} we agree” ." + " x" * number
    first = text.index("Evil Corp")
    quoted = text.index("“") + 1
    return Analysis(
        article=Article(
            text=text,
            published=date(2024, 2, 20),
            title=PAYLOADS[1],
            url=f"javascript:{MARK}(11)",
            source=PAYLOADS[2],
            author=PAYLOADS[3],
        ),
        actors=[RUS, EVIL],
        mentions=[
            Mention("Evil Corp", first, first + 9, HOSTILE_ID),
            Mention("Russia", text.index("Russia"), text.index("Russia") + 6, "RUS"),
        ],
        quotes=[
            Quote(
                id="q1",
                kind="direct",
                text=text[quoted : text.index("”")],
                spans=[(quoted, text.index("”"))],
                speaker=Speaker(HOSTILE_ID, "Evil Corp", first, first + 9),
            )
        ],
        events=[
            Event(
                id="e1",
                type="CONSULT",
                status="actual",
                source=HOSTILE_ID,
                target="RUS",
                evidence=Span(text[: len(parts[0])], 0, len(parts[0])),
                time=TimeValue("Monday", f"2024-02-{number % 28 + 1:02d}"),
                context=[PAYLOADS[4]],
            )
        ],
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("security") / "hostile.db")
    with Store(path) as store:
        assert store.add(hostile_analysis())
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, limits=Limits(write_token=TOKEN))) as client:
        yield client


@pytest.fixture(scope="module")
def article_id(client) -> str:
    [hit] = client.get("/api/search", params={"q": "Moscow", "kind": "articles"}).json()
    return hit["article_id"]


class _Markup(HTMLParser):
    """What a browser would run from a page: tags, attributes, inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        if MARK in tag:
            self.problems.append(f"payload tag <{tag}>")
        for name, value in attrs:
            if MARK in name or name.startswith("on"):
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
            lowered = (value or "").strip().lower()
            if name in ("href", "src", "action", "formaction") and lowered.startswith(
                ("javascript:", "data:text/html")
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "srcdoc":
                self.problems.append(f"srcdoc on <{tag}>")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if not src.startswith(("/static/", "/vendor/")):
                self.problems.append(f"script from {src or 'inline'}")
            self._script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        if self._script and data.strip():
            self.problems.append(f"inline script {data.strip()[:60]!r}")
        self.text.append(data)


def pages(client, article_id) -> list[str]:
    [event] = client.get(f"/api/actors/{quote(HOSTILE_ID, safe='')}/events").json()
    hostile = quote(HOSTILE_ID, safe="")
    return [
        "/",
        f"/?q={quote(PAYLOADS[0])}",
        "/?q=Moscow",
        f"/actors/{hostile}",
        f"/dyads/{hostile}/RUS",
        f"/dyads/RUS/{quote(PAYLOADS[1], safe='')}",
        f"/articles/{article_id}",
        f"/articles/{article_id}?event={quote(PAYLOADS[2])}",
        f"/events/{event['id']}",
        f"/network?actor={hostile}",
        f"/{quote(PAYLOADS[5], safe='')}",
    ]


def test_markup_in_stored_text_and_in_urls_never_becomes_markup(client, article_id):
    shown = ""
    for path in pages(client, article_id):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        parser = _Markup()
        parser.feed(response.text)
        assert parser.problems == [], path
        shown += "".join(parser.text)
    # The payloads were shown, as text: the test looked at pages that carry them.
    for payload in (PAYLOADS[0], PAYLOADS[1], HOSTILE_ID):
        assert payload in shown


def test_api_answers_are_json_that_browsers_do_not_sniff(client, article_id):
    response = client.get(f"/api/articles/{article_id}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert PAYLOADS[0] in response.json()["text"]


INJECTIONS = [
    "zzq' OR '1'='1",
    'zzq" OR 1=1 --',
    "zzq'; DROP TABLE articles; --",
    "zzq') UNION SELECT id, text, text, text FROM articles --",
    "zzq%' OR actor_id LIKE '%",
    'zzq" OR "" = "',
    "zzq\\'; DELETE FROM events WHERE '1'='1",
    'zzq NEAR("a" "b") OR title:* OR body:"',  # FTS5 query syntax
    "zzq*) OR rowid > 0 --",
    "RUS' OR '1'='1",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_in_parameters_is_only_ever_a_value(client, db, payload):
    before = dump(db)
    honest = "zzqnothing"

    def both(path: str, **params) -> tuple:
        injected = client.get(path.format(quote(payload, safe="")), params=params)
        plain = client.get(path.format(honest), params=params)
        assert injected.status_code < 500, (path, injected.text)
        return injected, plain

    # Filters and lookups: the payload matches exactly what any unknown value matches.
    for path, params in [
        ("/api/actors/{}/events", {}),
        ("/api/dyads/{}/RUS/timeline", {}),
        ("/api/dyads/RUS/{}/counts", {}),
    ]:
        injected, plain = both(path, **params)
        assert injected.status_code == plain.status_code
        if injected.status_code == 200:
            assert injected.json() == plain.json()
    for name in ("source", "status"):
        for path in ("/api/counts", "/api/network"):
            injected = client.get(path, params={name: payload})
            plain = client.get(path, params={name: honest})
            assert injected.status_code == plain.status_code == 200
            assert injected.json() == plain.json()
    for path in ("/api/actors", "/api/search"):
        response = client.get(path, params={"q": payload})
        assert response.status_code in (200, 422), response.text
        if path == "/api/search" and response.status_code == 200:
            # A search finds words of the query, not every row.
            for hit in response.json():
                article = client.get(f"/api/articles/{hit['article_id']}").json()
                words = {w.strip("'\"%();*-\\").lower() for w in payload.split()}
                assert words & set(article["text"].lower().split()), (payload, hit)
    for path in ("/api/counts", "/api/network"):
        assert client.get(path, params={"since": payload}).status_code == 422
    assert client.get(f"/api/events/{quote(payload, safe='')}").status_code == 422
    assert client.get(f"/api/articles/{quote(payload, safe='')}").status_code == 404
    assert client.get("/", params={"q": payload}).status_code == 200
    assert dump(db) == before


@pytest.fixture(scope="module")
def server(db):
    """The app on a real socket: raw requests reach it exactly as written."""
    config = uvicorn.Config(
        create_app(db, allowed_hosts=["127.0.0.1"]), host="127.0.0.1", port=0, log_level="error"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    port = instance.servers[0].sockets[0].getsockname()[1]
    yield port
    instance.should_exit = True
    thread.join(10)


def raw_get(port: int, target: str) -> tuple[int, bytes]:
    """A GET with the request target sent byte for byte (clients would normalise '..')."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        connection.sendall(request.encode("latin-1"))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.partition(b"\r\n\r\n")[2]


TRAVERSALS = [
    "/static/../app.py",
    "/static/../../../../../../etc/passwd",
    "/static/..%2fapp.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e%2fapp.py",
    "/static/%252e%252e/app.py",
    "/static/....//app.py",
    "/static/..\\app.py",
    "/static/..%5capp.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/dyad.css%00/../../app.py",
    "/vendor/swagger-ui/../../../../../../etc/passwd",
    "/vendor/swagger-ui/..%2f..%2f..%2fdyad%2fweb%2fapp.py",
    "/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/..%2f..%2fetc%2fpasswd",
    "/api/export/..%2f..%2f..%2f..%2ftmp%2fdyadpwned.jsonl",
    "/api/export/%2e%2e%2f%2e%2e%2fdyadpwned.jsonl",
    "/../../../../etc/passwd",
    "//etc/passwd",
]
SECRETS = [b"root:x:0:0", b"def create_app", b"CONTENT_SECURITY_POLICY"]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_paths_cannot_climb_out_of_the_served_folders(server, target):
    status, body = raw_get(server, target)
    assert status < 500
    for secret in SECRETS:
        assert secret not in body, (target, status)
    assert not Path("/tmp/dyadpwned.jsonl").exists()


def test_served_static_files_are_still_served(server):
    status, body = raw_get(server, "/static/dyad.css")
    assert status == 200 and body


WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]


def write_targets(client) -> list[tuple[str, str]]:
    """Every write method on every route's path, and on a few paths no route has."""
    targets = [("POST", "/api/articles"), ("DELETE", "/api/articles/x"), ("PUT", "/")]
    for route in client.app.routes:
        path = getattr(route, "path", "/").replace("{", "").replace("}", "")
        methods = set(getattr(route, "methods", None) or WRITE_METHODS) - READ_METHODS
        targets += [(method, path) for method in sorted(methods | set(WRITE_METHODS))]
    return targets


def test_anything_that_writes_requires_the_token(client, db):
    before = dump(db)
    for method, path in write_targets(client):
        anonymous = client.request(method, path, json={"text": "Injected article."})
        assert anonymous.status_code == 401, (method, path)
        assert "DYAD_WRITE_TOKEN" in anonymous.json()["detail"]
        wrong = client.request(method, path, headers={"Authorization": "Bearer guess"})
        assert wrong.status_code == 403, (method, path)
        # With the token the request gets past the guard to the app (which has no writes).
        allowed = client.request(method, path, headers={"Authorization": f"Bearer {TOKEN}"})
        assert allowed.status_code not in (401, 403), (method, path)
    assert dump(db) == before


def test_without_a_token_set_no_write_is_possible(db):
    with TestClient(create_app(db, limits=Limits())) as client:
        response = client.post("/api/search", headers={"Authorization": "Bearer "})
        assert response.status_code == 403
        assert "not set on this server" in response.json()["detail"]
        assert client.get("/api/search", params={"q": "Moscow"}).status_code == 200


def test_a_long_url_is_refused_with_the_limit_named(client):
    response = client.get("/api/search", params={"q": "Moscow " * 2000})
    assert response.status_code == 414
    assert "DYAD_MAX_URL_BYTES" in response.json()["detail"]
    assert response.headers["content-security-policy"]


def test_a_large_body_is_refused_declared_or_streamed(db):
    limits = Limits(write_token=TOKEN, max_request_bytes=1000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(db, limits=limits)) as client:
        declared = client.post("/api/articles", content=b"x" * 1001, headers=auth)
        assert declared.status_code == 413
        assert "limit 1,000" in declared.json()["detail"]
        streamed = client.post("/api/articles", content=iter([b"x" * 600] * 3), headers=auth)
        assert streamed.status_code == 413
        small = client.post("/api/articles", content=b"x" * 1000, headers=auth)
        assert small.status_code not in (413, 401, 403)


def test_a_query_past_the_time_limit_is_stopped_with_a_clear_error(tmp_path):
    path = str(tmp_path / "many.db")
    with Store(path) as store:
        for number in range(60):
            store.add(hostile_analysis(number))
    hostile = quote(HOSTILE_ID, safe="")
    with TestClient(create_app(path, limits=Limits(max_query_seconds=1e-9))) as client:
        response = client.get(f"/api/dyads/{hostile}/RUS/timeline")
        assert response.status_code == 503
        assert "DYAD_MAX_QUERY_SECONDS" in response.json()["detail"]
        assert client.get(f"/dyads/{hostile}/RUS").status_code == 503
    with TestClient(create_app(path, limits=Limits(max_query_seconds=10))) as client:
        timeline = client.get(f"/api/dyads/{hostile}/RUS/timeline").json()
        assert len(timeline["events"]) == 28
