"""tidings for Python: summarise a story told by many news articles, each sentence with the
articles that report it; split sentences; extract the article of a web page; score summaries
with ROUGE as ROUGE-1.5.5 does.

A binding over the C library (libtidings.so.0, through ctypes): the results are those of the
``tidings`` program. Errors raise :class:`TidingsError` (or a subclass) carrying the library's
one-line message.

>>> import tidings
>>> tidings.sentences("The bridge closed. It reopens in March.")
['The bridge closed.', 'It reopens in March.']
"""
from __future__ import annotations

import ctypes
from collections.abc import Mapping, Sequence
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t
from typing import Optional, Union

from . import _capi
from ._capi import lib

__all__ = ["summarize", "sentences", "extract_html", "rouge", "METHODS",
           "TidingsError", "InputError", "UsageError", "ReadError"]
__version__ = "0.1.0"


def _method_names() -> tuple[str, ...]:
    """The names of the library's summarisation methods, in the order of td_method (0, 1, ...)."""
    names: list[str] = []
    while (name := lib.td_method_name(len(names)).decode()) != "unknown":
        names.append(name)
    return tuple(names)


#: The summarisation methods the library has, the default ("concepts") first.
METHODS = _method_names()

Document = Union[str, Mapping[str, str]]


class TidingsError(Exception):
    """An error reported by the library; ``message`` is its one-line message, ``status`` the
    name of its td_status ("bad input", ...)."""

    def __init__(self, message: str, status: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class InputError(TidingsError, ValueError):
    """The input is not usable: invalid text, malformed, or nothing to work on."""


class UsageError(TidingsError, ValueError):
    """An argument is invalid (an unknown method, a bad ROUGE option, ...)."""


class ReadError(TidingsError, OSError):
    """A file the library needed could not be read (e.g. WordNet's lists for ROUGE with stem)."""


def _raise(code: int, message: str) -> None:
    status = lib.td_status_name(code).decode()
    if code == _capi.TD_ERR_NOMEM:
        raise MemoryError(message or status)
    cls = {_capi.TD_ERR_INPUT: InputError, _capi.TD_ERR_USAGE: UsageError,
           _capi.TD_ERR_IO: ReadError}.get(code, TidingsError)
    raise cls(message or status, status)


def _raise_error(err: _capi.TdError) -> None:
    _raise(err.code, err.message.decode("utf-8", "replace"))


def _utf8(text: Union[str, bytes], what: str) -> bytes:
    """text as UTF-8 bytes, checked as the library wants it (valid UTF-8, no NUL byte)."""
    if isinstance(text, str):
        data = text.encode("utf-8", "surrogatepass")
    elif isinstance(text, (bytes, bytearray)):
        data = bytes(text)
    else:
        raise TypeError(f"{what}: expected str or bytes, not {type(text).__name__}")
    bad = c_size_t()
    if not lib.td_utf8_valid(data, len(data), byref(bad)):
        kind = "NUL byte" if data[bad.value:bad.value + 1] == b"\0" else "invalid UTF-8"
        raise InputError(f"{what}: {kind} at byte {bad.value}", "bad input")
    return data


def _text(p: Optional[bytes]) -> Optional[str]:
    return None if p is None else p.decode("utf-8")


def _size(value: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{what} must be a whole number >= 0, not {value!r}")
    return value


# ---------------------------------------------------------------- sentences

def sentences(text: str) -> list[str]:
    """The sentences of a news text, in order, each with its white space collapsed.

    Headlines, bylines and list lines without final punctuation are sentences of their own;
    hard-wrapped lines inside a paragraph are joined. Raises InputError for a NUL character.
    """
    data = _utf8(text, "text")
    spans = POINTER(_capi.TdSpan)()
    n = c_size_t()
    code = lib.td_split_sentences(data, len(data), byref(spans), byref(n))
    if code != _capi.TD_OK:
        _raise(code, "")
    try:
        out = []
        for i in range(n.value):
            p = lib.td_sentence_text(data, spans[i])
            if not p:
                raise MemoryError("tidings: out of memory")
            try:
                out.append(ctypes.string_at(p).decode("utf-8"))
            finally:
                _capi.libc.free(p)
        return out
    finally:
        _capi.libc.free(ctypes.cast(spans, ctypes.c_void_p))


# ---------------------------------------------------------------- summaries

_DOC_FIELDS = ("name", "title", "source", "url", "date")


def _add_document(cluster, i: int, doc: Document, keep: list) -> None:
    """Adds documents[i] to the cluster; the bytes stay alive in keep until the call returns."""
    what = f"documents[{i}]"
    if isinstance(doc, Mapping):
        if "text" not in doc:
            raise ValueError(f"{what}: no 'text'")
        unknown = set(doc) - {"text", *_DOC_FIELDS}
        if unknown:
            raise ValueError(f"{what}: unknown field(s) {', '.join(sorted(unknown))}")
        fields = {k: doc.get(k) for k in _DOC_FIELDS}
        text = doc["text"]
    else:
        fields = dict.fromkeys(_DOC_FIELDS)
        text = doc
    data = _utf8(text, what)
    if not data.strip():
        raise InputError(f"{what}: no text", "bad input")
    if fields["name"] is None:
        fields["name"] = what
    c_doc = _capi.TdDocument(text=data, text_len=len(data))
    for key, value in fields.items():
        if value is not None:
            encoded = _utf8(value, f"{what}.{key}")
            keep.append(encoded)
            setattr(c_doc, key, encoded)
    keep.append(data)
    code = lib.td_cluster_add(cluster, byref(c_doc))
    if code != _capi.TD_OK:
        _raise(code, f"{what}: cannot be added")


def summarize(documents: Sequence[Document], words: int = 250, method: str = "concepts", *,
              max_bytes: int = 0, max_sentences: int = 0, clean: bool = True,
              compress: bool = True) -> list[dict]:
    """Summarises the articles of one story.

    documents: the articles, each a string (its text) or a dict with "text" and optionally
    "title", "name", "source", "url" and "date" (the source helps the cleaner find lines an
    outlet repeats on every page). A string has no title: where an article opens with its
    headline, pass it as "title" too (the program's text reader takes a headline-like first line
    of a file as the title). words, max_bytes and max_sentences bound the summary (0: no
    limit); method is one of METHODS; clean=False summarises the raw text without first removing
    web debris (share prompts, bylines, captions, ...). The default method may leave a short
    parenthesis or an aside between commas (", who ...,", ", 82,") out of a sentence, never
    anything inside quote marks; compress=False keeps every sentence whole.

    Returns the chosen sentences in reading order, each a dict {"text": str, "sources": [int]}:
    sources are the 0-based indexes into documents of every article that reports the sentence.
    """
    if isinstance(documents, (str, bytes, Mapping)):
        raise TypeError("documents: expected a list of articles, not a single one")
    if not documents:
        raise InputError("documents: no articles", "bad input")
    opts = _capi.TdSummaryOpts()
    lib.td_summary_opts_defaults(byref(opts))
    m = c_int()
    if not isinstance(method, str) or not lib.td_method_parse(method.encode(), byref(m)):
        raise UsageError(f"unknown method {method!r} (one of {', '.join(METHODS)})", "usage")
    opts.method = m.value
    opts.max_words = _size(words, "words")
    opts.max_bytes = _size(max_bytes, "max_bytes")
    opts.max_sentences = _size(max_sentences, "max_sentences")
    opts.no_clean = not clean
    opts.no_compress = not compress

    err = _capi.TdError()
    keep: list[bytes] = []
    cluster = lib.td_cluster_new(b"1")
    if not cluster:
        raise MemoryError("tidings: out of memory")
    summarizer = summary = None
    try:
        for i, doc in enumerate(documents):
            _add_document(cluster, i, doc, keep)
        summarizer = lib.td_summarizer_new(byref(opts), byref(err))
        if not summarizer:
            _raise_error(err)
        summary = lib.td_summarize(summarizer, cluster, byref(err))
        if not summary:
            _raise_error(err)
        out = []
        for i in range(summary.contents.n_sentences):
            s = summary.contents.sentences[i]
            out.append({"text": s.text.decode("utf-8"),
                        "sources": [s.sources[j] for j in range(s.n_sources)]})
        return out
    finally:
        lib.td_summary_free(summary)
        lib.td_summarizer_free(summarizer)
        lib.td_cluster_free(cluster)


# ---------------------------------------------------------------- web pages

def extract_html(html: Union[str, bytes], name: str = "page") -> dict:
    """The article of a web page: {"text", "title", "authors", "date", "site", "language", "url"}.

    html may be bytes in any charset (read from the BOM, <meta charset> or http-equiv, else
    UTF-8 or Windows-1252) or a str. Fields the page does not give are None (authors: []); date
    is YYYY-MM-DD. name is used in error messages. Raises InputError when the page has no text.
    """
    data = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    err = _capi.TdError()
    article = lib.td_extract_html(data, len(data), name.encode("utf-8"), byref(err))
    if not article:
        _raise_error(err)
    try:
        a = article.contents
        return {"text": _text(a.text), "title": _text(a.title),
                "authors": [_text(a.authors[i]) for i in range(a.n_authors)],
                "date": _text(a.date), "site": _text(a.site), "language": _text(a.language),
                "url": _text(a.url)}
    finally:
        lib.td_article_free(article)


# ---------------------------------------------------------------- ROUGE

def rouge(summary: str, references: Union[str, Sequence[str]], *, n: int = 2, lcs: bool = True,
          skip: Optional[int] = None, skip_unigrams: bool = False, stem: bool = False,
          remove_stopwords: bool = False, word_limit: int = 0, byte_limit: int = 0,
          best_reference: bool = False, alpha: float = 0.5) -> dict[str, dict[str, float]]:
    """Scores a summary against one or more references as ROUGE-1.5.5.pl does.

    Texts are one sentence a line. The options are the script's: n (-n, ROUGE-1 ... ROUGE-n;
    0 for none), lcs (ROUGE-L; False is -x), skip (-2: ROUGE-S with at most this many words
    between the two of a pair, negative for no limit), skip_unigrams (-u: ROUGE-SU), stem (-m:
    Porter stemming, needs WordNet's exception lists from Debian's wordnet-base), remove_stopwords
    (-s), word_limit (-l), byte_limit (-b), best_reference (-f B), alpha (-p).

    Returns {measure: {"recall", "precision", "f"}} keyed by ROUGE-1.5.5's names ("ROUGE-1",
    "ROUGE-2", "ROUGE-L", "ROUGE-SU4", ...).
    """
    refs = [references] if isinstance(references, str) else list(references)
    if not refs:
        raise UsageError("references: at least one reference is needed", "usage")
    flags: list[tuple[bytes, Optional[str]]] = [(b"n", str(n))] if n else []
    if not lcs:
        flags.append((b"x", None))
    if skip is not None:
        flags.append((b"2", str(skip)))
    for on, flag in ((skip_unigrams, b"u"), (stem, b"m"), (remove_stopwords, b"s")):
        if on:
            flags.append((flag, None))
    if word_limit:
        flags.append((b"l", str(word_limit)))
    if byte_limit:
        flags.append((b"b", str(byte_limit)))
    if best_reference:
        flags.append((b"f", "B"))
    flags.append((b"p", repr(float(alpha))))

    err = _capi.TdError()
    opts = _capi.TdRougeOpts()
    lib.td_rouge_opts_defaults(byref(opts))
    for flag, value in flags:
        if lib.td_rouge_opts_set(byref(opts), flag, None if value is None else value.encode(),
                                 byref(err)) != _capi.TD_OK:
            _raise_error(err)
    system = _utf8(summary, "summary")
    ref_data = [_utf8(r, f"references[{i}]") for i, r in enumerate(refs)]
    c_refs = (c_char_p * len(refs))(*ref_data)
    c_lens = (c_size_t * len(refs))(*(len(r) for r in ref_data))
    scorer = lib.td_rouge_scorer_new(byref(opts), byref(err))
    if not scorer:
        _raise_error(err)
    try:
        measures = POINTER(_capi.TdRougeMeasure)()
        count = lib.td_rouge_scorer_measures(scorer, byref(measures))
        scores = (_capi.TdRougeScore * max(count, 1))()
        if lib.td_rouge_score_texts(scorer, system, len(system), c_refs, c_lens, len(refs),
                                    scores, byref(err)) != _capi.TD_OK:
            _raise_error(err)
        return {measures[i].name.decode(): {"recall": scores[i].recall,
                                            "precision": scores[i].precision, "f": scores[i].f}
                for i in range(count)}
    finally:
        lib.td_rouge_scorer_free(scorer)
