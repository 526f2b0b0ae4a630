"""Generate the hostile-input corpus.

    python tests/hostile/make_hostile.py tests/hostile/corpus          # the small files, committed
    python tests/hostile/make_hostile.py --specials DIR                 # plus what cannot be committed

The committed corpus (``tests/hostile/corpus/``) holds small files; ``--specials`` adds, in a
scratch copy, the files git cannot or should not hold: a 20 MB article, a directory with a
symlink loop, a file nobody may read. ``EXPECTED`` says what a build must do with each file; the
tests compare the build report against it.
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import zlib
from pathlib import Path

GOOD_NAMES = 'Anna O\'Neil-Smith <b>, "Kaz" & Co #1, back\\slash Ltd and the 😀 Club'

#: file -> "ok" (an article in the graph) or the reason it is skipped (a substring of the message)
EXPECTED: dict[str, str] = {
    "empty.txt": "empty file",
    "whitespace-only.txt": "empty file",
    "binary-png.txt": "binary file (a PNG image)",
    "utf16-with-bom.txt": "ok",
    "latin-1.txt": "ok",
    "utf8-with-bom.txt": "ok",
    "mixed-scripts.txt": "ok",
    "one-long-sentence.txt": "ok",
    "punctuation-only.txt": "no text to read",
    "hostile-page.html": "ok",
    "hostile-names.txt": "ok",
    "batch.jsonl": "ok",
    "batch.jsonl:2": "not valid JSON",
    "batch.jsonl:4": "needs an 'id' and a 'text' string",
}
SPECIALS: dict[str, str] = {
    "huge-article.txt": "longer than the limit",
    "unreadable.txt": "permission denied",  # only when the tests do not run as root
    "loop/self": "ok",  # a symlink loop is walked once, not forever
}


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace-only.txt").write_text("  \n\t\n   \n", encoding="utf-8")
    (folder / "binary-png.txt").write_bytes(_png())
    (folder / "utf16-with-bom.txt").write_bytes(
        "ASTANA. KAZINFORM - The Senate approved the budget for 2020. Its speaker thanked the deputies.".encode("utf-16"))
    (folder / "latin-1.txt").write_bytes(
        "Jos\xe9 Mar\xeda Aznar visited the caf\xe9 owners in M\xe1laga. The mayor welcomed the d\xe9l\xe9gation.".encode("latin-1"))
    (folder / "utf8-with-bom.txt").write_bytes("\ufeffThe minister of finance met the governor of the bank.".encode("utf-8"))
    (folder / "mixed-scripts.txt").write_text(
        "Nursultan Nazarbayev (Нурсултан Назарбаев, Нұрсұлтан Назарбаев) met the students of Almaty. "
        "Президент встретился с депутатами. The Mazhilis adopted the law on Qazaqstan's budget.", encoding="utf-8")
    words = ["the", "minister", "and", "the", "mayor", "met", "the", "delegation", "of", "the", "province"]
    (folder / "one-long-sentence.txt").write_text(
        "The committee said that " + " ".join(words[i % len(words)] for i in range(5000)) + ".", encoding="utf-8")
    (folder / "punctuation-only.txt").write_text("!!! ??? ... --- ;;; ((( ))) ''' \"\"\" ***", encoding="utf-8")
    (folder / "hostile-page.html").write_text(
        "<html><head><title>Breaking: <script>window.hostileTitle=1</script> news</title>"
        '<meta property="og:url" content="javascript:alert(document.cookie)"></head><body>'
        "<p>The minister &lt;b&gt;Aigerim Tulegenova&lt;/b&gt; met the delegation of "
        "<img src=x onerror=\"window.hostileImage=1\">Almaty.</p>"
        "<script>window.hostileBody = 1;</script>"
        "<p>She said the \"reform\" of the &lt;script&gt;alert(1)&lt;/script&gt; agency would continue.</p>"
        "</body></html>", encoding="utf-8")
    (folder / "hostile-names.txt").write_text(
        f"{GOOD_NAMES} signed an agreement with the ministry. "
        'The company "<script>window.hostileName=1</script>" hired Smith. '
        "Smith met the <img src=x onerror=alert(1)> committee in Astana.", encoding="utf-8")
    lines = [
        {"id": "batch-1", "text": "The parliament of Kazakhstan adopted the new law.", "title": "Law </title><script>x=1</script>",
         "url": "javascript:alert(1)", "published": "2019-04-23"},
        "{this line is not json",
        {"id": "batch-3", "text": "Tokayev met the governor of Almaty region.", "published": "2019-05-01"},
        {"text": "a line without an id"},
    ]
    (folder / "batch.jsonl").write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
        encoding="utf-8")
    (folder / "EXPECTED.json").write_text(json.dumps(EXPECTED, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_specials(folder: Path) -> dict[str, str]:
    """The files git should not hold; returns what is expected of each here (root reads anything)."""
    expected = dict(SPECIALS)
    sentence = "The minister met the mayor of the city and discussed the new budget of the region. "
    with (folder / "huge-article.txt").open("w", encoding="utf-8") as handle:
        for _ in range(20 * 1024 * 1024 // len(sentence) + 1):
            handle.write(sentence)
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("The secret committee met the minister.", encoding="utf-8")
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):  # root: permissions do not stop it
        expected["unreadable.txt"] = "ok"
    loop = folder / "loop"
    loop.mkdir(exist_ok=True)
    (loop / "article.txt").write_text("The governor opened the new bridge in the loop valley.", encoding="utf-8")
    if not (loop / "self").is_symlink():
        (loop / "self").symlink_to(".", target_is_directory=True)
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--specials", action="store_true", help="also write the large and special files")
    args = parser.parse_args()
    write_corpus(args.folder)
    if args.specials:
        print(json.dumps(write_specials(args.folder), indent=2))


if __name__ == "__main__":
    main()
