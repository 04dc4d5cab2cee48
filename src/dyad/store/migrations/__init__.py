"""Alembic migrations of the dyad store; ``Store`` applies them when it opens a database."""
