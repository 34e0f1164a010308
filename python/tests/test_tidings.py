"""The Python binding: each function against the tidings program on the same input (the binding
must give the program's results), on texts written here, and on its errors."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

import tidings

from conftest import ROOT


# ---------------------------------------------------------------- sentences

def test_sentences_split_and_collapse_white_space():
    text = ("Bridge closed after cracks found\n\n"
            "The Tamsin Harbour Bridge closed on Tuesday. Engineers found three cracks in\n"
            "the steel of an anchorage.\n\nWho pays? The city, said Mayor Helen Strand.")
    assert tidings.sentences(text) == [
        "Bridge closed after cracks found",
        "The Tamsin Harbour Bridge closed on Tuesday.",
        "Engineers found three cracks in the steel of an anchorage.",
        "Who pays?",
        "The city, said Mayor Helen Strand.",
    ]


def test_sentences_keep_abbreviations_and_non_ascii_text():
    got = tidings.sentences("Dr. Okafor met Mr. Reddy at the Gull & Anchor café at 5 a.m. "
                            "on Tuesday. They talked — briefly.")
    assert got == ["Dr. Okafor met Mr. Reddy at the Gull & Anchor café at 5 a.m. on Tuesday.",
                   "They talked — briefly."]


def test_sentences_match_the_program(program, example_paths):
    for path in example_paths:
        out = subprocess.run([str(program), "sentences", str(path)], capture_output=True,
                             text=True, check=True).stdout.splitlines()
        assert tidings.sentences(path.read_text(encoding="utf-8")) == out, path.name


def test_sentences_of_nothing():
    assert tidings.sentences("") == []
    assert tidings.sentences(" \n\n ") == []


def test_sentences_errors():
    with pytest.raises(tidings.InputError, match=r"text: NUL byte at byte 4"):
        tidings.sentences("Four\0 five.")
    with pytest.raises(TypeError):
        tidings.sentences(42)


# ---------------------------------------------------------------- summarize

@pytest.mark.parametrize("method", tidings.METHODS)
def test_summarize_gives_the_programs_summary(method, run_json, example_paths, tmp_path):
    # the same articles for both: JSON Lines for the program (which would otherwise take the
    # headline of a plain text file as its title)
    docs = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in example_paths]
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("".join(json.dumps({"id": d["name"], "text": d["text"]}) + "\n" for d in docs))
    want = run_json("summarize", "--json", "--words", "120", "--method", method, str(jsonl))
    got = tidings.summarize(docs, words=120, method=method)
    assert got == [{"text": s["text"], "sources": s["sources"]} for s in want[0]["sentences"]]
    assert got, "an empty summary"


def test_summarize_strings_within_budget_with_sources(example_paths):
    texts = [p.read_text(encoding="utf-8") for p in example_paths]
    got = tidings.summarize(texts, words=80)
    assert got
    assert sum(len(s["text"].split()) for s in got) <= 80
    for s in got:
        assert s["sources"] == sorted(set(s["sources"]))
        assert all(0 <= i < len(texts) for i in s["sources"])
        # the sentence is the text of one of the articles that report it
        assert any(s["text"] in " ".join(texts[i].split()) for i in s["sources"]), s["text"]
    assert len(tidings.summarize(texts, max_sentences=2)) == 2
    assert sum(len(s["text"].encode()) + 1 for s in tidings.summarize(texts, max_bytes=300)) <= 301


def test_summarize_counts_every_outlet_that_reports_a_sentence():
    fact = "The council approved the new budget of 12 million dollars on Monday evening."
    docs = [f"{fact}\n\nThe vote followed a long debate about the harbour ferry service.",
            "Residents packed the town hall on Monday. The council approved a new budget of 12 "
            "million dollars on Monday evening after a vote.",
            f"{fact}\n\nA new swimming pool will open in the spring, officials said.",
            "The weather on Monday was mild, with light rain expected later in the week."]
    # the same fact told in other words by article 1 counts it as a source too
    got = tidings.summarize(docs, max_sentences=1)
    assert got == [{"text": fact, "sources": [0, 1, 2]}]


def test_summarize_compresses_unless_told_not_to():
    docs = ["Mayor Helen Strand, who took office in 2019 after two terms on the city council, said the "
            "harbour ferry would run every 15 minutes until the Tamsin bridge reopens.",
            "Commuters lined up at dawn at the Quay St. terminal, where Mayor Helen Strand said the harbour "
            "ferry would run every 15 minutes until the Tamsin bridge reopens in March, officials confirmed."]
    short = ("Mayor Helen Strand said the harbour ferry would run every 15 minutes until the Tamsin "
             "bridge reopens.")
    assert tidings.summarize(docs, words=20, clean=False) == [{"text": short, "sources": [0, 1]}]
    assert tidings.summarize(docs, words=20, clean=False, compress=False) == []
    whole = tidings.summarize(docs, words=40, clean=False, compress=False)
    assert whole and all(any(s["text"] in d for d in docs) for s in whole)


def test_summarize_uses_titles_and_sources():
    docs = [{"text": "The mayor opened the new library on Main Street on Saturday morning.",
             "title": "Library opens", "source": "Avon Herald", "date": "2025-02-11",
             "url": "https://example.org/1"},
            {"text": "Hundreds came to the opening of the new library on Main Street.",
             "source": "Bree Post"}]
    got = tidings.summarize(docs, words=30)
    assert got and all(set(s) == {"text", "sources"} for s in got)


def test_summarize_errors(example_paths):
    text = example_paths[0].read_text(encoding="utf-8")
    with pytest.raises(tidings.UsageError, match="unknown method 'best'"):
        tidings.summarize([text], method="best")
    with pytest.raises(tidings.InputError, match="no articles"):
        tidings.summarize([])
    with pytest.raises(tidings.InputError, match=r"documents\[1\]: NUL byte"):
        tidings.summarize([text, "a\0b"])
    with pytest.raises(tidings.InputError, match=r"documents\[1\]: no text"):
        tidings.summarize([text, "  \n"])
    with pytest.raises(ValueError, match=r"documents\[0\]: no 'text'"):
        tidings.summarize([{"title": "A title"}])
    with pytest.raises(ValueError, match=r"unknown field\(s\) body"):
        tidings.summarize([{"text": text, "body": text}])
    with pytest.raises(ValueError, match="words"):
        tidings.summarize([text], words=-1)
    with pytest.raises(TypeError):
        tidings.summarize(text)


# ---------------------------------------------------------------- extract_html

PAGES = sorted((ROOT / "tests" / "data" / "html").glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_extract_html_gives_the_programs_article(page, run_json):
    want = run_json("extract", "--json", str(page))[0]
    if "error" in want:
        with pytest.raises(tidings.InputError) as exc:
            tidings.extract_html(page.read_bytes(), name=str(page))
        assert exc.value.message == want["error"]
        return
    del want["file"]
    assert tidings.extract_html(page.read_bytes()) == want


def test_extract_html_from_a_string():
    html = ("<html lang='en'><head><title>Bridge closed | The Ledger</title>"
            "<meta name='author' content='Ann Example'></head><body><nav>Home News Sport</nav>"
            "<article><h1>Bridge closed</h1><p>The harbour bridge closed on Tuesday after "
            "inspectors found cracks in an anchorage, and it will stay closed for weeks.</p>"
            "<p>Ferries will run every fifteen minutes between the two sides of the harbour "
            "until the repairs are done, the city said.</p></article></body></html>")
    got = tidings.extract_html(html)
    assert got["title"] == "Bridge closed"
    assert got["authors"] == ["Ann Example"]
    assert got["language"] == "en"
    assert "Ferries will run" in got["text"] and "Home News" not in got["text"]


def test_extract_html_of_a_page_without_text():
    with pytest.raises(tidings.InputError, match="empty.html"):
        tidings.extract_html(b"<html><body></body></html>", name="empty.html")


# ---------------------------------------------------------------- rouge

SYSTEM = "the bridge closed on tuesday\nrepairs cost 48 million\n"
REFS = ["the bridge was closed tuesday\nthe repairs will cost 48 million dollars\n",
        "police closed the bridge on tuesday morning\nrepairs will take weeks\n"]


def test_rouge_gives_the_programs_scores(tmp_path, run_json):
    paths = []
    for name, text in [("sys.txt", SYSTEM), ("ref1.txt", REFS[0]), ("ref2.txt", REFS[1])]:
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    want = {m["measure"]: {k: m["cases"][0][k] for k in ("recall", "precision", "f")}
            for m in run_json("rouge", "--json", "-n", "2", "-2", "4", "-u", "-m", *paths)}
    got = tidings.rouge(SYSTEM, REFS, n=2, skip=4, skip_unigrams=True, stem=True)
    assert list(got) == ["ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"]
    assert got == want


def test_rouge_of_a_summary_against_itself_and_against_nothing_in_common():
    same = tidings.rouge(REFS[0], REFS[0], n=1, lcs=False)
    assert same == {"ROUGE-1": {"recall": 1.0, "precision": 1.0, "f": 1.0}}
    apart = tidings.rouge("ferries run daily\n", REFS[0], n=2)
    assert all(s == {"recall": 0.0, "precision": 0.0, "f": 0.0} for s in apart.values())


def test_rouge_errors():
    with pytest.raises(tidings.UsageError) as exc:
        tidings.rouge(SYSTEM, REFS, word_limit=10, byte_limit=100)
    assert exc.value.message and exc.value.status
    with pytest.raises(tidings.UsageError):
        tidings.rouge(SYSTEM, [])


# ---------------------------------------------------------------- the README's example

def test_the_readme_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"((?:\n    [^\n]*)(?:\n    [^\n]*|\n)*)", section)
    assert "import tidings" in block.group(1)
    code = "\n".join(line[4:] for line in block.group(1).split("\n"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env=env, check=True).stdout
    lines = out.splitlines()
    assert lines, "the example printed nothing"
    assert all(re.search(r" \[\d+(, \d+)*\]$", line) for line in lines), out
