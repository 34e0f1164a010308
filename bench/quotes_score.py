#!/usr/bin/env python3
"""quotes_score.py — scores `tidings quotes --json` output against the gold of quotes-dev
(PolNeAR), following the protocol in ../shared/data/quotes-dev/README.md.
Usage: quotes_score.py GOLD.jsonl SYSTEM.jsonl [MISSES.txt]"""
import json
import re
import sys
from collections import defaultdict

WORD = re.compile(r"[^\W_]+")
STOP = set("""a an the of and or in on at to for from by with as is was be he she it they i we you his her its
their our my your him them us me this that these those who whom which s jr sr""".split())
TITLES = set("""mr mrs ms miss dr prof sen senator rep representative gov governor president pres vice secretary
sec gen general lt col capt adm rev mayor judge justice chairman chairwoman speaker minister""".split())
MARKS = re.compile(r"[\"“”„«»]|''")


def tokens(s):
    return WORD.findall(s.lower())


def lcs(a, b):
    """Length of the longest common subsequence of two token lists."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def content_words(s):
    out = set()
    for w in tokens(s or ""):
        if w in STOP or w in TITLES:
            continue
        out.add(w)
    return out


def quoted_regions(text):
    """The [start, end) character ranges of the article inside double quotation marks, paired in
    order within each paragraph; a quote left open runs to the paragraph's end (README protocol)."""
    regions, pos = [], 0
    for para in re.split(r"(\n\s*\n)", text):
        if not para.strip():
            pos += len(para)
            continue
        opened = None
        for m in MARKS.finditer(para):
            if opened is None:
                opened = pos + m.end()
            else:
                regions.append((opened, pos + m.start()))
                opened = None
        if opened is not None:
            regions.append((opened, pos + len(para)))
        pos += len(para)
    return regions


def quoted_parts(text, quote, regions):
    """The parts of a mixed quote's content that lie inside quotation marks."""
    parts = []
    for s, e in quote.get("spans") or [quote["content"]]:
        for a, b in regions:
            lo, hi = max(s, a), min(e, b)
            if lo < hi:
                parts.append(text[lo:hi])
    return parts


def gold_speaker(q):
    if not q.get("source"):
        return None
    name = q["antecedent"] if q.get("pronoun") else q.get("speaker")
    if not name or not content_words(name):
        return None
    return name


def score_article(gold, system, tally, misses):
    direct = [q for q in gold["quotes"] if q.get("direct")]
    gtoks = [tokens(q["text"]) for q in direct]
    neutral_zones = [t for t in gtoks]
    regions = quoted_regions(gold["text"])
    for q in gold["quotes"]:
        if q.get("kind") == "mixed":
            neutral_zones += [tokens(p) for p in quoted_parts(gold["text"], q, regions)]
    sq = [q for q in system.get("quotes", []) if tokens(q.get("text") or "")]
    stoks = [tokens(q["text"]) for q in sq]
    pairs = []
    for i, g in enumerate(gtoks):
        if not g:
            continue
        for j, s in enumerate(stoks):
            c = lcs(s, g)
            if c >= 0.5 * len(g):
                pairs.append((c / len(g), -abs(len(s) - len(g)), i, j))
    pairs.sort(reverse=True)
    g_of, s_used = {}, set()
    for _, _, i, j in pairs:
        if i in g_of or j in s_used:
            continue
        g_of[i] = j
        s_used.add(j)
    tp = len(g_of)
    fp = 0
    for j, s in enumerate(stoks):
        if j in s_used:
            continue
        if any(lcs(s, z) >= 0.5 * len(s) for z in neutral_zones if z):
            continue
        fp += 1
        misses.append("FP  %s: %s" % (gold["id"], sq[j]["text"][:100]))
    fn = sum(1 for g in gtoks if g) - tp
    for i, q in enumerate(direct):
        if gtoks[i] and i not in g_of:
            misses.append("FN  %s: %s" % (gold["id"], q["text"][:100]))
    pub = gold.get("publisher", "?")
    for key in ("ALL", pub):
        t = tally[key]
        t["tp"] += tp
        t["fp"] += fp
        t["fn"] += fn
    # speakers
    for i, q in enumerate(direct):
        name = gold_speaker(q)
        if name is None or not gtoks[i]:
            continue
        sys_speaker = sq[g_of[i]].get("speaker") if i in g_of else None
        ok = bool(sys_speaker) and bool(content_words(sys_speaker) & content_words(name))
        for key in ("ALL", pub):
            t = tally[key]
            t["gold_sp"] += 1
            t["sys_sp"] += 1 if sys_speaker else 0
            t["ok_sp"] += 1 if ok else 0
        if not ok:
            misses.append("SP  %s: gold=%r sys=%r | %s" % (gold["id"], name, sys_speaker, q["text"][:70]))


def prf(ok, sys_n, gold_n):
    p = ok / sys_n if sys_n else 0.0
    r = ok / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    system = {}
    for l in open(sys.argv[2], encoding="utf-8"):
        if l.strip():
            o = json.loads(l)
            system[o["id"]] = o
    tally = defaultdict(lambda: defaultdict(int))
    misses = []
    for g in gold:
        score_article(g, system.get(g["id"], {"quotes": []}), tally, misses)
    keys = ["ALL"] + sorted(k for k in tally if k != "ALL")
    for k in keys:
        t = tally[k]
        qp, qr, qf = prf(t["tp"], t["tp"] + t["fp"], t["tp"] + t["fn"])
        sp, sr, sf = prf(t["ok_sp"], t["sys_sp"], t["gold_sp"])
        print("%-12s quotes P=%.3f R=%.3f F1=%.3f | speaker P=%.3f R=%.3f F1=%.3f  (%d gold quotes, %d speakers)"
              % (k, qp, qr, qf, sp, sr, sf, t["tp"] + t["fn"], t["gold_sp"]))
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write("\n".join(misses) + "\n")


main()
