"""Generated news: a JSONL corpus of short, dated, English news articles for the view's measurements.

    python tests/benchmarks/news_corpus.py 1000 -o /tmp/news-1000.jsonl

Each article has a dateline, a headline, a date, people with titles ("Finance Minister Dana
Abenova"), organisations, places, quotes ("...," said X.) and reported speech, drawn (seeded)
from a fixed cast in which a few people and organisations recur across many articles, as real
news does. Built with ``newsgraph build``, it exercises roles, statements and communities.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

_FIRST = [
    "Aliya",
    "Berik",
    "Dana",
    "Erlan",
    "Gulnar",
    "Kanat",
    "Madina",
    "Nurlan",
    "Saule",
    "Timur",
    "Anna",
    "Peter",
    "Maria",
    "John",
    "Olga",
    "Ivan",
    "Sarah",
    "Omar",
    "Helen",
    "Yusuf",
    "David",
    "Laura",
    "Michael",
    "Fatima",
    "George",
    "Irina",
    "Thomas",
    "Amina",
    "Robert",
    "Elena",
]
_LAST = [
    "Abenov",
    "Bekova",
    "Dosanov",
    "Ermekova",
    "Iskakov",
    "Kasymova",
    "Mukanov",
    "Nurova",
    "Omarov",
    "Sarsenova",
    "Smith",
    "Novak",
    "Garcia",
    "Khan",
    "Ivanova",
    "Brown",
    "Miller",
    "Petrov",
    "Wilson",
    "Taylor",
]
_ORGS = [
    "Ministry of Finance",
    "Ministry of Energy",
    "National Bank",
    "Senate",
    "Supreme Court",
    "Nur Otan Party",
    "Green Party",
    "Workers Union",
    "Central Election Commission",
    "Atlas Mining",
    "Steppe Rail",
    "Caspian Oil Company",
    "University of Almaty",
    "Red Crescent",
    "Chamber of Commerce",
    "Eurasian Bank",
    "Football Federation",
    "Academy of Sciences",
    "Civil Aviation Committee",
    "Water Agency",
]
_ROLES = [
    "Chairman",
    "Deputy Chairman",
    "First Deputy Chairman",
    "Minister",
    "Director",
    "President",
    "spokeswoman",
    "spokesman",
    "General Secretary",
    "Chief Executive",
    "Governor",
    "head",
]
_PLACES = [
    "Astana",
    "Almaty",
    "Shymkent",
    "Karaganda",
    "Aktobe",
    "Pavlodar",
    "Atyrau",
    "Kostanay",
    "Taraz",
    "Moscow",
    "Beijing",
    "London",
    "Berlin",
    "Tashkent",
    "Bishkek",
]
_TOPICS = [
    ("the new tax code", "budget"),
    ("the railway project", "transport"),
    ("the pension reform", "pensions"),
    ("the water supply programme", "water"),
    ("the oil export agreement", "oil"),
    ("the election campaign", "election"),
    ("the mining licence", "mining"),
    ("the flood relief plan", "floods"),
    ("the national football league", "football"),
    ("the digital identity programme", "technology"),
]
_VERBS = [
    "met with",
    "criticised",
    "praised",
    "visited",
    "thanked",
    "invited",
    "supported",
    "appointed",
    "congratulated",
    "called on",
]
_QUOTES = [
    "We will finish {topic} before the end of the year",
    "{topic_cap} is a priority for the whole country",
    "Nobody should doubt our commitment to {topic}",
    "The figures for {topic} are better than expected",
    "We need more time to study {topic}",
    "{org} will not accept delays in {topic}",
]


def _people(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(name, role, organisation): the cast; the first ones recur the most."""
    cast, seen = [], set()
    while len(cast) < count:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        if name in seen:
            continue
        seen.add(name)
        cast.append((name, rng.choice(_ROLES), rng.choice(_ORGS)))
    return cast


def _pick(rng: random.Random, items: list, skew: float = 1.3):
    """Zipf-like: the first items are picked much more often."""
    weights = [1.0 / (i + 1) ** skew for i in range(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


def article(rng: random.Random, number: int, cast: list[tuple[str, str, str]]) -> dict[str, str]:
    topic, tag = rng.choice(_TOPICS)
    place = _pick(rng, _PLACES)
    a, b, c = (_pick(rng, cast) for _ in range(3))
    while b == a:
        b = _pick(rng, cast)
    org = _pick(rng, _ORGS)
    day = 1 + number % 28
    month = 1 + (number // 28) % 12
    date = f"2024-{month:02d}-{day:02d}"
    quote = rng.choice(_QUOTES).format(topic=topic, topic_cap=topic[0].upper() + topic[1:], org=org)
    verb = rng.choice(_VERBS)
    sentences = [
        f"{place.upper()}. KAZINFORM - {a[2]} {a[1]} {a[0]} {verb} {b[1]} of {b[2]} {b[0]} in {place} on Monday.",
        f"The two discussed {topic} and the work of the {org}.",
        f'"{quote}," said {a[0]}.',
        f"{b[0]} said that the {b[2]} would support {topic}.",
        f"According to {c[0]}, {c[1]} of the {c[2]}, the {org} will present a report on {tag} in {rng.choice(_PLACES)}.",
        f"{a[0]} also thanked the {b[2]} for its work on {tag}.",
    ]
    if rng.random() < 0.5:
        sentences.append(f'"This is a good day for {place}," {c[0]} told reporters.')
    return {
        "id": f"news-{number:04d}",
        "title": f"{a[0]} and {b[0]} discuss {topic}",
        "published": date,
        "url": f"https://news.example/{number}",
        "text": " ".join(sentences),
    }


def write_corpus(path: Path, articles: int, *, seed: int = 7) -> Path:
    rng = random.Random(seed)
    cast = _people(rng, max(12, min(400, articles // 2)))
    with path.open("w", encoding="utf-8") as handle:
        for number in range(articles):
            handle.write(json.dumps(article(rng, number, cast), ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(write_corpus(args.output, args.articles, seed=args.seed))
