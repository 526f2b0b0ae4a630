"""Reading articles from files and folders: formats, encodings, stable ids and bad input."""

from __future__ import annotations

import json
import os

import pytest

from graph.documents import NOT_AN_ARTICLE, iter_documents, load_documents
from graph.errors import InputError

from ..conftest import SAMPLE_ARTICLES, SAMPLE_ID


def test_formats_and_stable_ids(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("The minister met the mayor.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(
        "---\npublished: 2019-04-23\nurl: https://example.org/b\n---\n# A title\n\nThe **party** met.", encoding="utf-8"
    )
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Smith spoke.", "title": "T", "published": "2020-01-02"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "d.html").write_text(
        "<html><head><title>H</title><script>alert(1)</script></head><body><p>The mayor spoke.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "ignored.csv").write_text("a,b", encoding="utf-8")
    documents = {d.id: d for d in load_documents([tmp_path])}
    assert sorted(documents) == ["a", "d", "sub-b", "x1"]
    assert documents["sub-b"].title == "A title" and documents["sub-b"].published == "2019-04-23"
    assert documents["sub-b"].text == "The party met."
    assert documents["x1"].title == "T" and documents["x1"].published == "2020-01-02"
    assert documents["d"].text == "The mayor spoke." and documents["d"].title == "H"
    again = {d.id: d.content_hash for d in load_documents([tmp_path])}
    assert again == {k: v.content_hash for k, v in documents.items()}


def test_bad_inputs_are_reported_once_each_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("The minister met the mayor.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes(
        "Les propri\xe9taires du caf\xe9 ont rencontr\xe9 le maire \xe0 Gen\xe8ve.".encode("latin-1")
    )
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Smith spoke."}\n{not json\n{"id": 3}\n', encoding="utf-8"
    )
    problems: list[InputError] = []
    documents = load_documents([tmp_path, tmp_path / "missing.txt"], on_problem=problems.append)
    assert sorted(d.id for d in documents) == ["good", "latin1", "ok"]
    assert "propri\xe9taires du caf\xe9" in next(d.text for d in documents if d.id == "latin1")
    messages = sorted(str(p) for p in problems)
    assert len(messages) == 5
    assert any(m.endswith("binary.txt: binary file (a PNG image), not text") for m in messages)
    assert any(m.endswith("empty.txt: empty file") for m in messages)
    assert any(
        m.endswith("lines.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes)")
        for m in messages
    )
    assert any(m.endswith("lines.jsonl:3: needs an 'id' and a 'text' string") for m in messages)
    assert any(m.endswith("missing.txt: no such file or directory") for m in messages)
    assert all("\n" not in m for m in messages)


def test_without_a_handler_the_first_problem_is_raised(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        list(iter_documents([tmp_path / "empty.txt"]))


def test_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "same", "text": "One."}\n{"id": "same", "text": "Two."}\n', encoding="utf-8"
    )
    problems: list[InputError] = []
    documents = load_documents([tmp_path], on_problem=problems.append)
    assert [d.text for d in documents] == ["One."]
    assert "already used" in str(problems[0])


def test_sample_folder_holds_the_seed_article():
    assert (SAMPLE_ARTICLES / f"{SAMPLE_ID}.txt").is_file()


def test_other_encodings_are_detected(tmp_path):
    russian = "Президент Казахстана провёл встречу с депутатами парламента в Астане. " * 3
    (tmp_path / "cp1251.txt").write_bytes(russian.encode("cp1251"))
    (tmp_path / "utf16.txt").write_bytes(russian.encode("utf-16"))  # with a byte-order mark
    (tmp_path / "bom.txt").write_bytes("\ufeffThe minister met the mayor.".encode("utf-8"))
    documents = {d.id: d for d in load_documents([tmp_path])}
    assert documents["cp1251"].text.startswith("Президент Казахстана")
    assert documents["utf16"].text.startswith("Президент Казахстана")
    assert documents["bom"].text == "The minister met the mayor."


def test_too_long_articles_are_refused_without_reading_them_whole(tmp_path):
    (tmp_path / "huge.txt").write_text("The minister met the mayor. " * 400, encoding="utf-8")
    problems: list[InputError] = []
    assert load_documents([tmp_path], on_problem=problems.append, max_chars=1000) == []
    assert "longer than the limit of 1,000 characters" in str(problems[0])
    (tmp_path / "huge.txt").unlink()
    (tmp_path / "lines.jsonl").write_bytes(
        b'{"id": "a", "text": "' + b"x " * 2000 + b'"}\n{"id": "b", "text": "\xff\xfe"}\n'
        b'{"id": "c", "text": "Short one."}\n'
    )
    problems = []
    assert [d.id for d in load_documents([tmp_path], on_problem=problems.append, max_chars=1000)] == ["c"]
    assert [p.line for p in problems] == [1, 2]


def _read_in_a_thread(paths, **options):
    """Read in a daemon thread so that a reader that blocks fails the test instead of hanging it."""
    import threading

    problems: list[InputError] = []
    documents: list = []
    reader = threading.Thread(
        target=lambda: documents.extend(load_documents(paths, on_problem=problems.append, **options)), daemon=True
    )
    reader.start()
    reader.join(timeout=60)
    assert not reader.is_alive(), "reading blocked"
    return documents, problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipes_and_devices_are_refused_without_reading_them(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait for a writer for ever
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "zero.txt").symlink_to(os.devnull)  # a device
    (tmp_path / "good.txt").write_text("The minister met the mayor.", encoding="utf-8")
    documents, problems = _read_in_a_thread([tmp_path])
    assert [d.id for d in documents] == ["good"]
    assert sorted((os.path.basename(p.path), p.reason) for p in problems) == [
        ("pipe.jsonl", "not a regular file (a named pipe)"),
        ("pipe.txt", "not a regular file (a named pipe)"),
        ("zero.txt", "not a regular file (a device)"),
    ]


def test_an_overlong_jsonl_line_is_skipped_without_being_parsed(tmp_path):
    one_line_array = "[" + ", ".join(['{"id": "x", "text": "The mayor spoke."}'] * 30_000) + "]"  # about 1.1 MB
    (tmp_path / "lines.jsonl").write_text(
        "\n".join([one_line_array, '{"id": "after", "text": "Smith spoke."}', "x" * 1_100_000]), encoding="utf-8"
    )
    documents, problems = _read_in_a_thread([tmp_path], max_chars=1000)
    assert [d.id for d in documents] == ["after"]
    assert [(p.line, p.reason.split(" is ")[0]) for p in problems] == [
        (1, f"line of {len(one_line_array) + 1:,} bytes"),
        (3, "line of 1,100,000 bytes"),
    ]
    assert all("longer than" not in p.reason and "not read" in p.reason for p in problems)


def test_an_unreadable_file_is_reported_as_such(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("The committee met in secret.", encoding="utf-8")
    secret.chmod(0)
    if os.access(secret, os.R_OK):  # root reads it anyway: make the read fail as it would for anyone else
        from pathlib import Path

        def refuse(path: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(Path, "read_bytes", refuse)
    documents, problems = _read_in_a_thread([tmp_path])
    assert documents == [] and [(p.path, p.reason) for p in problems] == [(str(secret), "permission denied")]


def test_files_of_a_folder_that_are_not_articles_are_named_not_passed_over_silently(tmp_path):
    (tmp_path / "a.txt").write_text("The minister met the mayor.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / ".hidden.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # hidden files stay unseen
    problems: list[InputError] = []
    assert [d.id for d in load_documents([tmp_path], on_problem=problems.append)] == ["a"]
    assert [(p.path, p.reason) for p in problems] == [
        (str(tmp_path / "notes.pdf"), NOT_AN_ARTICLE),
        (str(tmp_path / "photo.png"), NOT_AN_ARTICLE),
    ]
    assert [d.id for d in load_documents([tmp_path])] == ["a"]  # without a handler: not an error
