"""What events owe to the rest of the article: the target a reaction answers, the sides an article is about, the
place a strike hits, and when two events are one event told again.
"""

from __future__ import annotations

from collections import Counter

from relasi.events.cameo import plover_for
from relasi.model import Actor, Event, Mention, Parse

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
NOT_STATE_LEVEL = frozenset({"MED", "BUS", "CVL"})
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "PROTEST"})
MEASURE_TYPES = frozenset({"SANCTION"})
# Statements that may leave their target implicit: they answer what was told before.
IMPLIED_TARGET_TYPES = frozenset({"ACCUSE", "THREATEN", "REJECT", "SUPPORT", "PROTEST"})
# Reactions to an act: a third side's reaction told next answers the same act.
REACTION_TYPES = frozenset({"ACCUSE", "THREATEN", "REJECT", "PROTEST"})
PRAISE = "051"          # praise or thanks may answer an act too ("Palestine thanked Macron. Israel condemned the
                        # announcement": both answer France's act); other support (recognition) is an act of its own
# Conflict and aid acts whose target may be a place ("serangan udara di dekat Damaskus": Syria is hit).
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "REQUEST"})


def state_level(actor: Actor) -> bool:
    if actor.sector in NOT_STATE_LEVEL:
        return False
    return not (actor.kind == "CITY" and actor.sector is None)


def as_state(actor: Actor) -> Actor:
    return Actor(actor.code, "IGO" if actor.kind == "IGO" else "STATE", actor.code, actor.country, None, None)


def as_country(actor: Actor) -> Actor:
    """A town that is hit, reached or supplied stands for its country ("serangan ke Kharkiv")."""
    if actor.kind == "CITY" and actor.sector is None and actor.country:
        return Actor(actor.country, "STATE", actor.name, actor.country, None, None)
    return actor


def main_actors(mentions: tuple[Mention, ...]) -> list[Actor]:
    """The two codes an article is about, when two stand out (each named at least three times): the implied
    other side of statements whose sentence names no target."""
    heads = [m for m in mentions if not m.part and m.actor.code and state_level(m.actor)]
    counts = Counter(m.actor.code for m in heads)
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < 3 or (len(top) == 3 and top[2][1] * 2 > top[1][1]):
        return []
    first: dict[str, Actor] = {}
    for mention in heads:
        first.setdefault(mention.actor.code, mention.actor)
    return [as_state(first[code]) for code, _ in top[:2]]


def implied_target(sources: list[Actor], earlier: list[Event], parses: list[Parse], index: int,
                   counterparts: list[Actor]) -> list[Actor]:
    """Whom a statement with no target in its sentence answers: the doer of the last act aimed at the speaker
    ("NATO telah menolak tuntutan tersebut" after Russia's demands), else the subject of the sentence before when it
    is another side, else the article's other main side."""
    own = {a.code for a in sources}
    answered = answered_unnamed(earlier, own)
    if answered:
        return answered
    last = earlier[-1] if earlier else None
    if last is not None and last.plover in REACTION_TYPES and last.source.code not in own \
            and last.target.code not in own and state_level(last.target):
        # "Rusia … akan membalas. Beijing juga menyampaikan keberatan": a third side's reaction answers the act
        # the reaction before it answered
        return [as_state(last.target)]
    if index > 0:
        previous = [a for a in parses[index - 1].subject if a.code not in own and state_level(a)]
        if previous:
            return previous[:1]
    return [a for a in counterparts if a.code not in own][:1]


MEETING_REACH = 2     # sentences back: a signing told further on is no longer the meeting's


def meeting_sides(earlier: list[Event], parses: list[Parse], index: int) -> tuple[Actor, Actor] | None:
    """The two sides of the meeting told in this sentence or the two before ("Jokowi bertemu PM Marape …
    Dilakukan pula penandatanganan MoU …", "Several agreements were signed after the talks"): those an agreement
    signed with no one named is between."""
    start = parses[max(0, index - MEETING_REACH)].start
    for event in reversed(earlier):
        if event.start < start:
            return None
        # (not a mediation: "talks in Beijing mediated by China … both sides" are the two it brought together)
        if event.plover == "CONSULT" and event.cameo != "045" and state_level(event.source) \
                and state_level(event.target):
            return as_state(event.source), as_state(event.target)
    return None


def last_sides(earlier: list[Event], own: set[str], since: int = 0) -> list[Actor]:
    """The two sides of the last act told between two others from `since` on (this sentence and the two before:
    "Thailand and Cambodia fought …. The ceasefire, brokered by Malaysia, …", "Aliyev and Pashinyan signed a
    declaration. Trump hosted the trilateral meeting"): whom a mediation that names no side brought together."""
    for event in reversed(earlier):
        if event.start < since:
            break
        if event.source.code not in own and event.target.code not in own and event.source.code != event.target.code \
                and state_level(event.source) and state_level(event.target):
            return [as_state(event.source), as_state(event.target)]
    return []


def voting_body(mentions: tuple[Mention, ...], before: int, own: set[str]) -> list[Actor]:
    """The body a vote is taken in: the last international organisation named up to `before` ("Majelis Umum PBB
    … dua negara, yaitu AS dan Israel, menolak": they voted against the assembly's resolution), else the first
    named after (a story that opens with the vote)."""
    bodies = [m for m in mentions if (m.actor.kind == "IGO" or m.actor.sector == "IGO") and m.actor.code not in own]
    earlier = [m for m in bodies if m.start < before]
    chosen = earlier[-1] if earlier else (bodies[0] if bodies else None)
    return [chosen.actor] if chosen is not None else []


def aid_recipient(earlier: list[Event], own: set[str]) -> list[Actor]:
    """The recipient of the last aid given or pledged in the story by another side: donors to one disaster told one
    after the other ("China sent a rescue team to Myanmar. Russia and Singapore also sent supplies.")."""
    for event in reversed(earlier):
        if (event.plover == "AID" or event.cameo.startswith("033")) and event.target.code not in own \
                and event.source.code not in own and state_level(event.target):
            return [as_state(event.target)]
    return []


def answered_unnamed(earlier: list[Event], own: set[str]) -> list[Actor]:
    """The side that did the last act told against `own` ("Venezuela threatened Guyana. Guyana put its forces on
    full alert in response."): what an answer that names nothing answers, and the first guess of `implied_target`."""
    for event in reversed(earlier):
        if event.target.code in own and event.source.code not in own and state_level(event.source):
            return [as_state(event.source)]
    return []


def occasion_target(parse: Parse, clause: int | None, own: set[str]) -> list[Actor]:
    """"China vowed to retaliate after the United States announced tariffs", "Rusia mengecam keras setelah Ukraina
    menyerang …": a statement with no target answers the other side that acts in its own time or reason clause."""
    for number, candidate in enumerate(parse.clauses):
        if candidate.kind in ("temporal", "reason") and number != clause and _within(parse, number, clause):
            others = [as_state(a) for a in candidate.subject if a.code not in own and state_level(a)]
            if others:
                return others[:1]
    return []


def _within(parse: Parse, number: int, clause: int | None) -> bool:
    """Whether clause `number` hangs on `clause`, directly or through its complements ("threatened to respond
    after Israel struck …")."""
    parent = parse.clauses[number].parent
    while parent is not None:
        if parent == clause:
            return True
        if parse.clauses[parent].kind not in ("complement", "purpose"):
            return False
        parent = parse.clauses[parent].parent
    return False


def reaction_target(earlier: list[Event], sentence_start: int, sources: list[Actor],
                    plover: str | None = None, named: str | None = None) -> list[Actor]:
    """"Hal ini memicu kecaman dari …", "the move drew condemnation": the doer of the act told just before. A
    reaction by a third side told after another reaction (condemning, rejecting, protesting, warning) answered the
    same act ("Turkey condemned the strikes. Egypt also denounced the attack."): its target is that act's doer, not
    the side that reacted first; one aimed at the side reacting now is the act answered ("China accused Manila …
    The Philippines condemned the move"), and so is one the phrase names as what it is (`named`: "criticised the
    accusation" answers the accusation itself)."""
    own = {a.code for a in sources}
    if named is not None:
        said = [e for e in earlier if e.start <= sentence_start and e.plover == named and e.source.code not in own]
        if said and state_level(said[-1].source):
            last = said[-1]
            if last.plover in SYMMETRIC and last.target.code not in own and state_level(last.target):
                # "Kyrgyzstan and Tajikistan signed a border treaty. Russia welcomed the signing": both sides
                return [as_state(last.source), as_state(last.target)]
            return [as_state(last.source)]      # "rejected the accusation": the last accusation's maker
    for event in reversed(earlier):
        if event.start > sentence_start:
            continue
        if plover in IMPLIED_TARGET_TYPES and (event.plover in REACTION_TYPES or event.cameo == PRAISE) \
                and event.plover != named \
                and event.source.code not in own and event.target.code not in own and state_level(event.target):
            return [as_state(event.target)]     # "Moscow … would retaliate. Beijing also lodged a protest": the EU
        if event.source.code not in own and state_level(event.source):
            return [as_state(event.source)]
    return []


def place_target(parse: Parse, after: int, own: set[str], clause: int | None = None,
                 phrase_end: int | None = None, within: tuple[int, int] | None = None,
                 skip: list[tuple[int, int]] | None = None) -> list[Actor]:
    """The country of the place a conflict or aid act reaches, when no actor is its object; not a place told inside
    a relative clause on something else ("kepada pihak yang terlibat konflik di Ukraina"). A relative clause right
    after the act's own phrase (`phrase_end`) tells of the act itself ("serangan Israel yang menewaskan … di Gaza");
    places in `skip` are where the act comes from."""
    found: list[Actor] = []
    for start, actor in parse.places:
        code = actor.country or actor.code
        if within is not None and not within[0] <= start < within[1]:
            continue                        # only the place a named slot holds ("kedutaannya di Niger")
        if skip and any(a <= start < b for a, b in skip):
            continue                        # where the act comes from ("dari gudangnya di Subang, Malaysia")
        if start >= after and code and actor.kind in ("STATE", "CITY") and code not in own \
                and not _in_other_relative(parse, start, clause, phrase_end) \
                and all(code != other.code for other in found):
            found.append(Actor(code, "STATE", actor.name, code, None, None))
            if within is None:
                break                       # the first place reached; a slot holds all its list names
    return found


def _in_other_relative(parse: Parse, offset: int, clause: int | None, phrase_end: int | None = None) -> bool:
    return clause is not None and any(
        c.kind == "relative" and c.start <= offset < c.end and number != clause
        and not (phrase_end is not None and c.parent == clause and 0 <= c.start - phrase_end <= 2)
        for number, c in enumerate(parse.clauses))


def location(parse: Parse) -> str | None:
    for _, actor in parse.places:
        if actor.kind in ("CITY", "STATE"):
            return actor.name
    return None


def dedup_key(event: Event) -> tuple:
    """Events with equal keys are one real-world event told again. A statement is a speech act of its speaker:
    the president's and the foreign minister's criticism of the same sanctions are two events."""
    dyad = (event.source.code, event.target.code)
    if event.plover in SYMMETRIC:
        dyad = tuple(sorted(dyad))
    speaker = event.source.name if event.plover in STATEMENT_TYPES and event.source.kind == "PERSON" else None
    # distinct measures are distinct events: an expulsion (161) and an embargo (163) of the same day
    act = event.cameo if event.plover in STATEMENT_TYPES | MEASURE_TYPES else None
    return (*dyad, event.plover or event.cameo, event.modality, event.negated, speaker, act)


def dyads(sources: list[Actor], targets: list[Actor], cameo: str) -> list[tuple[Actor, Actor]]:
    """Every source with every target, state-level and of different codes; one pair for a symmetric act."""
    plover = plover_for(cameo)
    pairs = [(s, t) for s in sources for t in targets] if targets else []
    seen: set[tuple[str, str]] = set()
    result = []
    for source, target in pairs:
        if source.code == target.code or not source.code or not target.code:
            continue
        # a state's people may be acted upon ("bantuan untuk rakyat Palestina") but act only by protesting
        if not ((state_level(source) or (plover == "PROTEST" and source.sector == "CVL"))
                and (state_level(target) or target.sector == "CVL")):
            continue
        key = (source.code, target.code)
        if plover in SYMMETRIC and (target.code, source.code) in seen:
            continue
        if key not in seen:
            seen.add(key)
            result.append((source, target))
    return result
