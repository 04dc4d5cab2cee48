"""Build dyad's CAMEO verb lexicon from PETRARCH-2's verb dictionary and CAMEO2PLOVER.

    python scripts/build_event_lexicon.py [--dictionary CAMEO.2.0.txt] [--plover CAMEO2PLOVER.txt]
                                          [--out cameo_verbs.yaml]

Reads (default under ``../shared/data``):
  dictionaries/petrarch2/CAMEO.2.0.txt   PETRARCH-2's CAMEO verb patterns (MIT,
                                          openeventdata/petrarch2 commit 676801cd)
  plover/CAMEO2PLOVER-2021.txt           CAMEO code -> PLOVER type, mode, context
                                          (openeventdata/PLOVER, CC BY-SA 4.0)
and writes ``src/dyad/data/events/cameo_verbs.yaml`` in the frame format of the
curated ``verbs.yaml``, which is loaded over it. Running the script twice gives
byte-identical files.

How a verb block becomes frames (see PETRreader.read_verb_dictionary() for the format):
  - a pattern line belongs to the verb its comment names ("- * MEETING [040]  # END"
    is "end the meeting", not "terminate" or "quit" it), when that verb is in the
    block; a pattern without one belongs to the block's own verb (the header's), else
    to every verb of the block;
  - a default frame with no condition but an actor object (the verb alone codes the
    event) goes to a form line with its own code, to the block's own verb, and to the
    block's other verbs only when the block's code is a specific one: a code ending in
    0 ("060 engage in material cooperation, not specified below") is the catch-all of
    its family, and its loose synonym lists ("lead", "rule", "control") are no event;
  - ``- * NOUN [code]``: an ``object`` condition (a {PHRASE} by its last word, a
    &SET by its words); ``- * (PREP +)``: a ``prep`` condition with the target
    there; ``- * (PREP NOUN)``: ``prep`` and ``object`` conditions; a particle
    right after the verb (``- * OFF``) a ``particle`` condition;
  - a frame without a noun condition needs an actor where it looks for the target
    (``object_actor``): PETRARCH codes a verb only between two actors, and a bare
    "need", "insist" or "want" is no event;
  - patterns with words before the verb (conditions on the subject) are skipped
    unless those words are the source slot ``$``;
  - ``CARRY_OUT`` is ``carry`` with particle ``out``, ``ASK_FOR`` ``ask`` with prep
    ``for``; other multiword verbs are skipped;
  - CAMEO codes PLOVER has no type for (01x statements, 02x appeals, ``---``) give
    no frame; ``[042:043]`` is coded by its source side.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyad" / "data" / "events" / "cameo_verbs.yaml"
SHARED_DATA = ROOT.parent / "shared" / "data"
DEFAULT_DICTIONARY = SHARED_DATA / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_PLOVER = SHARED_DATA / "plover" / "CAMEO2PLOVER-2021.txt"

PARTICLES = ("up", "down", "out", "off", "back", "away", "aside", "forward", "over")
PREPOSITIONS = (
    "against",
    "with",
    "to",
    "on",
    "at",
    "from",
    "for",
    "into",
    "in",
    "of",
    "toward",
    "towards",
    "upon",
    "by",
    "between",
    "as",
    "over",
    "before",
    "behind",
    "under",
    "after",
    "about",
)
# The prepositions that name the other party of an event ("protest *against* X").
ACTOR_PREPS = ("against", "with", "to", "on", "at", "from")
# Synonym sets of people: a prepositional phrase with one of them names an actor.
ACTOR_SETS = frozenset(
    {"LEADER", "PEOPLE", "MILITARY", "OPPOSITION", "NEGOTIATOR", "SUSPECT", "REFUGEE"}
    | {"HOSTAGE", "PKO"}
)
ACTOR_SLOTS = frozenset({"+", "$", "%"})
NO_TYPE = ("NONE", "None", "")
IRREGULAR_PLURALS = {"people": "people", "police": "police", "media": "media", "news": "news"}


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass
class Frame:
    plover: Plover
    target: tuple[str, ...]
    prep: tuple[str, ...] = ()
    particle: tuple[str, ...] = ()
    object: set[str] = field(default_factory=set)
    object_actor: bool | None = None
    absorb: bool = False
    order: int = 0  # where the dictionary first gave it, to keep ties in its order

    def key(self) -> tuple:
        """Frames that differ only in their object words are one frame."""
        return (
            self.plover,
            self.target,
            self.prep,
            self.particle,
            self.object_actor,
            self.absorb,
            bool(self.object),
        )

    def specificity(self) -> int:
        return sum(map(bool, (self.prep, self.particle, self.object, self.object_actor)))


def read_plover(path: Path) -> dict[str, Plover]:
    """CAMEO code -> PLOVER; the two-digit lines are section headings, not codes."""
    table: dict[str, Plover] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{3,4}):\s*(.*)$", line)
        if not match:
            continue
        fields = [part.strip() for part in match.group(2).split(",")] + ["", ""]
        type_, mode, context = fields[:3]
        if type_ in NO_TYPE:
            continue
        table.setdefault(
            match.group(1),
            Plover(
                type_,
                mode or None,
                tuple(c.strip() for c in context.split(";") if c.strip()),
            ),
        )
    return table


def plover_of(code: str | None, table: dict[str, Plover]) -> Plover | None:
    """The PLOVER reading of a CAMEO code as written in the dictionary ("[042:043]")."""
    if not code:
        return None
    source_side = re.sub(r"\D", "", code.split(":", 1)[0])
    if not source_side:
        return None
    # A four-digit code PLOVER does not list falls back to its three-digit parent.
    return table.get(source_side) or table.get(source_side[:3])


def singular(word: str) -> str:
    """The lemma spaCy gives a plural noun, for the words the dictionary uses."""
    word = word.lower().strip("_")
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")) and len(word) > 3:
        return word[:-1]
    return word


def head_words(token: str, sets: dict[str, list[str]]) -> list[str]:
    """The noun lemmas a pattern word stands for: a {PHRASE} by its last word."""
    if token.startswith("{"):
        words = token.strip("{}").split()
        if not words:
            return []
        token = words[-1]
    if token.startswith("&"):
        return [singular(w.strip("_").split("_")[-1]) for w in sets.get(token[1:], [])]
    return (
        [singular(token.strip("_").split("_")[-1])]
        if re.fullmatch(r"[A-Z][A-Z'-]*_?", token)
        else []
    )


def is_actor(token: str) -> bool:
    return token in ACTOR_SLOTS or token.lstrip("&") in ACTOR_SETS and token.startswith("&")


TOKENS = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass
class Block:
    code: str | None
    name: str = ""  # the block's own verb, as its header names it
    verbs: list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=list
    )  # (lemma, own code, particle, prep)
    forms: dict[str, str] = field(default_factory=dict)  # inflected form -> lemma
    # (tokens after *, code, the verb the comment names)
    patterns: list[tuple[list[str], str, str]] = field(default_factory=list)

    def owner(self, commented: str) -> str | None:
        """The lemma of the block's verb a pattern's comment names ("CALLED_OFF": call)."""
        word = commented.lower().strip("_").split("_")[0]
        return self.forms.get(word)


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    sets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = "preamble"
    current_set: list[str] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("#######"):
            section = (
                "sets"
                if "SYNONYM" in raw
                else "verbs"
                if "VERB PATTERNS" in raw
                else "end"
                if "TRANSFORMATIONS" in raw
                else section
            )
            continue
        line = raw.split("#", 1)[0].strip()
        if not line or section in ("preamble", "end"):
            continue
        if section == "sets":
            if line.startswith("&"):
                current_set = sets.setdefault(line[1:].split()[0], [])
            elif line.startswith("+") and current_set is not None:
                current_set.append(line[1:].split()[0])
            continue
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", line)
        if header:
            blocks.append(Block(code=header.group(2), name=header.group(1).lower()))
            continue
        if not blocks:
            continue
        code_match = re.search(r"\[([^\]]*)\]", line)
        code = code_match.group(1) if code_match else None
        if line.startswith("-"):
            tokens = TOKENS.findall(line[1 : code_match.start() if code_match else None])
            if "*" in tokens and code is not None:
                star = tokens.index("*")
                if all(t == "$" for t in tokens[:star]):
                    comment = raw.split("#", 1)[1].split() if "#" in raw else []
                    author = comment[0] if comment else ""
                    blocks[-1].patterns.append((tokens[star + 1 :], code, author))
            continue
        verb = _verb_form(line)
        if verb is not None:
            blocks[-1].verbs.append((*verb[:1], code, *verb[1:]))
            inflected = re.search(r"\{([^}]*)\}", line)
            for form in [verb[0], *(inflected.group(1).split() if inflected else [])]:
                blocks[-1].forms.setdefault(form.lstrip("+").lower().split("_")[0], verb[0])
    return sets, blocks


def _verb_form(line: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """The lemma (with its particle or preposition) of a verb form line, if dyad can match it."""
    word = line.lstrip("+").split()[0].split("{")[0].split("[")[0].lower().strip("_")
    parts = word.split("_")
    if not parts[0].isalpha():
        return None
    if len(parts) == 1:
        return parts[0], (), ()
    if len(parts) == 2 and parts[1] in PARTICLES:
        return parts[0], (parts[1],), ()
    if len(parts) == 2 and parts[1] in PREPOSITIONS:
        return parts[0], (), (parts[1],)
    return None


def pattern_frame(
    tokens: list[str], plover: Plover, block_preps: tuple[str, ...], sets: dict[str, list[str]]
) -> Frame | None:
    particle: tuple[str, ...] = ()
    objects: list[str] = []
    object_is_actor = False
    actor_prep: str | None = None
    thing_prep: tuple[str, list[str]] | None = None
    pending_prep: str | None = None  # a bare or empty prepositional phrase awaiting its noun
    for i, token in enumerate(tokens):
        word = token.lower()
        if token in ("^", "|"):
            continue
        if i == 0 and word in PARTICLES:
            particle = (word,)
        elif token.startswith("("):
            inner = token.strip("()").replace("{", " ").replace("}", " ").split()
            if not inner or inner[0].lower() not in PREPOSITIONS:
                continue
            prep, rest = inner[0].lower(), [t for t in inner[1:] if t not in ("^", "|")]
            if not rest:
                pending_prep = prep
            elif any(is_actor(t) for t in rest):
                actor_prep = actor_prep or prep
            elif thing_prep is None:
                thing_prep = (prep, head_words(rest[-1], sets))
        elif word in PREPOSITIONS and token.isalpha():
            pending_prep = word
        elif token in ACTOR_SLOTS:
            if token == "+" and pending_prep:
                actor_prep = actor_prep or pending_prep
            elif token == "+" and not objects:
                object_is_actor = True
            pending_prep = None
        elif not objects and not object_is_actor and (words := head_words(token, sets)):
            objects = words
            object_is_actor = is_actor(token)
        else:
            pending_prep = None
    if pending_prep and actor_prep is None and thing_prep is None and not objects:
        actor_prep = pending_prep  # "- * (TO) [042]": travelling to someone
    if objects and not object_is_actor:
        preps = (actor_prep,) if actor_prep else block_preps
        target = (*preps, *(f"dobj.{p}" for p in preps), "dobj")
        return Frame(plover, target, prep=_tuple(actor_prep), particle=particle,
                     object=set(objects), absorb=True)  # fmt: skip
    if objects:  # the object is people: "- * &OPPOSITION [1722]"
        return Frame(plover, ("dobj",), particle=particle, object=set(objects))
    if object_is_actor:  # "- * + [111]"
        return Frame(plover, ("dobj",), particle=particle, object_actor=True)
    if actor_prep:
        return Frame(
            plover, (actor_prep,), prep=(actor_prep,), particle=particle, object_actor=True
        )
    if thing_prep and thing_prep[1]:
        return Frame(
            plover,
            ("dobj", *block_preps),
            prep=(thing_prep[0],),
            particle=particle,
            object=set(thing_prep[1]),
            object_actor=True,
        )
    if particle:
        return Frame(plover, ("dobj", *block_preps), particle=particle, object_actor=True)
    return None


def _tuple(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def build(dictionary: Path, plover_path: Path) -> dict[str, list[Frame]]:
    table = read_plover(plover_path)
    sets, blocks = read_dictionary(dictionary)
    lexicon: dict[str, dict[tuple, Frame]] = {}
    order = 0
    for block in blocks:
        preps = _block_actor_preps(block)
        lemmas = {lemma for lemma, *_ in block.verbs}
        frames: list[tuple[str | None, Frame]] = []  # (the verb it belongs to, or None: all)
        for tokens, code, author in block.patterns:
            plover = plover_of(code, table)
            if plover is not None:
                frame = pattern_frame(tokens, plover, preps, sets)
                owner = block.owner(author) or (block.name if block.name in lemmas else None)
                if frame is not None:
                    frames.append((owner, frame))
        for lemma, own_code, particle, prep in block.verbs:
            merged = lexicon.setdefault(lemma, {})
            plover = plover_of(own_code, table)
            if plover is None and (lemma == block.name or _specific(block.code)):
                plover = plover_of(block.code, table)
            defaults = []
            if plover is not None:
                target = prep or ("dobj", *preps)
                defaults.append(
                    Frame(plover, target, prep=prep, particle=particle, object_actor=True)
                )
            # A multiword verb is its own reading; the block's patterns are for the plain verb.
            own = [frame for owner, frame in frames if owner in (None, lemma)]
            for frame in defaults if particle or prep else own + defaults:
                order += 1
                found = merged.get(frame.key())
                if found is None:
                    merged[frame.key()] = Frame(**{**frame.__dict__, "object": set(frame.object),
                                                   "order": order})  # fmt: skip
                else:
                    found.object |= frame.object
    return {
        lemma: sorted(frames.values(), key=lambda f: (-f.specificity(), f.order))
        for lemma, frames in sorted(lexicon.items())
        if frames
    }


def _specific(code: str | None) -> bool:
    """A CAMEO code below its family's catch-all: 172 or 1041, not 060 or 190."""
    digits = re.sub(r"\D", "", (code or "").split(":", 1)[0])
    return len(digits) >= 3 and not (len(digits) == 3 and digits.endswith("0"))


def _block_actor_preps(block: Block) -> tuple[str, ...]:
    """The prepositions the block's patterns put an actor after, in ACTOR_PREPS order."""
    used = set()
    for tokens, _code, _author in block.patterns:
        for i, token in enumerate(tokens):
            if token.startswith("("):
                inner = token.strip("()").split()
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                if inner and (
                    any(is_actor(t) for t in inner[1:]) or (len(inner) == 1 and nxt == "+")
                ):
                    used.add(inner[0].lower())
            elif token.lower() in ACTOR_PREPS and i + 1 < len(tokens) and tokens[i + 1] == "+":
                used.add(token.lower())
    return tuple(p for p in ACTOR_PREPS if p in used)


PLAIN = re.compile(r"[a-z][a-z0-9_.\-']*")
RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def _scalar(value: str) -> str:
    if PLAIN.fullmatch(value) and value not in RESERVED:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(values) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def render_frame(frame: Frame, words: dict[str, str] | None = None) -> str:
    parts = [f"type: {frame.plover.type}"]
    if frame.plover.mode:
        parts.append(f"mode: {_scalar(frame.plover.mode)}")
    if frame.plover.context:
        parts.append(f"context: {_flow(frame.plover.context)}")
    if frame.prep:
        parts.append(f"prep: {_flow(frame.prep)}")
    if frame.particle:
        parts.append(f"particle: {_flow(frame.particle)}")
    if frame.object:
        listed = _flow(sorted(frame.object))
        if words is not None and len(frame.object) > 3:  # a synonym set, written once
            if listed in words:
                listed = f"*{words[listed]}"
            else:
                words[listed] = f"w{len(words) + 1}"
                listed = f"&{words[listed]} {listed}"
        parts.append(f"object: {listed}")
    if frame.object_actor is not None:
        parts.append(f"object_actor: {str(frame.object_actor).lower()}")
    if frame.absorb:
        parts.append("absorb: true")
    parts.append(f"target: {_flow(frame.target)}")
    return "{" + ", ".join(parts) + "}"


HEADER = """\
# GENERATED by scripts/build_event_lexicon.py -- do not edit; edit verbs.yaml, which
# is loaded over this file (a lemma's curated frames are tried before these).
#
# Compiled from the CAMEO verb-pattern dictionary of PETRARCH-2
# (CAMEO.2.0.txt, openeventdata/petrarch2 commit 676801cd; MIT licence,
# Copyright (c) 2015 Open Event Data Alliance) and the CAMEO-to-PLOVER table
# (CAMEO2PLOVER-2021.txt, openeventdata/PLOVER, CC BY-SA 4.0; P. Schrodt).
# Frame format as in verbs.yaml; `context` is PLOVER's context for the CAMEO code.
# {lemmas} lemmas, {frames} frames.
"""


def render(lexicon: dict[str, list[Frame]]) -> str:
    """One frame per line; a frame the verbs of a block share is written once with a YAML
    anchor and referred to by alias after that, which keeps the file small and quick to load."""
    frames = sum(len(f) for f in lexicon.values())
    lines = [HEADER.format(lemmas=len(lexicon), frames=frames)]
    anchors: dict[str, str] = {}
    words: dict[str, str] = {}
    lists: dict[tuple[str, ...], str] = {}  # the verbs of one block share the whole list
    for lemma, lemma_frames in lexicon.items():
        texts = tuple(render_frame(frame) for frame in lemma_frames)
        if texts in lists:
            lines.append(f"{_scalar(lemma)}: *{lists[texts]}")
            continue
        lists[texts] = f"v{len(lists) + 1}"
        lines.append(f"{_scalar(lemma)}: &{lists[texts]}")
        for frame in lemma_frames:
            text = render_frame(frame)
            if text not in anchors:
                anchors[text] = f"f{len(anchors) + 1}"
                lines.append(f"  - &{anchors[text]} {render_frame(frame, words)}")
            else:
                lines.append(f"  - *{anchors[text]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    parser.add_argument("--plover", type=Path, default=DEFAULT_PLOVER)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lexicon = build(args.dictionary, args.plover)
    args.out.write_text(render(lexicon), encoding="utf-8")
    frames = sum(len(f) for f in lexicon.values())
    print(f"{args.out}: {len(lexicon)} lemmas, {frames} frames", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
