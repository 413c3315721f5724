"""Actor groups: the mentions of a sentence joined into coordinated lists, with what each group is.

"Inggris, Australia, Kanada, dan Uni Eropa" is one group of four actors; "Amerika Serikat (AS)" one of one. A group
may be a place ("di Jenewa", "KTT G20": where, not who) or excluded as a party: a maker ("rudal buatan Rusia"), an
informant ("menurut Moskow"), an aside (", seperti Díaz-Canel,") or a dateline ("JAKARTA, KOMPAS.com -").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from relasi.clauses.words import ADV, COORD, Words
from relasi.model import Actor, Mention

_PUNCTUATION = re.compile(r"[.,;:!?()\"“”\n]")
_WORD = re.compile(r"[\w-]+")
# An apposition ends at punctuation, a direction word at most between ("Gaza tengah,", "Turki, Kamis")
_CLOSED = re.compile(r"(?:\s+[a-z]+)?\s*(?:[,.;:)]|$)")


@dataclass(eq=False)
class Group:
    start: int
    end: int
    actors: list[Actor]
    mentions: list[Mention] = field(default_factory=list)
    place: bool = False              # a location or venue, not a party
    excluded: str = ""               # "maker", "informant", "aside", "dateline": never a party
    how: str = "direct"              # "pronoun" / "description" for a group that stands in for earlier actors
    comma_tail: int = 0              # members joined by a bare comma at the end, no "dan" after them yet

    @property
    def party(self) -> bool:
        return not self.place and not self.excluded and bool(self.actors)


_SIDES = frozenset({"STATE", "IGO"})


def build_groups(text: str, mentions: list[Mention], words: Words, joiner: re.Pattern[str],
                 boundary: int = -1, spans: list[tuple[int, int]] | None = None,
                 verbs: frozenset[str] = frozenset()) -> list[Group]:
    """Coordinated mentions as groups; mentions sharing one span ("kedua pemimpin") are one group already. No list
    runs across `boundary` (the comma that ends a fronted subordinate clause). `spans`: the mentions' spans, where
    the caller has them and the mentions are in span order already."""
    if spans is None:
        mentions = sorted(mentions, key=lambda m: m.span)
        spans = [m.span for m in mentions]
    groups: list[Group] = []
    for mention, span in zip(mentions, spans, strict=True):
        place: bool | None = None                    # asked only when it matters
        if groups:
            last = groups[-1]
            if span[0] < last.end or span[0] == last.start:
                if mention.actor not in last.actors:
                    last.actors.append(mention.actor)
                    last.mentions.append(mention)
                last.end = max(last.end, span[1])
                continue
            gap = text[last.end:span[0]]
            if gap in words.pair_joiners and mention.actor.kind in _SIDES and last.actors[-1].kind in _SIDES \
                    and mention.actor.code != last.actors[-1].code:
                # "perundingan Rusia-Ukraina", "the Indonesia-EU agreement": two sides joined by a hyphen, a pair
                last.actors.append(mention.actor)
                last.mentions.append(mention)
                last.end = span[1]
                continue
            if not gap.strip() and mention.actor.kind == "CITY" and last.mentions[-1].actor.sector == "DIP":
                # "KBRI Kuala Lumpur", "the US embassy Tokyo": the city an embassy sits in, not a party
                last.end = span[1]
                continue
            if gap.strip().lower() in words.of_words and mention.actor.code == last.actors[-1].code:
                # "Sugiono of Indonesia": the country of the person just named, not another party
                last.mentions.append(mention)
                last.end = span[1]
                last.comma_tail += 1 if last.comma_tail else 0
                continue
            if gap and "\n" not in gap and not last.end <= boundary < span[0] and joiner.fullmatch(gap) \
                    and not (words.title_first and not gap.strip() and mention.actor.kind == "PERSON") \
                    and not ((len(last.mentions) == 1 or not last.comma_tail)
                             and _opens_clause(text, gap, span[1], words, verbs)) and (
                    last.place and mention.actor.kind != "PERSON"
                    or not last.place and not (place := _is_place(text, span[0], mention.actor, words, span[1]))):
                # "di dekat Damaskus dan Homs": a place coordinated with a place is a place; a person is none
                # ("Di Jakarta, Presiden Prabowo meminta …"); where titles come first, a titled person after a bare
                # space is no list member ("ke Beijing Kanselir Jerman menyampaikan …")
                last.actors.append(mention.actor)
                last.mentions.append(mention)
                last.end = span[1]
                found = _WORD.findall(gap.lower())
                # (a coordinator of several words is no bare comma: "Britain, along with France,")
                bare = "," in gap and not any(c.kind == COORD for w in found for c in words.phrases.get((w,), ())) \
                    and not any(c.kind == COORD for c in words.phrases.get(tuple(found), ()))
                last.comma_tail = last.comma_tail + 1 if bare else 0
                continue
        if place is None:
            place = _is_place(text, span[0], mention.actor, words, span[1])
        start = _members_start(text, span[0], words)
        if start < span[0] and groups and not place and not groups[-1].place \
                and not groups[-1].end <= boundary < start \
                and joiner.fullmatch(text[groups[-1].end:start]) and "\n" not in text[groups[-1].end:start]:
            # "Arab Saudi dan sejumlah negara Teluk seperti Bahrain …": one list (not across the comma that ends a
            # fronted aside: "Selain Indonesia, sejumlah negara seperti AS dan Prancis …")
            groups[-1].actors.append(mention.actor)
            groups[-1].mentions.append(mention)
            groups[-1].end = span[1]
            groups[-1].comma_tail = 0
            continue
        if start < span[0] and groups and start < groups[-1].end:
            start = span[0]
        groups.append(Group(start, span[1], [mention.actor], [mention], place=place))
    if not any(group.comma_tail for group in groups):
        return groups
    return [part for group in groups for part in _unlisted(group)]


def _opens_clause(text: str, gap: str, end: int, words: Words, verbs: frozenset[str]) -> bool:
    """"… its border with Guyana, and Guyana asked Brazil …": a name after a comma and a coordinator with a verb
    right after it opens a clause of its own, no further member of a list that is closed already ("alarming Canberra
    and Washington, and Australia has since …"); "Mali, Burkina Faso, dan Niger menarik …" has its members before."""
    if "," not in gap or not gap.strip(" ,"):
        return False
    after = _WORD.search(text, end, end + 30)
    if after is None or text[end:after.start()].strip():
        return False
    word = after.group().lower()
    if word in verbs or words.is_verb(word):
        return True
    # (so does a verb after an adverb: "…, dan Australia telah menandatangani …")
    following = _WORD.match(text, after.end() + 1) if any(
        c.kind == ADV for c in words.phrases.get((word,), ())) else None
    return following is not None and (following.group().lower() in verbs or words.is_verb(following.group().lower()))


_SPACE_AFTER = re.compile(r"\s*")


def _members_start(text: str, start: int, words: Words) -> int:
    """Where a plural noun whose members a list names begins, when the list starts at `start` ("sejumlah negara
    seperti Jerman, …", "Western countries, including the United States …"): the noun and the list are one
    phrase, the list's. Else `start`."""
    if words.members_before is None:
        return start
    window = max(0, start - 80)
    if not _marker_before(text, window, start, words):
        return start                                   # the whole pattern cannot match: no need to search it
    found = words.members_before.search(text, window, start)
    if found is None or found.end() != start:
        return start
    begin = found.start()
    # the words before the plural noun are its modifiers, never a verb that takes it ("urged Western partners,
    # including the United States …", "mendesak para mitra Barat, termasuk …")
    for match in _WORD.finditer(text, begin, start):
        word = match.group().lower()
        if word in words.member_nouns:
            break
        if words.is_verb(word):
            begin = match.end()
    return _SPACE_AFTER.match(text, begin).end()


_THE = re.compile("the", re.IGNORECASE)


def _marker_before(text: str, window: int, start: int, words: Words) -> bool:
    """Whether text[window:start] ends as `members_before` needs: a marker, spaces, an optional "the" and spaces
    ("such as ", "including the "). Read backwards from `start`, this costs a few slices where a search of the
    whole pattern tries its word loops at every position of the window."""
    if start <= window or not text[start - 1].isspace():
        return False
    head = text[window:start].rstrip()
    marker, longest = words.members_marker, words.members_marker_longest
    if marker is None or marker.search(head, max(0, len(head) - longest)):
        return True
    if len(head) > 3 and head[-4].isspace() and _THE.fullmatch(head, len(head) - 3):
        head = head[:-3].rstrip()
        return marker.search(head, max(0, len(head) - longest)) is not None
    return False


def joiner_regex(pack) -> re.Pattern[str]:
    """What may stand between two members of a list: a comma, a coordinator, "baik … maupun", brackets."""
    cached = pack.__dict__.get("_group_joiner")
    if cached is None:
        coordinators = [re.escape(w) for w in pack.words("coordinators")]
        determiners = ["the"] if pack.lang == "en" else []   # "Britain and the EU"
        determiner = rf"(?:(?:{'|'.join(determiners)})\s+)?" if determiners else ""
        # a determiner only after a comma or a coordinator: "Beijing the German chancellor" is no list
        either = rf"(?:,\s*)?(?:{'|'.join(coordinators)})\s+{determiner}|,\s*{determiner}"
        cached = re.compile(rf"\s*\(\s*|\s*\)?\s*(?:{either})?" if coordinators else r"\s*\(?\s*",
                            re.IGNORECASE)
        pack.__dict__["_group_joiner"] = cached
    return cached


def _unlisted(group: Group) -> list[Group]:
    """A list is closed by "dan"/"and" ("Rusia, China dan Iran"); members after the last one joined by bare
    commas stand alone ("Merespons serangan Israel, Rusia menyebutnya …")."""
    if not group.comma_tail:
        return [group]
    keep = len(group.mentions) - group.comma_tail
    head = Group(group.start, group.mentions[keep - 1].span[1], [], [], place=group.place)
    for mention in group.mentions[:keep]:
        if mention.actor not in head.actors:
            head.actors.append(mention.actor)
        head.mentions.append(mention)
    rest = [Group(m.span[0], m.span[1], [m.actor], [m], place=group.place) for m in group.mentions[keep:]]
    return [head, *rest]


def _is_place(text: str, start: int, actor: Actor, words: Words, end: int | None = None) -> bool:
    """"di Jenewa", "di dekat perbatasan Ukraina", "KTT G20": a place or a venue, not an actor (a person is none:
    "called in the Canadian high commissioner")."""
    if actor.kind == "PERSON":
        return False
    window = text[max(0, start - 60):start]
    mark = _PUNCTUATION.search(window[::-1])           # the last punctuation before it, read backwards
    before = window[len(window) - mark.start():] if mark else window
    lower = before.lower()
    last = _WORD.search(lower[::-1])                   # the last word, read backwards: it mostly decides alone
    if last is not None and actor.kind != "IGO":
        word = last.group()[::-1]
        if word in words.locatives:
            previous = _WORD.findall(lower)[-2:-1]
            if previous and previous[0] in words.origin_participles:
                return False                # "vehicles made in China": the goods' origin, no place
            if word not in words.aimed_prepositions:
                return True
        elif word not in words.place_nouns and not (actor.kind == "CITY" and word in words.facility_nouns):
            return False
    found = _WORD.findall(lower)[-5:]
    if actor.kind == "IGO":
        first_word = _WORD.match(text[start:start + 20].lower())
        if (found and found[-1] in words.venue_nouns) or (first_word and first_word.group() in words.venue_nouns):
            return True
    for index in range(len(found) - 1, -1, -1):
        word = found[index]
        if word in words.locatives:
            # "hit out at Washington", "fired at Israel": after a particle or a verb of aiming, the phrase is what
            # the act is aimed at, not where it happens
            return not (word in words.aimed_prepositions and index > 0
                        and (found[index - 1] in words.particles
                             or _aimed(_WORD.findall(lower)[:index - len(found)], words)))
        if word not in words.place_nouns and not (actor.kind == "CITY" and word in words.facility_nouns):
            return False                    # a town's airport or port is a place; "pangkalan AS" is the US's
    if not found and before.strip() == "" and end is not None and actor.kind in ("STATE", "CITY") \
            and _CLOSED.match(text, end) and text[max(0, start - 80):start].rstrip().endswith(","):
        return _apposed_place(text[max(0, start - 80):start].rstrip()[:-1], words)
    return False


def _aimed(before: list[str], words: Words) -> bool:
    """"fired at", "fired two missiles at", "launched a barrage of rockets at": a verb of aiming up to six words
    before the preposition, with nothing but its object between."""
    for word in reversed(before[-6:]):
        if word in words.aiming:
            return True
        if word in words.locatives:
            return False
    return False


def _apposed_place(before: str, words: Words) -> bool:
    """"di kamp pengungsi Nuseirat, Gaza", "di Bandara Internasional Adana, Turki": after a comma, the region or
    country of a place named just before (even a place the dictionary does not know) is a place too."""
    tokens = _WORD.findall(_PUNCTUATION.split(before)[-1])[-6:]
    for token in reversed(tokens):
        low = token.lower()
        if low in words.locatives:
            return True
        if not (token[0].isupper() or low in words.place_nouns or low in words.facility_nouns):
            return False
    return False


def mark_excluded(text: str, sentence_start: int, groups: list[Group], words: Words, dateline_end: int) -> None:
    """Flag the groups that are never parties: a dateline, makers and informants, asides."""
    ends = words.not_argument_ends()
    for group in groups:
        if group.end <= dateline_end:
            group.excluded = "dateline"
            continue
        window = text[max(sentence_start, group.start - 25):group.start].lower()
        last = _WORD.search(window[::-1])               # the last word, read backwards: mostly no phrase ends there
        tail = _WORD.findall(window)[-3:] if last is not None and last.group()[::-1] in ends else []
        for length in (3, 2, 1) if tail else ():        # a listed phrase ends in its last word
            if len(tail) >= length and " ".join(tail[-length:]) in words.not_arguments \
                    and window.rstrip().endswith(tail[-1]):
                # "nelayan asal Indonesia": people's origin is their nationality, not a maker; "produk asal China":
                # goods' origin is the state a tariff or ban on them is aimed at
                # (the goods' noun may stand a few words back: "produk tekstil dan garmen asal Indonesia")
                before = _WORD.findall(text[max(sentence_start, group.start - 60):group.start].lower())[-6:-length]
                # "the allegations made by Mali": what a statement's maker made is said, the maker its speaker
                if not (len(tail) > length and tail[-length - 1] in words.people_nouns
                        or len(tail) > length and tail[-length - 1] in words.maker_nouns and tail[-1] == "by"
                        or any(_single(w) in words.origin_nouns for w in before)):
                    group.excluded = "informant"
                break
        if group.excluded:
            continue
        if _names_a_document(text, group, words):
            group.excluded = "name"
            continue
        # "Maduro, seperti Díaz-Canel, berterima kasih …": a comparison set off by commas is an aside
        if text[group.end:group.end + 1] != ",":
            continue
        if window.rstrip().endswith(_after_comma(words.comparisons)):
            group.excluded = "aside"


def _names_a_document(text: str, group: Group, words: Words) -> bool:
    """A city that names a document or a process is no party: "the Ankara Declaration", "the Astana process" (the
    document noun right after the city), "Deklarasi Ankara" (a capitalised one right before it: "kesepakatan
    Washington dengan Teheran" is Washington's agreement, a party's)."""
    if not words.document_names or not all(actor.kind == "CITY" for actor in group.actors):
        return False
    after = _WORD.match(text, group.end + 1) if text[group.end:group.end + 1] == " " else None
    if after is not None and after.group().lower() in words.document_names:
        return True
    before = _WORD.findall(text[max(0, group.start - 20):group.start])
    return bool(before) and before[-1][:1].isupper() and before[-1].lower() in words.document_names


def _single(word: str) -> str:
    """The base of a reduplicated plural ("barang-barang" → barang); any other word as it is."""
    left, dash, right = word.partition("-")
    return left if dash and left == right else word


_AFTER_COMMA: dict[int, tuple[frozenset[str], tuple[str, ...]]] = {}


def _after_comma(phrases: frozenset[str]) -> tuple[str, ...]:
    """", seperti", ", like": each phrase after a comma, for one `endswith` (kept per set of phrases)."""
    cached = _AFTER_COMMA.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        cached = _AFTER_COMMA[id(phrases)] = (phrases, tuple(f", {word}" for word in phrases))
    return cached[1]
