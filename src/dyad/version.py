"""dyad's version, in a module that imports nothing (as ``datasette/version.py``)."""

__version__ = "0.1.0"
