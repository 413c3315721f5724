"""From gazetteer hits to actors: roles joined with countries and names, terms of office, coreference.

"Wakil Menteri Luar Negeri Rusia Sergey Ryabkov" is a run of hits (title, state, name) glued by spaces; the run is
one actor phrase whose head is the person and whose attributes come from the title and the state. A name the
dictionary does not know is taken from the capitalised words after "title + state", and its surname is then
recognised in the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from operator import itemgetter

from relasi.actors.dictionary import Entry
from relasi.actors.gazetteer import Hit, fold, is_word_char
from relasi.actors.names import fold as fold_accents
from relasi.model import Actor, Article, Mention

ACTOR_KINDS = ("STATE", "CITY", "IGO", "ORG", "PERSON")
_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'.\-]*")
_BLANKS = re.compile(r"[ \t]+")
_PARTICLE = re.compile(r"[a-z]+")
_SPACES = re.compile(r"\s*")
_NAME_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})    # "al-Sharaa", "el-Sisi"
_NAME_PARTICLES = frozenset({"bin", "binti", "al", "el", "de", "da", "van", "von", "der", "di", "la", "le", "dos"})


def article_day(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class _Phrase:
    start: int
    end: int
    hits: list[Hit]


def find_actors(article: Article, pack) -> Article:
    """Fill `article.mentions` (sorted by offset) from the pack's gazetteer and resolution rules."""
    text = article.body
    day = article_day(article)
    hits = [h for h in pack.gazetteer.find(text) if h.kind != "NONE"]
    support = _supported_codes(hits)
    words = _pack_words(pack)
    if words.portfolio is not None:
        hits = _with_portfolios(text, hits, words)
    if words.unlisted_portfolio is not None:
        hits = _unlisted_portfolios(text, hits, words)
    if words.deputy is not None:
        hits = _deputies(text, hits, words)
    stop_names = words.stop_names
    actors = words.actors
    mentions: list[Mention] = []
    new_names: dict[str, Actor] = {}
    for phrase in _phrases(text, hits, words):
        if len(phrase.hits) == 1 and phrase.hits[0].kind in ACTOR_KINDS:
            # most phrases: one name, one mention, nothing else to read (_resolve_hit without the call)
            hit = phrase.hits[0]
            entry = _pick(hit, day, support)
            if entry is not None:
                mentions.append(Mention(hit.start, hit.end, text[hit.start:hit.end], actors.get(entry, day),
                                        entry.origin))
            continue
        mentions.extend(_resolve_phrase(text, phrase, pack, day, support, stop_names, new_names, mentions))
    mentions = _defined_acronyms(text, mentions)
    mentions.extend(_appositive_names(text, mentions, new_names))
    if pack.words("served_nouns"):
        mentions.extend(_apposed_officials(text, mentions, new_names, tuple(pack.words("served_nouns"))))
    if pack.words("name_after_institution_not"):
        stops = stop_names | frozenset(pack.words("name_after_institution_not"))
        mentions.extend(_institution_names(text, mentions, new_names, stops))
    mentions.extend(_surname_mentions(text, mentions, new_names, pack.words("later_name_forms") or ("last",)))
    mentions.extend(_short_names(text, mentions))
    mentions.extend(_plural_references(text, mentions, pack))
    if pack.words("vessel_nouns"):
        mentions.extend(_vessel_references(text, mentions, pack))
    mentions = _without_credits(text, mentions)
    if "-" in text:
        mentions = _reduplicated(text, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return article.with_(mentions=tuple(mentions))


def _reduplicated(text: str, mentions: list[Mention]) -> list[Mention]:
    """"kapal-kapal penjaga pantai China": a name found from the second half of a reduplicated word starts with
    the whole word (a mention that starts inside a word would be lost to the word)."""
    found: list[Mention] = []
    for mention in mentions:
        start = mention.span[0]
        if start > 1 and text[start - 1] == "-":
            word = re.match(r"\w+", text[start:])
            first = word.group() if word else ""
            if first and text[start - 1 - len(first):start - 1].lower() == first.lower() \
                    and (start - 1 - len(first) == 0 or not text[start - 2 - len(first)].isalnum()):
                begin = start - 1 - len(first)
                extent = (begin, mention.span[1]) if mention.extent else None
                mention = replace(mention, start=begin if mention.start == start else mention.start,
                                  extent=extent)
        found.append(mention)
    return found


# Letters that match an ASCII letter under re.IGNORECASE without lowering to it: dotted and dotless i, long s,
# the Kelvin sign.
_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
_WEB_ADDRESS = re.compile(r"\.(?:com|co\.id|co\.uk|co|id|net|org|news)\b", re.IGNORECASE)


def _without_credits(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop the names a page credits rather than reports: the outlet of a dateline ("Jakarta (ANTARA) -",
    "PR BEKASI - …", "KONTAN.CO.ID - HANOI") and an outlet in a photo credit ("EPA-EFE/JASON SZENES",
    "/JORGE SILVA/REUTERS"). An outlet the story cites ("seperti dikutip dari Reuters") stays."""
    from relasi.extract.meta import parse_dateline  # the extractor's reader of datelines, loaded when needed

    credited: list[tuple[int, int]] = []
    checked: set[int] = set()
    for mention in mentions:
        line = text.rfind("\n", 0, mention.start) + 1
        if line in checked or mention.start - line > 64:
            continue
        checked.add(line)
        dateline = parse_dateline(text[line:line + 200])
        if dateline is not None and dateline.outlet:
            head = text[line:line + dateline.end]
            at = head.lower().find(dateline.outlet.lower())
            if at >= 0:
                credited.append((line + at, line + at + len(dateline.outlet)))
    kept: list[Mention] = []
    for mention in mentions:
        if credited and any(start <= mention.start and mention.end <= end for start, end in credited):
            continue
        if mention.actor.sector == "MED" and (text[mention.end:mention.end + 1] == "/"
                                              or text[mention.start - 1:mention.start] == "/"):
            continue
        if text.startswith(".", mention.end) and _WEB_ADDRESS.match(text, mention.end):
            continue                     # "Pikiranrakyat-Bekasi.com", "tempo.co": a web address, not the place
        kept.append(mention)
    return kept


def _supported_codes(hits: list[Hit]) -> set[str]:
    codes: set[str] = set()
    for hit in hits:
        for entry in hit.entries:
            if entry.code and "ambiguous" not in entry.flags and entry.kind in ACTOR_KINDS:
                codes.add(entry.code)
    return codes


class _Actors:
    """One Actor per dictionary row (two for a person with a role: in office on the article's day or not), made
    the first time the row is read and shared by every mention of it after that."""

    def __init__(self) -> None:
        self._made: dict[int, tuple[Entry, Actor]] = {}        # by id() of the row, which the tuple keeps alive
        self._out_of_office: dict[int, tuple[Entry, Actor]] = {}

    def get(self, entry: Entry, day: date | None) -> Actor:
        made = self._made
        if entry.kind == "PERSON" and entry.role is not None and not entry.valid_on(day):
            made = self._out_of_office
        found = made.get(id(entry))
        if found is None:
            found = made[id(entry)] = (entry, _actor(entry, day))
        return found[1]


class _PackWords:
    """What resolution reads from a pack's grammar, prepared once per pack."""

    def __init__(self, pack) -> None:
        glue_words = pack.words("phrase_glue")
        alternatives = "|".join(re.escape(w) for w in glue_words)
        self.glue = re.compile(rf"\s*(?:(?:{alternatives})\s*)?" if alternatives else r"\s*")
        self.stop_names = frozenset(pack.words("not_names"))
        # a title before its state ("Kanselir Jerman"): a place right before a title is not its holder
        self.title_first = bool(pack.grammar.get("title_first"))
        self.actors = _Actors()
        self._role_aliases = pack.grammar.get("role_aliases", {})
        self._aliases: dict[str | None, frozenset[str | None]] = {}
        self.portfolio_heads = frozenset(pack.words("portfolio_heads"))
        self.portfolio, self.first_portfolio = _portfolio_regexes(pack, self.portfolio_heads)
        self.deputy = _deputy_regex(pack.words("deputy_prefixes"))
        # a run of capitalised words between a minister's title and its state is a portfolio the roles do not list
        # ("Wakil Menteri Keamanan Publik China"): only where the title stands before its state
        self.unlisted_portfolio = re.compile(
            rf"(?:,?\s+(?:(?:{'|'.join(re.escape(c) for c in pack.words('portfolio_connectors'))})\s+)?"
            r"[A-ZÀ-ÖØ-Þ][\w’'-]*){1,8}\s+") if self.title_first and self.portfolio_heads else None

    def aliases(self, role: str | None) -> frozenset[str | None]:
        """The roles a title of `role` may refer back to: its own and the grammar's aliases of it."""
        found = self._aliases.get(role)
        if found is None:
            found = self._aliases[role] = frozenset(
                {str(r).lower() for r in self._role_aliases.get(role, ())} | {role})
        return found


def _pack_words(pack) -> _PackWords:
    cached = pack.__dict__.get("_resolve_words")
    if cached is None:
        cached = pack.__dict__["_resolve_words"] = _PackWords(pack)
    return cached


def _portfolio_regexes(pack, heads: frozenset[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The portfolios the role dictionary names ("Menteri Kehutanan" → "Kehutanan", "Minister of Trade" and "Trade
    Minister" → "Trade"), as two patterns: one more portfolio after a coordinator or in a comma list, and the first
    one after a bare title and its preposition ("Minister for Trade")."""
    prepositions = pack.words("portfolio_prepositions")
    connectors = pack.words("portfolio_connectors")
    portfolios: set[str] = set()
    for entry in pack.entries:
        if not entry.kind.startswith("ROLE_"):
            continue
        words = entry.name.split()
        if len(words) < 2:
            continue
        if words[0].lower() in heads:
            rest = words[2:] if words[1].lower() in prepositions else words[1:]
        elif words[-1].lower() in heads:
            rest = words[:-1]
        else:
            continue
        if rest and rest[0][:1].isupper():
            portfolios.add(" ".join(rest))
    if not heads or not connectors or not portfolios:
        return None, None
    names = "|".join(re.escape(p) for p in sorted(portfolios, key=len, reverse=True))
    joined = "|".join(re.escape(c) for c in connectors)
    more = re.compile(rf"(?:,?\s+(?:{joined})\s+(?:{names})|,\s+(?:{names})(?=,|\s+(?:{joined})\s))(?![\w-])")
    first = re.compile(rf"\s+(?:{'|'.join(re.escape(p) for p in prepositions)})\s+(?:the\s+)?(?:{names})(?![\w-])") \
        if prepositions else None
    return more, first


def _deputy_regex(prefixes: list[str]) -> re.Pattern[str] | None:
    """The words that make a title its holder's deputy ("Deputy", "Vice"), as they end the text before a title."""
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})\s+$", re.IGNORECASE)


def _deputies(text: str, hits: list[Hit], words: _PackWords) -> list[Hit]:
    """"Deputy Justice Minister", "Vice Trade Minister": a deputy's title is the title after the prefix with the
    role of its deputy, so that neither the holder of the post nor a bare title's earlier holder is read for it."""
    deputy = words.deputy
    out: list[Hit] = []
    for hit in hits:
        if hit.kind == "ROLE_PERSON" and hit.start and (found := deputy.search(text, max(0, hit.start - 20),
                                                                                hit.start)) \
                and not (out and out[-1].end > found.start()):
            entries = tuple(e if e.role is None or e.role.startswith(("deputy ", "vice "))
                            else replace(e, role=f"deputy {e.role}") for e in hit.entries)
            hit = Hit(found.start(), hit.end, entries)
        out.append(hit)
    return out


def _unlisted_portfolios(text: str, hits: list[Hit], words: _PackWords) -> list[Hit]:
    """"Wakil Menteri Kehakiman Filipina", "Menteri Keamanan Publik China": capitalised words between a minister's
    title and the state right after them are a portfolio the roles do not list; the title runs over them."""
    gap = words.unlisted_portfolio
    heads = words.portfolio_heads
    out = list(hits)
    for i in range(len(hits) - 1):
        hit, following = hits[i], hits[i + 1]
        if not hit.kind.startswith("ROLE_") or following.kind != "STATE" \
                or heads.isdisjoint(text[hit.start:hit.end].lower().split()):
            continue
        between = text[hit.end:following.start]
        if gap.fullmatch(between) and "\n" not in between:
            out[i] = Hit(hit.start, hit.end + len(between.rstrip()), hit.entries)
    return out


def _with_portfolios(text: str, hits: list[Hit], words: _PackWords) -> list[Hit]:
    """"Menteri Lingkungan Hidup dan Kehutanan Indonesia", "Australia's Minister for Trade and Tourism Don Farrell":
    a minister's title runs over every portfolio it joins, so the state or the name after it is its holder."""
    more, first = words.portfolio, words.first_portfolio
    heads = words.portfolio_heads
    out = list(hits)
    for i, hit in enumerate(hits):
        if not hit.kind.startswith("ROLE_"):
            continue
        title = text[hit.start:hit.end].lower()
        if title.split(maxsplit=1)[0] not in heads:
            continue                # ("Foreign Minister and Defence Minister …": a title that ends in its head)
        limit = hits[i + 1].start if i + 1 < len(hits) else len(text)
        end = hit.end
        if first is not None and title in heads and (found := first.match(text, end)) and found.end() <= limit:
            end = found.end()
        while (found := more.match(text, end)) and found.end() <= limit:
            end = found.end()
        if end != hit.end:
            out[i] = Hit(hit.start, end, hit.entries)
    return out


def _phrases(text: str, hits: list[Hit], words: _PackWords) -> list[_Phrase]:
    """Group hits that touch (only spaces or glue words between them) into phrases."""
    phrases: list[_Phrase] = []
    fullmatch = words.glue.fullmatch
    last = None
    for hit in hits:
        if last is not None:
            # the pattern on the gap where it lies, not on a copy of it: most gaps are long and fail at once
            if (fullmatch(text, last.end, hit.start) and text.find("\n", last.end, hit.start) < 0
                    and _joinable(last.hits[-1], hit)
                    and not (words.title_first and hit.kind.startswith("ROLE_")
                             and last.hits[-1].kind in ("STATE", "CITY", "IGO"))):
                # ("ke Beijing Kanselir Jerman menyampaikan …": the chancellor is Germany's, not Beijing's)
                last.hits.append(hit)
                last.end = hit.end
                continue
        last = _Phrase(hit.start, hit.end, [hit])
        phrases.append(last)
    return phrases


def _joinable(previous: Hit, following: Hit) -> bool:
    # Two full actors side by side ("Rusia China", "Putin Xi") are a list, not one phrase;
    # a title, or a state followed by a person or an institution, is one phrase.
    kinds = (previous.kind, following.kind)
    if previous.kind.startswith("ROLE_") or following.kind.startswith("ROLE_"):
        return True
    if following.kind == "STATE" and previous.kind == "ORG" \
            and any(e.kind.startswith("ROLE_") for e in previous.entries):
        return True         # "Kemlu India": a body's short name that is also a title takes the state after it
    return kinds in {("STATE", "PERSON"), ("IGO", "PERSON"), ("ORG", "PERSON"), ("STATE", "ORG"), ("IGO", "ORG")}


def _pick(hit: Hit, day: date | None, support: set[str]) -> Entry | None:
    if len(hit.entries) == 1:          # most hits: the same choice without the lists
        entry = hit.entries[0]
        if entry.kind not in ACTOR_KINDS or ("ambiguous" in entry.flags and entry.code not in support):
            return None
        return entry
    entries = [e for e in hit.entries if e.kind in ACTOR_KINDS]
    if not entries:
        return None
    in_office = [e for e in entries if e.valid_on(day)] or entries
    preferred = [e for e in in_office if "ambiguous" not in e.flags or e.code in support]
    if not preferred:
        return None
    codes = {e.code for e in preferred}
    if len(codes) > 1:
        supported = [e for e in preferred if e.code in support]
        preferred = supported or preferred
    return preferred[0]


def _vouched(hit: Hit, hits: list[Hit]) -> Hit:
    """A person with rows under several codes, read in a titled phrase: the rows the phrase's state or body names
    ("German Foreign Minister Annalena Baerbock" is Germany's, whatever else the dictionary holds for her on that
    day); all rows when it names none of them."""
    if hit.kind != "PERSON" or len({e.code for e in hit.entries}) < 2:
        return hit
    named = {e.code for other in hits if other is not hit and other.kind in ("STATE", "IGO", "ORG", "CITY")
             for e in other.entries if e.code}
    rows = tuple(e for e in hit.entries if e.code in named)
    return Hit(hit.start, hit.end, rows) if rows else hit


def _actor(entry: Entry, day: date | None) -> Actor:
    if entry.kind == "CITY":
        sector = entry.sector if "metonym" in entry.flags else None
        return Actor(entry.country or entry.code or "", "CITY", entry.canonical, entry.country, sector, entry.role)
    if entry.kind == "IGO":
        return Actor(entry.code or "", "IGO", entry.canonical, None, entry.sector or "IGO", entry.role)
    role = entry.role if entry.kind != "PERSON" or entry.valid_on(day) else None
    return Actor(entry.code or "", entry.kind, entry.canonical, entry.country, entry.sector, role)


def _new_name(text: str, start: int, stop_names: frozenset[str]) -> tuple[int, int] | None:
    """Capitalised words right after `start` that read as a person's name ("Bruno Rodríguez")."""
    cursor, tokens, end = start, 0, None
    while tokens < 5:
        space = _BLANKS.match(text, cursor)
        if not space and tokens:
            break
        position = space.end() if space else cursor
        token = _NAME_TOKEN.match(text, position)
        particle = _PARTICLE.match(text, position)
        if token and token.group().rstrip(".,").lower() not in stop_names:
            end = position + len(token.group().rstrip(".,’'"))
            cursor, tokens = end, tokens + 1
            if text[end:end + 1] in ",":
                break
        elif particle and particle.group() in _NAME_PARTICLES and particle.group() not in stop_names and tokens:
            # ("Luigi di Maio", but Indonesian "Jamieson Greer di Washington": there "di" is a preposition)
            cursor = particle.end()
        else:
            break
    if end is None:
        return None
    return (_SPACES.match(text, start).end(), end)


def _first_of_longer_name(text: str, hit: Hit, stop_names: frozenset[str]) -> bool:
    """Whether a one-word person name runs on into another capitalised name ("Christian Lindner")."""
    if hit.kind != "PERSON" or " " in text[hit.start:hit.end].strip():
        return False
    following = _new_name(text, hit.end, stop_names)
    return following is not None and following[0] - hit.end <= 1


def _as_role(hit: Hit) -> Hit:
    """The title reading of a hit that is also a named body ("Foreign Office" is the UK's, "Pakistan's Foreign
    Office" is Pakistan's)."""
    roles = tuple(e for e in hit.entries if e.kind.startswith("ROLE_"))
    return Hit(hit.start, hit.end, roles) if roles and not hit.kind.startswith("ROLE_") else hit


def _resolve_phrase(text, phrase: _Phrase, pack, day, support, stop_names, new_names, earlier) -> list[Mention]:
    if len(phrase.hits) > 1:
        # "Finance Minister Christian Lindner": a one-word name followed by another capitalised name is the first
        # name of someone else, not the surname it is in the dictionary ("Christian" of Micronesia)
        hits = [h for h in phrase.hits if not _first_of_longer_name(text, h, stop_names)]
        if len(hits) < len(phrase.hits):
            phrase = _Phrase(phrase.start, hits[-1].end if hits else phrase.end, hits)
    if len(phrase.hits) == 1:
        return _resolve_hit(text, phrase, pack, day, support, earlier, stop_names, new_names)
    if len(phrase.hits) > 1 and any(h.kind in ("STATE", "IGO") for h in phrase.hits):
        phrase = _Phrase(phrase.start, phrase.end,
                         [_as_role(h) if h.kind in ("ORG", "CITY") else h for h in phrase.hits])
    person_title = next((h for h in phrase.hits if h.kind == "ROLE_PERSON"), None)
    institution = next((h for h in phrase.hits if h.kind == "ROLE_ORG"), None)
    people = [h for h in phrase.hits if h.kind == "PERSON"]
    holders = [h for h in phrase.hits if h.kind in ("STATE", "IGO", "ORG", "CITY")]
    titled = any(h.kind.startswith("ROLE_") for h in phrase.hits)
    # A title vouches for an ambiguous name: "Presiden Georgia" is the state, not the US state.
    phrase_support = support | {e.code for h in phrase.hits for e in h.entries if e.code} if titled else support
    picked = {id(h): _pick(_vouched(h, phrase.hits) if titled else h, day, phrase_support)
              for h in phrase.hits if h.kind in ACTOR_KINDS}
    actors = _pack_words(pack).actors
    holder = next((h for h in holders if picked.get(id(h)) is not None), None)
    holder_entry = picked.get(id(holder)) if holder else None
    extent = (phrase.start, phrase.end)
    parts = [
        Mention(h.start, h.end, text[h.start:h.end], actors.get(picked[id(h)], day), picked[id(h)].origin,
                extent=extent, part=True)
        for h in holders if picked.get(id(h)) is not None
    ]
    title = person_title or institution
    if people and picked.get(id(people[-1])) and holder_entry is not None and holder_entry.code \
            and holder_entry.kind in ("STATE", "CITY") and person_title is not None \
            and picked[id(people[-1])].country \
            and all(picked[id(people[-1])].country not in (e.code, e.country)
                    for h in holders if (e := picked.get(id(h))) is not None):
        # "Menteri Perdagangan AS Howard Lutnick": the title's state says whose minister this is; a namesake of
        # another state's ("John Howard") is someone else
        name_span = _new_name(text, people[-1].start, stop_names)
        if name_span is not None:
            code = holder_entry.country if holder_entry.kind == "CITY" else holder_entry.code
            role_entry = person_title.entries[0]
            name = text[name_span[0]:name_span[1]]
            actor = Actor(code or "", "PERSON", name, holder_entry.country if holder_entry.kind != "IGO" else None,
                          role_entry.sector, role_entry.role)
            new_names[name] = actor
            return parts + [Mention(name_span[0], name_span[1], name, actor,
                                    f"{role_entry.origin}+{holder_entry.origin}", extent=(phrase.start, name_span[1]))]
    if people and picked.get(id(people[-1])):
        head = people[-1]
        entry = picked[id(head)]
        actor = actors.get(entry, day)
        if person_title is not None:
            role_entry = person_title.entries[0]
            actor = Actor(actor.code, "PERSON", actor.name, actor.country, role_entry.sector or actor.sector,
                          role_entry.role or actor.role)
        return parts + [Mention(head.start, head.end, text[head.start:head.end], actor, entry.origin,
                                extent=extent if len(phrase.hits) > 1 else None)]
    if title is None:
        return [Mention(p.start, p.end, p.text, p.actor, p.rule) for p in parts]
    if holder_entry is None or not holder_entry.code:
        if institution is not None and "regime" in institution.entries[0].flags and not holders:
            return _regime_reference(text, phrase, institution, person_title, earlier, pack)   # "kepala junta"
        return _title_reference(text, phrase, title, earlier, pack, stop_names, new_names, day)
    code = holder_entry.code if holder_entry.kind != "CITY" else (holder_entry.country or holder_entry.code)
    country = holder_entry.country if holder_entry.kind != "IGO" else None
    role_entry = title.entries[0]
    rule = f"{role_entry.origin}+{holder_entry.origin}"
    if title is person_title:
        name_span = _new_name(text, phrase.end, stop_names)
        if name_span is not None:
            name = text[name_span[0]:name_span[1]]
            actor = Actor(code, "PERSON", name, country, role_entry.sector, role_entry.role)
            new_names[name] = actor
            return parts + [Mention(name_span[0], name_span[1], name, actor, rule,
                                    extent=(phrase.start, name_span[1]))]
        holder_name = pack.person_in_office(code, role_entry.role or "", day) if role_entry.role else None
        name = holder_name.canonical if holder_name else f"{holder_entry.canonical} {role_entry.role or 'official'}"
        actor = Actor(code, "PERSON", name, country, role_entry.sector, role_entry.role)
    else:
        actor = Actor(code, "ORG", f"{holder_entry.canonical} {role_entry.role or 'institution'}", country,
                      role_entry.sector, role_entry.role)
    return parts + [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], actor, rule)]


def _resolve_hit(text, phrase: _Phrase, pack, day, support, earlier, stop_names, new_names) -> list[Mention]:
    """_resolve_phrase for a phrase of one hit, most of them: the same result without the bookkeeping that
    several hits need."""
    hit = phrase.hits[0]
    kind = hit.kind
    if kind in ACTOR_KINDS:
        entry = _pick(hit, day, support)
        if entry is None:
            return []
        return [Mention(hit.start, hit.end, text[hit.start:hit.end], _pack_words(pack).actors.get(entry, day),
                        entry.origin)]
    if kind in ("ROLE_PERSON", "ROLE_ORG") and "regime" in hit.entries[0].flags:
        return _regime_reference(text, phrase, hit, hit if kind == "ROLE_PERSON" else None, earlier, pack)
    if kind in ("ROLE_PERSON", "ROLE_ORG"):
        return _title_reference(text, phrase, hit, earlier, pack, stop_names, new_names, day)
    return []


def _counted(text: str, start: int, pack) -> bool:
    """Whether a number of two or more counts the noun at `start` ("ketiga junta", "the three juntas")."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and int((pack.grammar.get("counts") or {}).get(before[-1].lower(), 0)) > 1


def _regime_reference(text: str, phrase: _Phrase, institution: Hit, person_title: Hit | None,
                      earlier: list[Mention], pack) -> list[Mention]:
    """"junta", "kepala junta", "the junta chief" with no state named: the regime of the state the article is
    about (the one named with that regime before, else the state named most often before its sentence, the last
    named of a tie). Counted ("ketiga junta militer itu"), they are several states' regimes: the clause step's
    description of several reads them."""
    if _counted(text, phrase.start, pack):
        return []
    word = (institution.entries[0].role or text[institution.start:institution.end]).split()[0].lower()
    state = next((m.actor.code for m in reversed(earlier) if not m.part and m.actor.kind == "ORG" and m.actor.code
                  and word in text[m.start:m.end].lower()), None)        # "junta Myanmar … the junta"
    if state is None:
        # not a state its own sentence names ("Xi Jinping berbicara dengan kepala junta")
        opened = _sentence_start(text, phrase.start)
        before = [m for m in earlier if m.start < opened] or earlier
        counts: dict[str, int] = {}
        for mention in before:
            if mention.actor.kind == "STATE" and mention.actor.code:
                counts[mention.actor.code] = counts.get(mention.actor.code, 0) + 1
        if not counts:
            return []
        top = max(counts.values())
        state = next(m.actor.code for m in reversed(before) if m.actor.kind == "STATE" and m.actor.code
                     and counts.get(m.actor.code) == top)          # a tie: the state named last
    entry = (person_title or institution).entries[0]
    kind = "PERSON" if person_title is not None else "ORG"
    actor = Actor(state, kind, f"{state} {entry.role or 'regime'}", state, entry.sector or "MIL", entry.role)
    return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], actor, "coref:regime")]


def _after_possessive(text: str, start: int, pack) -> bool:
    """Whether the word before `start` is a possessive determiner ("its", "their")."""
    words = pack.words("possessive_determiners")
    if not words:
        return False
    before = text[max(0, start - 12):start].rstrip().lower()
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()) for w in words)


def _speech_follows(text: str, end: int, pack) -> bool:
    """Whether a speech verb follows `end` ("its foreign minister said"): a speaker's tag, where the title is the
    speaking side's, not an object ("recalled its ambassador")."""
    after = text[end:end + 20].lstrip().lower()
    return any(after.startswith(w) and (len(after) == len(w) or not after[len(w)].isalnum())
               for w in pack.words("speech_after"))


def _title_reference(text: str, phrase: _Phrase, title: Hit, earlier: list[Mention], pack,
                     stop_names: frozenset[str], new_names: dict[str, Actor], day: date | None = None) -> list[Mention]:
    """A bare title ("Presiden", "Kepala Negara", "the minister") refers to the last person named with that role,
    or the last institution that role serves in ("Kedutaan Korea Utara ... Duta Besar"). Followed by a name the
    dictionary does not know ("Duta Besar Kang Chol"), it introduces that person, whose name is then recognised
    in the rest of the article. A bare institution is read by _home_ministry."""
    if title.kind == "ROLE_ORG" and len(phrase.hits) == 1:
        return _home_ministry(text, phrase, title, earlier, pack)
    if title.kind == "ROLE_PERSON" and len(phrase.hits) == 2:
        return _official_of_named_body(text, phrase, title, earlier, stop_names, new_names)
    if title.kind != "ROLE_PERSON" or len(phrase.hits) != 1:
        return []
    role = title.entries[0].role
    aliases = _pack_words(pack).aliases(role)
    name_span = _new_name(text, phrase.end, stop_names)
    if name_span is None and _after_possessive(text, phrase.start, pack) and _speech_follows(text, phrase.end, pack):
        # "Japan will impose sanctions on Russia, its foreign minister said": the role of the state the sentence
        # opened with (its subject, as a rule), else of the state named last
        opened = _sentence_start(text, phrase.start)
        state = next((m.actor for m in earlier if m.start >= opened and m.actor.kind == "STATE"), None) or next(
            (m.actor for m in reversed(earlier) if m.actor.kind == "STATE"), None)
        if state is not None:
            entry = title.entries[0]
            person = Actor(state.code, "PERSON", f"{state.name} {role or 'official'}", state.code,
                           entry.sector, role)
            return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], person, "coref:possessive")]
        return []
    if name_span is None:
        # "Presiden menggelar pertemuan dengan Presiden Peru Dina Boluarte. Dalam pertemuan itu Kepala Negara …": a
        # bare title goes on naming whom the bare title before it named (the story's protagonist) when the holder
        # named since was named in that same sentence, as its counterpart
        bare = next((m for m in reversed(earlier) if m.rule == "coref:title" and not m.part
                     and m.actor.kind == "PERSON" and m.actor.role in aliases), None)
        named = next((m for m in reversed(earlier) if not m.part and m.actor.kind == "PERSON"
                      and m.actor.role in aliases), None)
        if bare is not None and named is not None and named is not bare and named.start > bare.start \
                and not re.search(r"[.!?]\s", text[bare.end:named.start]):
            return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], bare.actor, "coref:title")]
    for mention in reversed(earlier):
        actor = mention.actor
        if mention.part or actor.role not in aliases or actor.kind not in ("PERSON", "ORG"):
            continue
        if name_span is not None:
            name = text[name_span[0]:name_span[1]]
            entry = title.entries[0]
            person = Actor(actor.code, "PERSON", name, actor.country, entry.sector or actor.sector, entry.role)
            new_names[name] = person
            return [Mention(name_span[0], name_span[1], name, person, "coref:title+name",
                            extent=(phrase.start, name_span[1]))]
        if actor.kind == "PERSON":
            return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], actor, "coref:title")]
    home = pack.grammar.get("home_state")
    entry = title.entries[0]
    if name_span is not None and not home and title.kind == "ROLE_PERSON" and entry.sector == "GOV" \
            and (dated := _dateline_state(text, earlier)) is not None \
            and not (entry.role and pack.person_in_office(dated, entry.role, day)):
        # "TOKYO (Reuters) - … Vice Foreign Minister Takehiro Funakoshi lodged a protest": a government title no
        # state qualifies, held by a name no one knows, is the government's where the story is filed (not a post
        # whose holder there is known: "ADDIS ABABA - … ousted President Mohamed Bazoum" is someone else's)
        name = text[name_span[0]:name_span[1]]
        person = Actor(dated, "PERSON", name, dated, entry.sector, entry.role)
        new_names[name] = person
        return [Mention(name_span[0], name_span[1], name, person, "dateline+name", extent=(phrase.start, name_span[1]))]
    # an official of a bare ministry ("juru bicara Kementerian Pertahanan") is the ministry's, read as a bare
    # ministry is (_home_ministry): the one of its kind named before ("Kementerian Luar Negeri China … Juru Bicara
    # Kemlu Lin Wei")
    ministry = entry.role.rsplit(" ", 1)[0] if home and "home" in entry.flags and entry.role else None
    named = _last_body(earlier, ministry)
    if name_span is not None and home and "home" in title.entries[0].flags:
        # "Menteri Hukum Supratman": a cabinet title that no state qualifies and no earlier holder explains is
        # the home state's, as the news of that language writes its own government
        name = text[name_span[0]:name_span[1]]
        state = named.actor.code if named is not None else str(home)
        person = Actor(state, "PERSON", name, state, entry.sector, entry.role)
        new_names[name] = person
        return [Mention(name_span[0], name_span[1], name, person, "home+name", extent=(phrase.start, name_span[1]))]
    if name_span is None and ministry:
        # "…," kata juru bicara Kementerian Pertahanan: else the home state's or the dateline's, once named
        state = named.actor.code if named is not None else (_dateline_state(text, earlier) or str(home))
        if named is not None or any(m.actor.code == state for m in earlier):
            person = Actor(state, "PERSON", f"{state} {entry.role}", state, entry.sector, entry.role)
            return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], person, "home")]
    return []


def _last_body(earlier: list[Mention], role: str | None) -> Mention | None:
    """The last body of `role` named before ("Kementerian Luar Negeri China", "China's coast guard"), or None."""
    if not role:
        return None
    return next((m for m in reversed(earlier) if not m.part and m.actor.kind == "ORG" and m.actor.role == role
                 and m.actor.code), None)


def _official_of_named_body(text: str, phrase: _Phrase, title: Hit, earlier: list[Mention],
                            stop_names: frozenset[str], new_names: dict[str, Actor]) -> list[Mention]:
    """"China's coast guard said … ," coast guard spokesperson Liu Dejun said": an official of a body no state
    qualifies is an official of the body of that kind the story named before (and a name after the title is the
    official's, recognised in the rest of the article)."""
    body = next((h for h in phrase.hits if h.kind == "ROLE_ORG"), None)
    if body is None:
        return []
    named = _last_body(earlier, body.entries[0].role)
    if named is None:
        return []
    entry = title.entries[0]
    code, sector = named.actor.code, entry.sector or named.actor.sector
    name_span = _new_name(text, phrase.end, stop_names)
    if name_span is not None:
        name = text[name_span[0]:name_span[1]]
        person = Actor(code, "PERSON", name, named.actor.country, sector, entry.role)
        new_names[name] = person
        return [Mention(name_span[0], name_span[1], name, person, "coref:body+name",
                        extent=(phrase.start, name_span[1]))]
    person = Actor(code, "PERSON", f"{named.actor.name} {entry.role or 'official'}", named.actor.country, sector,
                   entry.role)
    return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], person, "coref:body")]


def _home_ministry(text: str, phrase: _Phrase, title: Hit, earlier: list[Mention], pack) -> list[Mention]:
    """"Kementerian Luar Negeri mendesak Pemerintah Malaysia …": a ministry of the pack's home state (flag `home`)
    that no state qualifies is the one of its kind named before, else the home state's, or the state's
    where a story from abroad is filed ("Beijing (ANTARA) - Kementerian Luar Negeri …"), once the story has named
    that state."""
    home = pack.grammar.get("home_state")
    entry = title.entries[0]
    if not home or "home" not in entry.flags:
        return []
    seat = earlier[-1] if earlier else None
    if seat is not None and seat.actor.kind == "CITY" and seat.actor.sector and seat.actor.country \
            and text[seat.end:phrase.start].strip() == "," \
            and text[_sentence_start(text, seat.start):seat.start].strip().lower() in pack.words("place_openers"):
        # "Di Jakarta, Kementerian Luar Negeri mengimbau …": the capital the sentence opens with seats it
        state = seat.actor.country
        body = Actor(state, "ORG", f"{state} {entry.role or 'ministry'}", state, entry.sector, entry.role)
        return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], body, "seat")]
    named = _last_body(earlier, entry.role)
    if named is not None:
        # "Kementerian Luar Negeri China mengecam … Kementerian Luar Negeri juga memanggil …": the one named before
        return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], named.actor, "coref:title")]
    state = _dateline_state(text, earlier) or str(home)
    if not any(m.actor.code == state for m in earlier):
        return []               # (a story that has not named the state yet: "…," tambah Ryabkov, of Russia's)
    body = Actor(state, "ORG", f"{state} {entry.role or 'ministry'}", state, entry.sector, entry.role)
    return [Mention(phrase.start, phrase.end, text[phrase.start:phrase.end], body, "home")]


def _dateline_state(text: str, earlier: list[Mention]) -> str | None:
    """The state (code) of the city that opens the story's first dateline ("TOKYO, May 3 (Reuters) -"), or None."""
    from relasi.extract.meta import parse_dateline

    for mention in earlier:
        if mention.actor.kind != "CITY" or not mention.actor.country:
            continue
        opened = _sentence_start(text, mention.start)
        if mention.start != opened:
            return None
        dateline = parse_dateline(text[opened:opened + 200])
        if dateline is None or opened + dateline.end < mention.end:
            return None
        return mention.actor.country
    return None


# A title phrase (optionally with a short phrase of its post after it), then a name set off by commas
_APPOSITIVE_NAME = re.compile(r"(?:\s+[^\s,.;:()]+){0,4}?,\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),")


def _appositive_names(text: str, mentions: list[Mention], new_names: dict[str, Actor]) -> list[Mention]:
    """"Diplomat Perutusan Tetap RI untuk PBB, Rayyanul Sangadji, menyampaikan …", "the ministry's spokesperson,
    Wang Li, said": a name no dictionary knows, set off by commas right after a title, is the title's holder; later
    "Rayyanul" refers to the same person."""
    taken = sorted(m.span for m in mentions)
    found: list[Mention] = []
    for mention in mentions:
        if mention.part or mention.actor.kind != "PERSON" or "roles.tsv" not in mention.rule:
            continue
        match = _APPOSITIVE_NAME.match(text, mention.span[1])
        if match is None:
            continue
        span = match.span(1)
        if _overlaps(span, taken):
            continue                                      # a name the dictionary knows (or any actor) is its own
        name = match.group(1)
        actor = mention.actor
        person = Actor(actor.code, "PERSON", name, actor.country, actor.sector, actor.role)
        new_names.setdefault(name, person)
        taken.append(span)
        found.append(Mention(span[0], span[1], name, person, "apposition+title"))
    return found


@lru_cache(maxsize=4)
def _served_regexes(nouns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The serving noun and its preposition (found first, cheaply), and the whole apposition: a name, a comma and a
    description of whom it serves, ending where the served actor's mention starts."""
    alternatives = "|".join(re.escape(n) for n in nouns)
    served = re.compile(rf"\b(?:{alternatives})\s+(?:to|of|for)\s+(?:the\s+)?")
    before = re.compile(rf"((?:[A-Z][\w'’.-]*\s+){{1,3}}[A-Z][\w'’-]+),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}"
                        rf"(?:{alternatives})\s+(?:to|of|for)\s+(?:the\s+)?\Z")
    return served, before


def _apposed_officials(text: str, mentions: list[Mention], new_names: dict[str, Actor],
                       nouns: tuple[str, ...]) -> list[Mention]:
    """"Hikmet Hajiyev, a foreign policy adviser to Azerbaijani President Ilham Aliyev, rejected …": a name no
    dictionary knows, set off by a description of the adviser, aide or envoy of an actor, serves that actor's
    state; later "Hajiyev" refers to the same person."""
    served, before = _served_regexes(nouns)
    at = {m.span[0]: m for m in mentions if not m.part}
    taken = sorted(m.span for m in mentions)
    found: list[Mention] = []
    for description in served.finditer(text):     # "… adviser to ", then the served actor's mention
        mention = at.get(description.end())
        actor = mention.actor if mention is not None else None
        if actor is None or not actor.code or actor.kind not in ("PERSON", "STATE", "ORG"):
            continue
        match = before.search(text, max(0, mention.span[0] - 120), mention.span[0])
        if match is None or _overlaps(match.span(1), taken):
            continue
        name = match.group(1)
        state = actor.country or actor.code if actor.kind != "STATE" else actor.code
        person = Actor(state, "PERSON", name, state, actor.sector or "GOV", None)
        new_names.setdefault(name, person)
        taken.append(match.span(1))
        found.append(Mention(match.start(1), match.end(1), name, person, "apposition+served"))
    return found


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _institution_names(text: str, mentions: list[Mention], new_names: dict[str, Actor],
                       stop_names: frozenset[str]) -> list[Mention]:
    """"Direktur Pelindungan WNI Kemlu RI Judha Nugraha mengatakan …": a name of two words or more that no
    dictionary knows, right after a state's government body, is a person of that body's state; later "Judha" refers
    to the same person."""
    taken = sorted(m.span for m in mentions)
    found: list[Mention] = []
    for mention in mentions:
        actor = mention.actor
        if mention.part or actor.kind != "ORG" or actor.sector not in ("GOV", "DIP", "MIL") or not actor.code:
            continue
        # the body's acronym in brackets may stand between it and the name ("Perwakilan Dagang AS (USTR) Jamieson
        # Greer")
        end = mention.span[1] + (text[mention.span[1]:mention.span[1] + 1] == ")")
        span = _new_name(text, end, stop_names)
        if span is None or len(text[span[0]:span[1]].split()) < 2 or span[0] - end > 1:
            continue
        if _overlaps(span, taken):
            continue
        name = text[span[0]:span[1]]
        person = Actor(actor.code, "PERSON", name, actor.country or actor.code, actor.sector, None)
        new_names.setdefault(name, person)
        taken.append(span)
        found.append(Mention(span[0], span[1], name, person, "institution+name"))
    return found


def _surname_mentions(text: str, mentions: list[Mention], new_names: dict[str, Actor],
                      later_forms: tuple[str, ...] = ("last",)) -> list[Mention]:
    """Later "Rodríguez" refers to the "Menlu Kuba Bruno Rodríguez" introduced by a title, "Son" to the "Bui Thanh
    Son" the dictionary knows in full, "Sharaa" to "Ahmed al-Sharaa"; where the language names people by their
    first name later (`later_name_forms` in grammar.yaml), "Yaqut" to "Menteri Agama Yaqut Cholil Qoumas"."""
    named = dict(new_names)
    for mention in mentions:
        if mention.actor.kind == "PERSON" and not mention.part and " " in mention.text \
                and mention.text not in named and _ends_as(mention.actor.name, mention.text):
            named[mention.text] = mention.actor
    if not named:
        return []
    taken = [m.span for m in mentions]
    starts = {span[0] for span in taken}        # most occurrences are names matched already: rejected at once
    found: list[Mention] = []
    for full, actor in named.items():
        parts = full.split()
        forms = {full} if full in new_names else set()
        if len(parts) > 1:
            forms.add(parts[-1])
            article, _, rest = parts[-1].partition("-")
            if rest[:1].isupper() and article.lower() in _NAME_ARTICLES:
                forms.add(rest)             # "al-Sharaa" → "Sharaa"
            if "first" in later_forms and full in new_names and len(parts[0]) >= 4 and parts[0][0].isupper():
                forms.add(parts[0])
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 3 or not form[0].isupper():
                continue
            for span in _word_occurrences(text, form):
                if span[0] in starts or any(s <= span[0] < e or s < span[1] <= e for s, e in taken):
                    continue
                taken.append(span)
                starts.add(span[0])
                found.append(Mention(span[0], span[1], form, actor, "coref:surname"))
    return found


def _ends_as(name: str, text: str) -> bool:
    """Whether the dictionary's `name` of a person ends in the last word of `text`, accents aside ("Bùi Thanh Sơn",
    "… Bui Thanh Son"): the mention names the person, not only a title whose holder the dictionary knows."""
    last = text.split()[-1]
    return len(last) >= 3 and (name.endswith(last) or fold_accents(name).endswith(fold_accents(last)))


def _word_occurrences(text: str, form: str) -> list[tuple[int, int]]:
    r"""Where `form` stands in `text` as whole words (what `(?<!\w)form(?!\w)` finds, without compiling a pattern for
    every name of every page)."""
    found: list[tuple[int, int]] = []
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if (start == 0 or not is_word_char(text[start - 1])) and (end == len(text) or not is_word_char(text[end])):
            found.append((start, end))
        start = text.find(form, start + 1)
    return found


_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Z0-9]{1,6})\s*\)")


def _defined_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Angkatan Bersenjata Filipina (AFP)": an acronym the article defines after a name is that name's actor
    everywhere in the article (here AFP is not the French news agency), and so is a person it is part of ("Panglima
    AFP Jenderal Romeo Brawner Jr.")."""
    defined: dict[str, Actor] = {}
    for mention in mentions:
        if mention.part:
            continue
        match = _ACRONYM.match(text, mention.span[1])
        if match and match.group(1) != mention.text:
            defined.setdefault(match.group(1), mention.actor)
    if not defined:
        return mentions
    result: list[Mention] = []
    for mention in mentions:
        surface = text[mention.start:mention.end]
        owner = defined.get(surface)
        if owner is not None and owner.code != mention.actor.code:
            mention = Mention(mention.start, mention.end, mention.text, owner, "defined:acronym", mention.extent,
                              mention.part)
        elif mention.actor.kind == "PERSON":
            inside = next((a for acronym, a in defined.items()
                           if re.search(rf"(?<!\w){acronym}(?!\w)", text[mention.span[0]:mention.span[1]])), None)
            if inside is not None and inside.country and inside.country != mention.actor.country:
                actor = mention.actor
                person = Actor(inside.country, actor.kind, actor.name, inside.country, actor.sector, actor.role)
                mention = Mention(mention.start, mention.end, mention.text, person, "defined:acronym",
                                  mention.extent, mention.part)
        result.append(mention)
    # "Angkatan Pertahanan Australia (ADF)": an acronym no dictionary knows names the actor it was defined for, in the
    # parentheses and wherever the article uses it again
    taken = [(m.start, m.end) for m in result]
    for acronym, actor in defined.items():
        for found in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if not any(a < found.end() and found.start() < b for a, b in taken):
                result.append(Mention(found.start(), found.end(), acronym, actor, "defined:acronym"))
                taken.append((found.start(), found.end()))
    return result


def _short_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later "Wong" and "Wang" refer to the "Penny Wong" and "Wang Yi" named before: a known person's family name
    alone (the last word, or a short first word as in Chinese and Korean names), capitalised, not part of a longer
    name, after the person's first full mention."""
    first_seen: dict[str, tuple[int, Actor]] = {}
    people = [(m.extent or (m.start, m.end), m.actor) for m in mentions if m.actor.kind == "PERSON" and not m.part]
    for span, actor in sorted(people, key=itemgetter(0)):
        if actor.name and len(actor.name.split()) in (2, 3):
            first_seen.setdefault(actor.name, (span[1], actor))
    forms: dict[str, list[tuple[int, Actor]]] = {}
    for name, (after, actor) in first_seen.items():
        words = name.split()
        candidates = {words[-1]} | ({words[0]} if len(words[0]) <= 4 else set())
        for form in candidates:
            if form[:1].isupper() and form.isalpha() and len(form) > 1:
                forms.setdefault(form, []).append((after, actor))
    owner_of = {form: owners[0] for form, owners in forms.items()
                if len({actor.code + (actor.name or "") for _, actor in owners}) == 1}   # shared by two: no guess
    if not owner_of:
        return []
    alternation = "|".join(re.escape(form) for form in sorted(owner_of, key=len, reverse=True))
    taken = [m.span for m in mentions]
    starts = sorted(s for s, _ in taken)
    ends = {s: e for s, e in sorted(taken)}
    found: list[Mention] = []
    for match in _word_start_matches(re.compile(rf"(?:{alternation})(?![\w-])(?!\s+[A-Z])"), text, "-"):
        form, span = match.group(), (match.start(), match.end())
        after, actor = owner_of[form]
        k = bisect_right(starts, span[0])
        inside = k > 0 and ends[starts[k - 1]] > span[0] or k < len(starts) and starts[k] < span[1]
        if span[0] < after or inside:
            continue
        found.append(Mention(span[0], span[1], form, actor, "coref:surname"))
    return found


def _plural_references(text: str, mentions: list[Mention], pack) -> list[Mention]:
    """"kedua pemimpin" / "the two leaders" stand for the last two actors of different codes named before."""
    cached = pack.__dict__.get("_plural_regex")
    if cached is None:
        phrases = {str(k).lower(): v for k, v in pack.grammar.get("plural_references", {}).items()}
        alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE) if phrases else None
        # the same phrases in lower case on the folded text: the same matches where the text has no letter that
        # matches an ASCII letter in another case only (_CASE_TWINS), and an engine that skips ahead to "kedua"
        folded = (re.compile(rf"(?:{alternation})(?!\w)") if phrases and all(p.isascii() for p in phrases)
                  else None)
        cached = pack.__dict__["_plural_regex"] = (phrases, regex, folded)
    phrases, regex, folded = cached
    if regex is None:
        return []
    twins = folded is None or not text.isascii() and _CASE_TWINS.search(text) is not None
    matches = [] if twins else [regex.match(text, m.start()) for m in _word_start_matches(folded, fold(text))]
    if twins or None in matches:
        matches = list(regex.finditer(text))
    if not matches:
        return []
    heads = sorted((m for m in mentions if not m.part), key=lambda m: m.start)
    comparisons = tuple(pack.words("comparisons"))
    # "Maduro, seperti Díaz-Canel, …, dan keduanya": a comparison set off by commas is not one of the two
    heads = [m for m in heads if not _aside(text, m, comparisons)]
    # "perundingan yang dimediasi China … Kedua negara": a mediator or host is a third party, not one of the two
    third = tuple(pack.words("third_party_markers"))
    if third:
        heads = [m for m in heads if not _after_word(text, m, third)]
    # "met Biden in Bali. Both sides …": a place is a side only where the sides are not named otherwise ("Blinken
    # held talks in Beijing. Both sides …"), a capital where it names the place ("in Jakarta") too
    locative = tuple(pack.words("locative"))
    # (nor a state where it names the place: "bertemu Menlu China Wang Yi di Kazakhstan. Keduanya …"; but "in
    # Pakistan's Balakot" names Pakistan's place)
    sides = [m for m in heads if not (_after_word(text, m, locative) and text[m.end:m.end + 2] not in ("'s", "’s"))
             and (m.actor.kind != "CITY" or m.actor.sector)]
    found: list[Mention] = []
    verbal = frozenset(pack.words("verbal_plural_references"))
    for match in matches:
        phrase, wanted = match.group().lower(), phrases[match.group().lower()]
        if phrase in verbal and not _verb_follows(text, match.end(), pack.words("verbs_after_references")):
            continue                # "the two agreed …" names the sides, "the two missiles" does not
        owner = match.end() + 4 if text.startswith(" of ", match.end()) else match.end()
        if any(match.start() <= m.start < match.end() < m.end or m.start == owner
               or m.start == owner + 4 and text.startswith("the ", owner) for m in heads):
            continue                # "para pemimpin ASEAN", "the leaders of ASEAN": the name says whose they are
        # (also the people a leader addresses: "Anwar mendesak kedua pemimpin …" names the two he spoke to)
        addressed = _addressed_by(text, sides, match.start(), pack)
        candidates = sides if addressed is None else [m for m in sides if m.start < addressed]
        # "Thailand dan Kamboja bentrok … Sekjen ASEAN meminta kedua pihak …": two states named together are the
        # pair, before the last two names (where the language lists what joins them)
        chosen = (_last_pair(text, candidates, match.start(), _pair_gap(pack)) if wanted != "PERSON" else []) \
            or _last_two(candidates, match.start(), wanted)
        if len(chosen) < 2 and len(sides) < len(heads):
            chosen = _last_two(heads, match.start(), wanted)
        if not chosen and not any(m.end <= match.start() for m in heads):
            # "Kedua kepala negara menyepakati …, usai pertemuan Presiden Prabowo dan Presiden To Lam": named only
            # later in the sentence, the first two sides after it
            stop = text.find(". ", match.end())
            later = [m for m in reversed(sides) if match.end() <= m.start and (stop < 0 or m.start < stop)]
            chosen = list(reversed(_last_two(later, len(text) + 1, wanted)))
        if len(chosen) == 2:
            for actor in reversed(chosen):
                found.append(Mention(match.start(), match.end(), match.group(), actor, f"coref:{phrase}"))
    return found


def _vessel_references(text: str, mentions: list[Mention], pack) -> list[Mention]:
    """"Kapal-kapal China memasuki ZEE Indonesia. … Bakamla mengusir kapal-kapal tersebut", "Chinese vessels
    entered the zone … the coast guard drove the vessels away": a vessel referred back to is the state's whose
    vessel was named last (grammar `vessel_nouns`, `vessel_references`); the vessel may be named inside the owner's
    mention ("kapal penjaga pantai China") or a few words after it ("Chinese coast guard ships")."""
    cached = pack.__dict__.get("_vessel_regexes")
    if cached is None:
        nouns = sorted(pack.words("vessel_nouns"), key=len, reverse=True)
        alternation = "(?:" + "|".join(re.escape(n) for n in nouns) + ")"
        cached = pack.__dict__["_vessel_regexes"] = (
            frozenset(nouns),
            [re.compile(pattern.replace("<noun>", alternation), re.IGNORECASE)
             for pattern in pack.words("vessel_references")])
    nouns, references = cached
    found: list[Mention] = []
    if not references or not any(regex.search(text) for regex in references):
        return found
    heads = sorted((m for m in mentions if not m.part and m.actor.code), key=lambda m: m.start)
    english = pack.lang == "en"
    owners: list[tuple[int, Actor]] = []          # (offset, state) of each vessel named with its state
    for mention in heads:
        near = text[mention.end:mention.end + 40].lower() if english else \
            text[max(0, mention.start - 30):mention.start].lower()
        words = near.split()
        own = mention.text.lower().split()
        # "Chinese vessels", "Chinese coast guard ships"; "kapal China", "kapal-kapal penjaga pantai China"; a
        # mention that holds the vessel itself
        if any(word.strip(",.") in nouns for word in (words[:4] if english else words[-3:])) \
                or (own and own[-1 if english else 0] in nouns):
            owners.append((mention.start, mention.actor))
    if not owners:
        return found
    taken = [m.span for m in mentions]
    for regex in references:
        for match in regex.finditer(text):
            span = match.span()
            if _overlaps(span, taken):
                continue
            opened = _sentence_start(text, span[0])
            # (named in an earlier sentence: "Kapal patroli Bakamla mengusir kapal-kapal tersebut" is not Bakamla's)
            before = [actor for start, actor in owners if start < opened]
            if not before:
                continue
            owner = before[-1]
            state = Actor(owner.country or owner.code, "STATE", owner.name, owner.country or owner.code, None, None)
            found.append(Mention(span[0], span[1], match.group(), state, "coref:vessel"))
            taken.append(span)
    return found


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _addressed_by(text: str, sides: list[Mention], at: int, pack) -> int | None:
    """"UN Secretary-General Antonio Guterres called on both sides to …", "Washington urged both countries …": a
    reference a few words after a name in its own sentence, with no comma, conjunction or "that" between, is what
    that name's verb is aimed at, so the names its sentence opened with are none of its sides. Returns where that
    sentence starts (the sides must be named before it), or None."""
    before = [m for m in sides if m.end <= at]
    if not before:
        return None
    last = before[-1]
    gap = text[last.end:at]
    gap = gap[1:] if gap.startswith(",") else gap         # "…'s foreign policy chief, Josep Borrell, called on"
    words = gap.lower().split()
    if not words or len(words) > 3 or any(c in gap for c in ",;:.()\n\"“”") or gap.startswith("'"):
        return None
    if any(w in pack.words("reference_breaks") for w in words):
        return None
    return _sentence_start(text, last.start)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset `at` starts (after the last ". " or line break before it)."""
    stop = text.rfind(". ", 0, at)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, at) + 1)


def _verb_follows(text: str, end: int, verbs: tuple[str, ...]) -> bool:
    """Whether a verb (or an auxiliary or adverb before one) follows a phrase: "the two agreed", "the two also …"."""
    found = _NEXT_WORD.match(text, end)
    return found is not None and (found.group(1) in verbs or found.group(1).endswith("ed"))


def _pair_gap(pack) -> re.Pattern[str] | None:
    """What joins two states named as a pair (grammar `pair_reference_joiners`); None where the language lists none."""
    cached = pack.__dict__.get("_pair_gap", False)
    if cached is False:
        joiners = pack.words("pair_reference_joiners")
        words = [re.escape(w) for w in joiners if w.isalpha()]
        marks = [re.escape(w) for w in joiners if not w.isalpha()]
        parts = [rf"\s*(?:{'|'.join(words)})\s+"] if words else []
        parts += [rf"\s*(?:{'|'.join(marks)})\s*"] if marks else []
        cached = pack.__dict__["_pair_gap"] = re.compile("|".join(parts), re.IGNORECASE) if parts else None
    return cached


def _last_pair(text: str, heads: list[Mention], before: int, gap: re.Pattern[str] | None) -> list[Actor]:
    """The last two states named together ("Thailand dan Kamboja", "Armenia-Azerbaijan") in the 1,500 characters
    before `before`."""
    if gap is None:
        return []
    named = [m for m in heads if m.end <= before]
    pairs: list[list[Actor]] = []
    for first, second in zip(named, named[1:], strict=False):
        if not gap.fullmatch(text[first.end:second.start]):
            continue
        pair = _last_two([first, second], before, "STATE")      # ("both leaders": the two states' leaders)
        if len(pair) == 2 and all(a.kind == "STATE" for a in pair) \
                and all(m.actor.kind in ("STATE", "CITY", "PERSON") for m in (first, second)):
            pairs.append(list(reversed(pair)) + [first])
    recent = [p for p in pairs if before - p[2].start <= 1500]
    if not recent:
        return []
    # the pair the story names together most often ("Thailand and Cambodia … the two countries"), not a pair of
    # mediators named together last; a tie goes to the one named last
    counts: dict[frozenset[str], int] = {}
    for pair in pairs:
        key = frozenset((pair[0].code, pair[1].code))
        counts[key] = counts.get(key, 0) + 1
    best = max(recent, key=lambda p: (counts[frozenset((p[0].code, p[1].code))], p[2].start))
    return best[:2]


def _last_two(heads: list[Mention], before: int, wanted: str) -> list[Actor]:
    """The last two actors of different codes named before `before` that are of the `wanted` kind ("any")."""
    chosen: list[Actor] = []
    for mention in reversed(heads):
        if mention.end > before:
            continue
        actor = mention.actor
        if wanted == "STATE" and (actor.sector == "IGO" or actor.kind == "PERSON" and actor.country
                                  and actor.code != actor.country):
            continue                # "European Council President Charles Michel" stands for his body, no country
        if wanted == "STATE" and actor.kind not in ("STATE", "IGO") and actor.code \
                and actor.sector not in ("MED", "BUS", "CVL", "OTHER"):
            # "kedua negara" after "pejabat tinggi Korut" and "Malaysia": the states they stand for
            actor = Actor(actor.country or actor.code, "STATE", actor.country or actor.code,
                          actor.country or actor.code, None, None)
        kind_ok = wanted == "any" or actor.kind == wanted
        if kind_ok and all(actor.code != a.code for a in chosen):
            chosen.append(actor)
        if len(chosen) == 2:
            break
    return chosen


def _after_word(text: str, mention: Mention, words: tuple[str, ...]) -> bool:
    """Whether the mention comes right after one of `words` ("di Jakarta", "in Jakarta")."""
    before = text[max(0, mention.start - 20):mention.start].rstrip().lower()
    return any(before == word or before.endswith(f" {word}") for word in words)


def _aside(text: str, mention: Mention, comparisons: tuple[str, ...]) -> bool:
    if text[mention.end:mention.end + 1] != ",":
        return False
    before = text[max(0, mention.start - 20):mention.start].rstrip().lower()
    return any(before.endswith(f", {word}") for word in comparisons)


def _word_start_matches(regex: re.Pattern[str], text: str, also: str = "") -> list[re.Match[str]]:
    r"""`regex.finditer(text)` kept to matches that start a word (after no word character and none of `also`), as a
    leading (?<![\w...]) would; without that look-behind first, the engine skips ahead to where the pattern's
    first characters occur instead of trying every position. A match refused for its start is tried again one
    character later, as the look-behind would have been."""
    found: list[re.Match[str]] = []
    search = regex.search
    position = 0
    while (match := search(text, position)) is not None:
        start = match.start()
        if start > 0:
            before = text[start - 1]
            if before.isalnum() or before == "_" or before in also:
                position = start + 1
                continue
        found.append(match)
        position = match.end()
    return found
