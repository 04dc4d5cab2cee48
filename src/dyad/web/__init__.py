"""The web surface: a REST API and HTML pages over a dyad store (``dyad serve``)."""

from dyad.web.app import create_app

__all__ = ["create_app"]
