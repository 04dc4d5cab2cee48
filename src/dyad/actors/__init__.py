"""The actors stage (spaCy component `dyad_actors`)."""

from dyad.actors.component import ActorResolver

__all__ = ["ActorResolver"]
