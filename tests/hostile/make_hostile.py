"""Generate the hostile-input corpus.

    python tests/hostile/make_hostile.py tests/hostile/corpus          # the small files, committed
    python tests/hostile/make_hostile.py --specials DIR                 # plus what cannot be committed

The committed corpus (``tests/hostile/corpus/``) holds small files; ``--specials`` adds, in a
scratch copy, the files git cannot or should not hold: a 20 MB article, a JSONL file with a 14 MB
line, a directory with symlink loops, a file nobody may read, a named pipe and a file whose name
has quotes, angle brackets, an emoji and a backslash. ``EXPECTED`` (also written as
``EXPECTED.json``) and what :func:`write_specials` returns say what a build must do with each
input; ``tests/test_hostile.py`` builds the corpus with ``newsgraph build`` and compares.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import struct
import zlib
from pathlib import Path

GOOD_NAMES = 'Anna O\'Neil-Smith <b>, "Kaz" & Co #1, back\\slash Ltd and the 😀 Club'
#: a file name with quotes, angle brackets, an ampersand, a hash, spaces, an emoji and a backslash
#: (made at test time: git on other systems cannot check it out)
HOSTILE_FILE_NAME = '"quoted" <b> & #1 😀 back\\slash.txt'
MAX_ARTICLE_CHARS = 1_000_000  # the build's default --max-article-chars
NOT_AN_ARTICLE = "not an article file (newsgraph reads .txt, .md, .jsonl, .html and .htm files)"
TOO_LONG = (
    f"article of {{size:,}} bytes is longer than the limit of {MAX_ARTICLE_CHARS:,} characters; split it into several "
    "articles (e.g. a JSONL file, one a line) or raise --max-article-chars"
)

#: source (a path relative to the corpus folder; a JSONL line as FILE:LINE) -> what a build does with it:
#: ``{"article": ID, "says": words of its text}`` (built, under that id) or ``{"skipped": REASON}``
#: (reported once on stderr and in report.json, with exactly that reason)
EXPECTED: dict[str, dict[str, str]] = {
    "empty.txt": {"skipped": "empty file"},
    "whitespace-only.txt": {"skipped": "empty file"},
    "binary-png.txt": {"skipped": "binary file (a PNG image), not text"},
    "utf16-with-bom.txt": {"article": "utf16-with-bom", "says": "The Senate approved the budget for 2020."},
    "utf16-without-bom.txt": {"article": "utf16-without-bom", "says": "The Mazhilis of Kazakhstan adopted the budget"},
    "latin-1.txt": {"article": "latin-1", "says": "Jos\xe9 Mar\xeda Aznar visited the caf\xe9 owners in M\xe1laga."},
    "no-known-encoding.txt": {"skipped": "not text in any encoding it could recognise"},
    "utf8-with-bom.txt": {"article": "utf8-with-bom", "says": "The minister of finance met the governor of the bank."},
    "mixed-scripts.txt": {"article": "mixed-scripts", "says": "(Нурсултан Назарбаев, Нұрсұлтан Назарбаев)"},
    "one-long-sentence.txt": {
        "article": "one-long-sentence",
        "says": "The committee said that the minister and the mayor",
    },
    "punctuation-only.txt": {"skipped": "no text to read (no letters)"},
    "hostile-page.html": {
        "article": "hostile-page",
        "says": "The minister <b>Aigerim Tulegenova</b> met the delegation",
    },
    "hostile-names.txt": {"article": "hostile-names", "says": GOOD_NAMES + " signed an agreement"},
    "batch.jsonl:1": {"article": "batch-1", "says": "The parliament of Kazakhstan adopted the new law."},
    "batch.jsonl:2": {"skipped": "not valid JSON (Expecting property name enclosed in double quotes)"},
    "batch.jsonl:3": {"article": "batch-3", "says": "Tokayev met the governor of Almaty region."},
    "batch.jsonl:4": {"skipped": "needs an 'id' and a 'text' string"},
    "EXPECTED.json": {"skipped": NOT_AN_ARTICLE},  # a file of another kind in the folder is named, not passed over
}
#: what the page's scripts and attributes hold: never text of the graph
#: and no byte-order mark
NEVER_TEXT = ("hostileTitle", "hostileImage", "hostileBody", "onerror", "\ufeff")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace-only.txt").write_text("  \n\t\n   \n", encoding="utf-8")
    (folder / "binary-png.txt").write_bytes(_png())
    (folder / "utf16-with-bom.txt").write_bytes(
        "ASTANA. KAZINFORM - The Senate approved the budget for 2020. Its speaker thanked the deputies.".encode(
            "utf-16"
        )
    )
    (folder / "utf16-without-bom.txt").write_bytes(  # charset-normalizer tells
        (
            "The Mazhilis of Kazakhstan adopted the budget for 2021 on Thursday. The speaker of the chamber thanked the "
            "deputies for their work."
        ).encode("utf-16-le")
    )
    (folder / "latin-1.txt").write_bytes(
        "Jos\xe9 Mar\xeda Aznar visited the caf\xe9 owners in M\xe1laga. The mayor welcomed the d\xe9l\xe9gation.".encode(
            "latin-1"
        )
    )
    noise = random.Random(8)  # bytes above 0x7f without a pattern: no encoding fits
    (folder / "no-known-encoding.txt").write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(2000)))
    (folder / "utf8-with-bom.txt").write_bytes(
        "\ufeffThe minister of finance met the governor of the bank.".encode("utf-8")
    )
    (folder / "mixed-scripts.txt").write_text(
        "Nursultan Nazarbayev (Нурсултан Назарбаев, Нұрсұлтан Назарбаев) met the students of Almaty. "
        "Президент встретился с депутатами. The Mazhilis adopted the law on Qazaqstan's budget.",
        encoding="utf-8",
    )
    words = ["the", "minister", "and", "the", "mayor", "met", "the", "delegation", "of", "the", "province"]
    (folder / "one-long-sentence.txt").write_text(
        "The committee said that " + " ".join(words[i % len(words)] for i in range(5000)) + ".", encoding="utf-8"
    )
    (folder / "punctuation-only.txt").write_text("!!! ??? ... --- ;;; ((( ))) ''' \"\"\" ***", encoding="utf-8")
    (folder / "hostile-page.html").write_text(
        "<html><head><title>Breaking: <script>window.hostileTitle=1</script> news</title>"
        '<meta property="og:url" content="javascript:alert(document.cookie)"></head><body>'
        "<p>The minister &lt;b&gt;Aigerim Tulegenova&lt;/b&gt; met the delegation of "
        '<img src=x onerror="window.hostileImage=1">Almaty.</p>'
        "<script>window.hostileBody = 1;</script>"
        '<p>She said the "reform" of the &lt;script&gt;alert(1)&lt;/script&gt; agency would continue.</p>'
        "</body></html>",
        encoding="utf-8",
    )
    (folder / "hostile-names.txt").write_text(
        f"{GOOD_NAMES} signed an agreement with the ministry. "
        'The company "<script>window.hostileName=1</script>" hired Smith. '
        "Smith met the <img src=x onerror=alert(1)> committee in Astana.",
        encoding="utf-8",
    )
    lines = [
        {
            "id": "batch-1",
            "text": "The parliament of Kazakhstan adopted the new law.",
            "title": "Law </title><script>x=1</script>",
            "url": "javascript:alert(1)",
            "published": "2019-04-23",
        },
        "{this line is not json",
        {"id": "batch-3", "text": "Tokayev met the governor of Almaty region.", "published": "2019-05-01"},
        {"text": "a line without an id"},
    ]
    (folder / "batch.jsonl").write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
        encoding="utf-8",
    )
    (folder / "EXPECTED.json").write_text(json.dumps(EXPECTED, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_specials(folder: Path) -> dict[str, dict[str, str]]:
    """Write the files git cannot or should not hold into ``folder`` (a scratch copy of the
    corpus) and return what a build must do with each, as in :data:`EXPECTED`: a 20 MB article and
    a JSONL file with a 14 MB line (refused by size, unread), a file nobody may read (root reads it
    anyway: then it is an article), a folder with a symlink to itself (walked once) and two
    symlinks to each other, a named pipe (reading it would block), a file with a hostile name, and
    files newsgraph does not read (a photo, a PDF) that a build names instead of passing over."""
    expected: dict[str, dict[str, str]] = {}
    sentence = "The minister met the mayor of the city and discussed the new budget of the region. "
    with (folder / "huge-article.txt").open("w", encoding="utf-8") as handle:
        for _ in range(20 * 1024 * 1024 // len(sentence) + 1):
            handle.write(sentence)
    expected["huge-article.txt"] = {"skipped": TOO_LONG.format(size=(folder / "huge-article.txt").stat().st_size)}

    huge_line = json.dumps({"id": "huge-line", "text": sentence * (14 * 1024 * 1024 // len(sentence))}) + "\n"
    after = json.dumps({"id": "after-huge-line", "text": "The mayor opened the new school in Aktobe."}) + "\n"
    (folder / "huge-line.jsonl").write_text(huge_line + after, encoding="utf-8")
    expected["huge-line.jsonl:1"] = {
        "skipped": f"line of {len(huge_line):,} bytes is too long for an article "
        f"within the limit of {MAX_ARTICLE_CHARS:,} characters; it was not read"
    }
    expected["huge-line.jsonl:2"] = {"article": "after-huge-line", "says": "The mayor opened the new school in Aktobe."}

    unreadable = folder / "unreadable.txt"
    unreadable.write_text("The secret committee met the minister.", encoding="utf-8")
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):  # root: permissions do not stop it
        expected["unreadable.txt"] = {"article": "unreadable", "says": "The secret committee met the minister."}
    else:
        expected["unreadable.txt"] = {"skipped": "permission denied"}

    loop = folder / "loop"
    loop.mkdir(exist_ok=True)
    (loop / "article.txt").write_text("The governor opened the new bridge in the loop valley.", encoding="utf-8")
    (loop / "self").symlink_to(".", target_is_directory=True)  # loop/self/self/... is walked once
    expected["loop/article.txt"] = {"article": "loop-article", "says": "The governor opened the new bridge"}
    (loop / "ping.txt").symlink_to("pong.txt")
    (loop / "pong.txt").symlink_to("ping.txt")
    for name in ("ping.txt", "pong.txt"):
        expected[f"loop/{name}"] = {"skipped": "cannot be read (Too many levels of symbolic links)"}

    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "named-pipe.txt")
        expected["named-pipe.txt"] = {"skipped": "not a regular file (a named pipe)"}

    (folder / HOSTILE_FILE_NAME).write_text("The mayor of Shymkent met the minister of culture.", encoding="utf-8")
    expected[HOSTILE_FILE_NAME] = {"article": "quoted-b-1-back-slash", "says": "The mayor of Shymkent met the minister"}

    (folder / "photo.png").write_bytes(_png())
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    for name in ("photo.png", "notes.pdf"):
        expected[name] = {"skipped": NOT_AN_ARTICLE}
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--specials",
        action="store_true",
        help="also write the large and special files (into a scratch copy) and print what is expected of them",
    )
    args = parser.parse_args()
    write_corpus(args.folder)
    if args.specials:
        print(json.dumps(write_specials(args.folder), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
