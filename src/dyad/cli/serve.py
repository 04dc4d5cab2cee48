"""``dyad serve``: the web app and REST API over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from dyad.cli.app import app
from dyad.cli.common import DEFAULTS, DbOption, console, open_store, shown

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: DbOption = DEFAULTS["db"],
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse the store in a web browser: search, actors, dyads, network, articles; REST API."""
    import uvicorn

    from dyad.web import create_app

    with open_store(db):
        pass  # a store that is missing, out of date or damaged: one line, before serving
    # On this machine only, the app answers only to this machine's names.
    hosts = [*LOOPBACK, host] if host in LOOPBACK else None
    console.print(f"dyad serving {shown(db)} at http://{host}:{port}/  (API docs: /api/docs)")
    app = create_app(db, allowed_hosts=hosts, warm_up=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
