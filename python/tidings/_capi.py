"""The C API of libtidings.so.0 as ctypes sees it: the library, the structures of tidings.h that
the binding reads or fills, and the signatures of the functions it calls.

The structures mirror tidings.h field for field; tests/test_layout.py compiles a C program that
prints their offsets and sizes and compares them with these, so a change to tidings.h that is
not made here fails the tests rather than corrupting memory.
"""
from __future__ import annotations

import ctypes
import os
from ctypes import (POINTER, Structure, c_bool, c_char, c_char_p, c_double, c_int, c_size_t,
                    c_void_p)
from pathlib import Path

SONAME = "libtidings.so.0"


def _candidates() -> list[str]:
    """Where to look for the library: $TIDINGS_LIBRARY, the system's search path, the build tree."""
    env = os.environ.get("TIDINGS_LIBRARY")
    if env:
        return [env]
    tree = Path(__file__).resolve().parents[2] / "build" / SONAME
    return [SONAME, str(tree)]


def _load() -> ctypes.CDLL:
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            errors.append(str(exc))
    raise ImportError(
        f"tidings: cannot load {SONAME} ({'; '.join(errors)}); install it (make install, then "
        "ldconfig), build it in the source tree (make python), or set TIDINGS_LIBRARY to its path")


lib = _load()
libc = ctypes.CDLL(None)  # free() for what the library hands over to the caller
libc.free.argtypes = [c_void_p]
libc.free.restype = None


class TdError(Structure):
    _fields_ = [("code", c_int), ("message", c_char * 512)]


class TdSpan(Structure):
    _fields_ = [("start", c_size_t), ("end", c_size_t)]


class TdDocument(Structure):
    _fields_ = [("name", c_char_p), ("title", c_char_p), ("source", c_char_p), ("url", c_char_p),
                ("date", c_char_p), ("text", c_char_p), ("text_len", c_size_t)]


class TdCluster(Structure):
    _fields_ = [("id", c_char_p), ("docs", POINTER(TdDocument)), ("n_docs", c_size_t),
                ("pool_", c_void_p)]


class TdSummaryOpts(Structure):
    _fields_ = [("method", c_int), ("max_words", c_size_t), ("max_bytes", c_size_t),
                ("max_sentences", c_size_t), ("no_clean", c_bool), ("no_compress", c_bool)]


class TdSummarySentence(Structure):
    _fields_ = [("text", c_char_p), ("doc", c_size_t), ("span", TdSpan), ("words", c_size_t),
                ("score", c_double), ("sources", POINTER(c_size_t)), ("n_sources", c_size_t),
                ("kept", POINTER(TdSpan)), ("n_kept", c_size_t)]


class TdSummary(Structure):
    _fields_ = [("method", c_int), ("sentences", POINTER(TdSummarySentence)),
                ("n_sentences", c_size_t), ("words", c_size_t), ("bytes", c_size_t)]


class TdArticle(Structure):
    _fields_ = [("url", c_char_p), ("title", c_char_p), ("authors", POINTER(c_char_p)),
                ("n_authors", c_size_t), ("date", c_char_p), ("site", c_char_p),
                ("language", c_char_p), ("text", c_char_p)]


class TdRougeOpts(Structure):
    _fields_ = [("max_n", c_int), ("lcs", c_bool), ("skip", c_bool), ("skip_distance", c_int),
                ("skip_unigrams", c_bool), ("stem", c_bool), ("remove_stopwords", c_bool),
                ("word_limit", c_size_t), ("byte_limit", c_size_t), ("best_model", c_bool),
                ("alpha", c_double), ("unit", c_int), ("confidence", c_double),
                ("resamples", c_size_t), ("wordnet_dir", c_char_p)]


class TdRougeMeasure(Structure):
    _fields_ = [("kind", c_int), ("n", c_int), ("name", c_char * 24)]


class TdRougeScore(Structure):
    _fields_ = [("recall", c_double), ("precision", c_double), ("f", c_double),
                ("model_count", c_size_t), ("peer_count", c_size_t), ("hits", c_size_t)]


# The C name of every mirrored structure (for the layout test).
STRUCTS: dict[str, type[Structure]] = {
    "td_error": TdError, "td_span": TdSpan, "td_document": TdDocument, "td_cluster": TdCluster,
    "td_summary_opts": TdSummaryOpts, "td_summary_sentence": TdSummarySentence,
    "td_summary": TdSummary, "td_article": TdArticle, "td_rouge_opts": TdRougeOpts,
    "td_rouge_measure": TdRougeMeasure, "td_rouge_score": TdRougeScore,
}


def _sig(name: str, restype, *argtypes) -> None:
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)


_err = POINTER(TdError)
_sig("td_status_name", c_char_p, c_int)
_sig("td_utf8_valid", c_bool, c_char_p, c_size_t, POINTER(c_size_t))
_sig("td_split_sentences", c_int, c_char_p, c_size_t, POINTER(POINTER(TdSpan)), POINTER(c_size_t))
_sig("td_sentence_text", c_void_p, c_char_p, TdSpan)
_sig("td_cluster_new", POINTER(TdCluster), c_char_p)
_sig("td_cluster_add", c_int, POINTER(TdCluster), POINTER(TdDocument))
_sig("td_cluster_free", None, POINTER(TdCluster))
_sig("td_method_parse", c_bool, c_char_p, POINTER(c_int))
_sig("td_method_name", c_char_p, c_int)
_sig("td_summary_opts_defaults", None, POINTER(TdSummaryOpts))
_sig("td_summarizer_new", c_void_p, POINTER(TdSummaryOpts), _err)
_sig("td_summarize", POINTER(TdSummary), c_void_p, POINTER(TdCluster), _err)
_sig("td_summary_free", None, POINTER(TdSummary))
_sig("td_summarizer_free", None, c_void_p)
_sig("td_extract_html", POINTER(TdArticle), c_char_p, c_size_t, c_char_p, _err)
_sig("td_article_free", None, POINTER(TdArticle))
_sig("td_rouge_opts_defaults", None, POINTER(TdRougeOpts))
_sig("td_rouge_opts_set", c_int, POINTER(TdRougeOpts), c_char, c_char_p, _err)
_sig("td_rouge_scorer_new", c_void_p, POINTER(TdRougeOpts), _err)
_sig("td_rouge_scorer_measures", c_size_t, c_void_p, POINTER(POINTER(TdRougeMeasure)))
_sig("td_rouge_score_texts", c_int, c_void_p, c_char_p, c_size_t, POINTER(c_char_p),
     POINTER(c_size_t), c_size_t, POINTER(TdRougeScore), _err)
_sig("td_rouge_scorer_free", None, c_void_p)

# td_status values (tidings.h).
TD_OK, TD_ERR_NOMEM, TD_ERR_IO, TD_ERR_INPUT, TD_ERR_USAGE = range(5)
