#!/usr/bin/env python3
"""Score a newsgraph run against a hand-judged real-news audit batch.

Plain Python 3, no imports from the newsgraph repository.

    python3 score.py BATCH RUN            # score; write RUN/unjudged*.jsonl and RUN/expected_draft.jsonl
    python3 score.py BATCH RUN --merge    # first copy the judged lines of RUN/unjudged*.jsonl into BATCH
    python3 score.py BATCH RUN --json     # also write RUN/score.json

BATCH  e.g. /work/audit/dev : articles/, judgements.jsonl, entity_judgements.jsonl,
       pronoun_judgements.jsonl, expected.jsonl, expected_judged.jsonl
RUN    e.g. /work/audit/dev/baseline : facts.jsonl (newsgraph extract), entities.json
       (newsgraph entities GRAPH --format json), optional mentions.jsonl

Fact judgements are reused when a fact has the same doc+sentence+subject+predicate+object
as one judged before (in any run).  Entity-node judgements are reused on name+class+articles.
Recall numbers are printed only when expected-item judgements exist for this run: either
RUN/expected_judged.jsonl, or lines of BATCH/expected_judged.jsonl whose "run" is the RUN
folder's name.
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

FACT_KEY = ("doc", "sentence", "subject", "predicate", "object")
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "we", "i", "us", "you"}


def read_jsonl(path):
    if not os.path.exists(path):
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: bad JSON: {e}")
    return out


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def fkey(x):
    return tuple(x.get(k) for k in FACT_KEY)


def norm(s):
    s = unicodedata.normalize("NFKD", s or "").lower()
    return re.sub(r"[^a-z0-9 ]", "", s).strip()


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "   n/a"


def article_bodies(batch):
    """doc id -> body text (after front matter), the text newsgraph's offsets point into."""
    bodies = {}
    d = os.path.join(batch, "articles")
    if not os.path.isdir(d):
        return bodies
    for name in os.listdir(d):
        stem, ext = os.path.splitext(name)
        if ext not in (".md", ".txt"):
            continue
        with open(os.path.join(d, name), encoding="utf-8") as handle:
            t = handle.read()
        if ext == ".md" and t.startswith("---"):
            parts = t.split("---", 2)
            t = parts[2].lstrip("\n") if len(parts) == 3 else t
        bodies[stem] = t
    return bodies


def load_entities(run):
    p = os.path.join(run, "entities.json")
    if os.path.exists(p):
        return json.load(open(p, encoding="utf-8"))
    return None


def ekey(e):
    return (e.get("name") or e.get("label"), e.get("class") or e.get("type"), tuple(sorted(e.get("articles", []))))


def merge(batch, run):
    n = 0
    for src, dst, key in (
        ("unjudged.jsonl", "judgements.jsonl", fkey),
        ("unjudged_entities.jsonl", "entity_judgements.jsonl", ekey),
    ):
        rows = read_jsonl(os.path.join(run, src))
        judged = [r for r in rows if r.get("verdict")]
        if not judged:
            continue
        have = {key(r) for r in read_jsonl(os.path.join(batch, dst))}
        new = [r for r in judged if key(r) not in have]
        with open(os.path.join(batch, dst), "a", encoding="utf-8") as f:
            for r in new:
                r.setdefault("run", os.path.basename(os.path.normpath(run)))
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += len(new)
        print(f"merged {len(new)} judged line(s) from {src} into {dst} ({len(rows) - len(judged)} still unjudged)")
    return n


def precision_block(rows, title):
    c = Counter(r["verdict"] for r in rows)
    n = sum(c.values())
    print(
        f"  {title}: judged {n}  correct {c['correct']} ({pct(c['correct'], n)})  "
        f"partly {c['partly']} ({pct(c['partly'], n)})  wrong {c['wrong']} ({pct(c['wrong'], n)})"
        f"  | strict P {pct(c['correct'], n)}  lenient P (correct+partly) {pct(c['correct'] + c['partly'], n)}"
    )
    return {"judged": n, "correct": c["correct"], "partly": c["partly"], "wrong": c["wrong"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("batch")
    ap.add_argument("run")
    ap.add_argument("--merge", action="store_true", help="copy judged lines of RUN/unjudged*.jsonl into BATCH first")
    ap.add_argument("--threshold", type=float, default=0.7)
    ap.add_argument("--json", action="store_true", help="write RUN/score.json")
    a = ap.parse_args()
    batch, run = a.batch, a.run
    run_name = os.path.basename(os.path.normpath(run))
    if a.merge:
        merge(batch, run)

    result = {"run": run_name}
    bodies = article_bodies(batch)
    facts = read_jsonl(os.path.join(run, "facts.jsonl"))
    if not facts:
        sys.exit(f"no facts in {run}/facts.jsonl")
    judged = {}
    for r in read_jsonl(os.path.join(batch, "judgements.jsonl")):
        if r.get("verdict") in ("correct", "partly", "wrong"):
            judged.setdefault(fkey(r), r)  # first judgement wins

    # ---------------- facts ----------------
    rows, unjudged = [], []
    for x in facts:
        j = judged.get(fkey(x))
        if j:
            rows.append(dict(x, verdict=j["verdict"], error=j.get("error", "none")))
        else:
            u = {
                k: x.get(k)
                for k in (*FACT_KEY, "subject_text", "object_text", "confidence", "extractor", "negated", "modality")
            }
            body = bodies.get(x.get("doc"))
            if body and isinstance(x.get("start"), int) and isinstance(x.get("end"), int):
                u["span"] = body[x["start"] : x["end"]]
            u.update(verdict="", error="", note="", run=run_name)
            unjudged.append(u)
    write_jsonl(os.path.join(run, "unjudged.jsonl"), unjudged)
    print(
        f"== {run_name}: {len(facts)} facts, {len(rows)} with a judgement, "
        f"{len(unjudged)} unjudged -> {os.path.join(run, 'unjudged.jsonl')}"
    )
    print("Precision (judged facts only)")
    result["facts_total"] = len(facts)
    result["facts_unjudged"] = len(unjudged)
    result["precision_all"] = precision_block(rows, "all facts      ")
    result["precision_conf"] = precision_block(
        [r for r in rows if (r.get("confidence") or 0) >= a.threshold], f"confidence>={a.threshold}"
    )
    by_ex = defaultdict(list)
    for r in rows:
        by_ex[r.get("extractor", "?")].append(r)
    for ex in sorted(by_ex):
        precision_block(by_ex[ex], f"extractor {ex:12s}")
    errs = Counter(r["error"] for r in rows if r["verdict"] != "correct")
    print("  errors (partly+wrong):", ", ".join(f"{e} {n}" for e, n in errs.most_common()))
    result["errors"] = dict(errs)
    # pronouns
    pr = Counter()
    for r in rows:
        for side in ("subject", "object"):
            t = (r.get(side + "_text") or "").lower().split()
            if len(t) == 1 and t[0] in PRONOUNS:
                pr["wrong" if r["error"] == "wrong_coref" else "right_or_other"] += 1
    if pr:
        n = sum(pr.values())
        print(
            f"  pronoun arguments: {n}, resolved wrong (wrong_coref) {pr['wrong']}, "
            f"not wrong {pr['right_or_other']} ({pct(pr['right_or_other'], n)})"
        )
        result["pronouns"] = dict(pr)

    # ---------------- entity nodes ----------------
    ents = load_entities(run)
    if ents is not None:
        ej = {}
        for r in read_jsonl(os.path.join(batch, "entity_judgements.jsonl")):
            ej.setdefault(ekey(r), r)
        got, todo = [], []
        for e in ents:
            k = (e["label"], e["type"], tuple(sorted(e.get("articles", []))))
            if k in ej:
                got.append(ej[k])
            else:
                todo.append(
                    dict(
                        name=e["label"],
                        **{"class": e["type"]},
                        articles=e.get("articles", []),
                        aliases=[al["alias"] for al in e.get("aliases", [])],
                        verdict="",
                        correct_class="",
                        label_damaged=False,
                        note="",
                        run=run_name,
                    )
                )
        write_jsonl(os.path.join(run, "unjudged_entities.jsonl"), todo)
        c = Counter(g["verdict"] for g in got)
        n = len(got)
        print(
            f"Entity nodes: {len(ents)} named nodes, {n} judged, {len(todo)} unjudged "
            f"-> {os.path.join(run, 'unjudged_entities.jsonl')}"
        )
        print(
            "  "
            + "  ".join(f"{v} {c[v]} ({pct(c[v], n)})" for v in ("ok", "wrong_class", "junk", "split", "over_merged")),
            f" label_damaged {sum(1 for g in got if g.get('label_damaged'))}",
        )
        result["entity_nodes"] = dict(c, total=len(ents), unjudged=len(todo))
    else:
        print("Entity nodes: no RUN/entities.json (newsgraph entities GRAPH --format json > RUN/entities.json)")

    # ---------------- mentions (optional, newer versions) ----------------
    mentions = read_jsonl(os.path.join(run, "mentions.jsonl"))
    surface = defaultdict(set)
    for m in mentions:
        d = m.get("doc") or m.get("article")
        for k in ("text", "surface", "mention", "label", "entity", "name"):
            if isinstance(m.get(k), str):
                surface[d].add(norm(m[k]))
    if mentions:
        print(f"Mentions: {len(mentions)} lines in mentions.jsonl")

    # ---------------- expected items: draft + recall ----------------
    expected = read_jsonl(os.path.join(batch, "expected.jsonl"))
    node_names = defaultdict(dict)  # doc -> normalised name -> node label
    for e in ents or []:
        for d in e.get("articles", []):
            for nm in [e["label"]] + [al["alias"] for al in e.get("aliases", [])]:
                node_names[d][norm(nm)] = e["label"]
    draft = []
    for x in expected:
        y = dict(x, run=run_name, found="", matched=None, judge_note="")
        if x["kind"] == "entity":
            names = [x["name"], *x.get("aliases", [])]
            hit = next((node_names[x["doc"]][norm(nm)] for nm in names if norm(nm) in node_names[x["doc"]]), None)
            y["auto_node"] = hit
            if surface:
                y["auto_mention"] = any(norm(nm) in surface[x["doc"]] for nm in names)
        elif x["kind"] in ("fact", "statement"):
            body = bodies.get(x["doc"], "")
            hint = x.get("sentence_hint", "").split()
            cands = []
            if body and hint:
                m = re.search(r"\s+".join(re.escape(w) for w in hint[:4]), body)
                if m:
                    end = body.find("\n", m.start())
                    end = len(body) if end < 0 else end
                    cands = [
                        f"{f['subject']} | {f['predicate']} | {f['object']}"
                        for f in facts
                        if f["doc"] == x["doc"] and isinstance(f.get("start"), int) and m.start() <= f["start"] < end
                    ]
            y["candidates_in_paragraph"] = cands
        draft.append(y)
    write_jsonl(os.path.join(run, "expected_draft.jsonl"), draft)

    ej_path = os.path.join(run, "expected_judged.jsonl")
    exp = (
        read_jsonl(ej_path)
        if os.path.exists(ej_path)
        else [r for r in read_jsonl(os.path.join(batch, "expected_judged.jsonl")) if r.get("run") == run_name]
    )
    exp = [r for r in exp if r.get("found") not in ("", None)]
    if not exp:
        print(
            f"Recall: no expected_judged lines for run '{run_name}' - judge RUN/expected_draft.jsonl "
            f"(fill 'found' true/false/\"partly\") and save it as RUN/expected_judged.jsonl"
        )
    else:
        print(f"Recall (expected items judged for run '{run_name}'; partly counted separately)")

        def rec(kinds, label):
            rs = [r for r in exp if r["kind"] in kinds]
            c = Counter("partly" if r["found"] == "partly" else bool(r["found"]) for r in rs)
            n = len(rs)
            print(
                f"  {label:22s} found {c[True]}/{n} ({pct(c[True], n)})  partly {c['partly']}  missing {c[False]}"
                f"  | with partly as half: {pct(c[True] + 0.5 * c['partly'], n)}"
            )
            return {"n": n, "found": c[True], "partly": c["partly"], "missing": c[False]}

        result["recall_facts"] = rec({"fact"}, "facts")
        result["recall_statements"] = rec({"statement"}, "statements")
        result["recall_facts_and_statements"] = rec({"fact", "statement"}, "facts+statements")
        result["recall_roles"] = rec({"role"}, "roles")
        result["entity_coverage"] = rec({"entity"}, "entities as nodes")
        ents_found = [r for r in exp if r["kind"] == "entity" and r["found"] and "class_right" in r]
        ok = sum(1 for r in ents_found if r["class_right"])
        print(
            f"  entity class right     {ok}/{len(ents_found)} ({pct(ok, len(ents_found))}) of expected entities found as nodes"
        )
        result["entity_class_right"] = {"n": len(ents_found), "right": ok}
    pj = [r for r in read_jsonl(os.path.join(batch, "pronoun_judgements.jsonl")) if r.get("run") == run_name]
    if pj:
        c = Counter(r["verdict"] for r in pj)
        print(
            f"Pronoun resolutions judged for this run: right {c['right']}/{len(pj)}  partly {c['partly']}  wrong {c['wrong']}"
        )
        result["pronoun_judgements"] = dict(c, n=len(pj))
    if a.json:
        with open(os.path.join(run, "score.json"), "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
