"""Coreference and entity classes on the GUM news development documents.

    python tests/benchmarks/coref_benchmark.py [--gold ../shared/benchmarks/gum-news] [--keep DIR]

Copies the documents' ``DOC.txt`` into a temporary folder, runs ``newsgraph extract --format
mentions`` over it, and prints ``newsgraph eval coref`` (MUC, B-cubed, CEAF-e, CoNLL F1, pronoun
accuracy) and ``newsgraph eval types`` (class accuracy on proper-name chains).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: ../shared beside the checkout (or beside the folder of worktrees)
DEFAULT_GOLD = next(
    (p / "shared" / "benchmarks" / "gum-news" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "benchmarks" / "gum-news",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help="folder with DOC.txt, DOC.conll, DOC.mentions.jsonl"
    )
    parser.add_argument("--keep", type=Path, help="write mentions.jsonl here too")
    args = parser.parse_args(argv)
    texts = sorted(args.gold.glob("*.txt"))
    if not texts:
        print(f"no DOC.txt files in {args.gold}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        for text in texts:
            shutil.copy(text, articles / text.name)
        mentions = Path(tmp) / "mentions.jsonl"
        newsgraph = [sys.executable, "-m", "graph"]
        with mentions.open("w", encoding="utf-8") as out:
            subprocess.run([*newsgraph, "extract", str(articles), "--format", "mentions"], check=True, stdout=out)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(mentions, args.keep / "mentions.jsonl")
        for command in ("coref", "types"):
            subprocess.run(
                [*newsgraph, "eval", command, "--gold", str(args.gold), "--system", str(mentions)], check=True
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
