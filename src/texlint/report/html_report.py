"""Self-contained HTML report (``--format html -o report.html`` or ``--html report.html``).

One file, no external requests: a scorecard per area with an inline SVG chart, the story arc
(phenomenon -> insight -> method -> evidence -> impact, plus novelty) with the sentences that make
each move, the questions reviewers will likely ask, every finding in a filterable table, and the
source of every file with the finding ranges highlighted. Everything comes from the run result:
the document summary (the same story arc the text and JSON reports show), the sources the run
carried (``DocResult.sources``) and the documentation of the rules that found something.

Safety: all paper text goes through jinja2 autoescaping (``templates/report.html.j2``), never
``|safe``; the data handed to the script travels in a ``<script type="application/json">`` block
serialised by jinja2's ``tojson`` (``<``, ``>``, ``&`` and ``'`` become ``\\u003c`` ...), so paper text
containing ``</script>`` cannot end the block. The script only ever writes ``textContent``.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import Counter
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from texlint import __version__

AREAS = (("story", "Story"), ("claims", "Claims"), ("reviewer", "Reviewer gaps"), ("venue", "Venue"),
         ("latex", "LaTeX"), ("style", "Style"))
SEVERITIES = ("error", "warning", "info")
SEV_RANK = {"info": 0, "warning": 1, "error": 2}
#: The story arc: stage key, label, the question the stage answers (which assessment field each
#: stage shows comes with the summary's story).
ARC = (
    ("phenomenon", "Phenomenon", "What did you observe that others missed?"),
    ("insight", "Insight", "How does the method follow from an insight or observation?"),
    ("method", "Method", "What exactly does the paper contribute?"),
    ("evidence", "Evidence", "Which results show it works?"),
    ("impact", "Impact", "Why does it matter beyond this paper?"),
    ("novelty", "Novelty", "What is new compared with prior work?"),
)
ARC_SENTENCES = 3  # sentences shown per stage (the rest are counted)
ARC_TEXT_CHARS = 400


def _sort_key(f):
    return f.sort_key()


class _Files:
    """Source files of all documents with anchors, found from a finding's path or a file's ``rel``."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self.by_rel: dict[tuple[int, str], dict] = {}

    def add(self, doc_index: int, path: str, src) -> dict:
        item = {"path": path, "rel": src.rel, "anchor": f"d{doc_index}f{len(self.items)}", "src": src,
                "findings": []}
        self.items.append(item)
        self.by_rel[(doc_index, src.rel)] = item
        return item

    def rel(self, doc_index: int, rel: str) -> dict | None:
        return self.by_rel.get((doc_index, rel))

    def find(self, doc_index: int, path: str) -> dict | None:
        """The file a finding's display path names (relative to the cwd of the run, or absolute)."""
        path = path.replace(os.sep, "/")
        best = None
        for item in self.items:
            if not item["anchor"].startswith(f"d{doc_index}f"):
                continue
            rel = item["rel"]
            if path == item["path"].replace(os.sep, "/"):
                return item
            if path == rel or path.endswith("/" + rel) and (best is None or len(rel) > len(best["rel"])):
                best = item
        if best is not None:  # the run's cwd differs from ours: show the paths the findings use
            prefix = path[: len(path) - len(best["rel"])]
            for item in self.items:
                if item["anchor"].startswith(f"d{doc_index}f"):
                    item["path"] = prefix + item["rel"]
        return best


def _offset(src, line: int, col: int) -> int:
    starts = src.line_starts
    line = max(1, min(line, len(starts)))
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(src.text)
    content_end = end
    while content_end > start and src.text[content_end - 1] in "\r\n":
        content_end -= 1
    return min(start + max(col, 1) - 1, content_end)


def _line_bounds(src, line: int) -> tuple[int, int]:
    starts = src.line_starts
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(src.text)
    while end > start and src.text[end - 1] in "\r\n":
        end -= 1
    return start, end


def _segments(src, ranges: list[tuple[int, int, int]], severity: dict[int, str]) -> list[dict]:
    """Lines of a file as segments ``{"t": text, "ids": [...], "sev": s, "stop": bool}``.

    ``ranges`` are (start, end, finding id) character offsets in the file. A segment is a tab
    stop (``stop``) when a finding starts there, so keyboard users visit each finding once.
    """
    text = src.text
    n_lines = len(src.line_starts)
    empty_marks: dict[int, list[int]] = {}
    events: dict[int, list[tuple[int, int]]] = {}
    starts_at: set[int] = set()
    for start, end, fid in ranges:
        if end <= start:
            line = bisect_right(src.line_starts, start)
            ls, le = _line_bounds(src, line)
            if start < le:
                end = start + 1
            elif start > ls:
                start, end = start - 1, start
            else:
                empty_marks.setdefault(line, []).append(fid)
                continue
        events.setdefault(start, []).append((1, fid))
        events.setdefault(end, []).append((-1, fid))
        starts_at.add(start)
    bounds = sorted(set(events) | set(src.line_starts) | {len(text)})
    lines: list[list[dict]] = [[] for _ in range(n_lines)]
    active: dict[int, int] = {}
    line = 0
    for i, pos in enumerate(bounds):
        for kind, fid in events.get(pos, ()):
            if kind == 1:
                active[fid] = active.get(fid, 0) + 1
            else:
                active[fid] -= 1
                if not active[fid]:
                    del active[fid]
        if i + 1 >= len(bounds):
            break
        nxt = bounds[i + 1]
        while line + 1 < n_lines and src.line_starts[line + 1] <= pos:
            line += 1
        piece = text[pos:nxt].rstrip("\r\n")
        if not piece:
            continue
        ids = sorted(active)
        seg = {"t": piece, "ids": ids}
        if ids:
            seg["sev"] = max((severity[x] for x in ids), key=SEV_RANK.__getitem__)
            seg["stop"] = pos in starts_at
        lines[line].append(seg)
    for ln, fids in empty_marks.items():
        lines[ln - 1].append({"t": "", "ids": sorted(fids), "stop": True,
                              "sev": max((severity[x] for x in fids), key=SEV_RANK.__getitem__)})
    return lines


def _area_chart(areas: list[dict]) -> dict:
    """Geometry of the scorecard's stacked bar chart (numbers only, no paper text)."""
    width, bar_h, gap, label_w = 320, 14, 8, 92
    top = max([a["total"] for a in areas] + [1])
    rows = []
    for i, a in enumerate(areas):
        x = label_w
        bars = []
        for sev in SEVERITIES:
            n = a["counts"][sev]
            if not n:
                continue
            w = max(2.0, (width - label_w - 30) * n / top)
            bars.append({"x": round(x, 1), "w": round(w, 1), "sev": sev, "n": n})
            x += w
        rows.append({"y": i * (bar_h + gap), "label": a["label"], "bars": bars, "total": a["total"],
                     "tx": round(x + 4, 1)})
    return {"width": width, "height": len(areas) * (bar_h + gap), "bar_h": bar_h, "rows": rows, "label_w": label_w}


def _arc(summary: dict, doc_index: int, files: _Files, story_findings: list[dict], docs: dict) -> dict:
    """The story arc card: each stage is one assessment field of the summary (found exactly when
    the field is present, as in the text report and the S1xx rules), with that field's evidence,
    or its reason and the closest sentences texlint rejected."""
    story = summary.get("story")
    assessment = summary.get("assessment") or {}
    fields = (story or {}).get("fields") or {}
    stages = []
    for key, label, question in ARC:
        field = fields.get(key, "")
        verdict = assessment.get(field) or {}
        chosen = (story or {}).get("stages", {}).get(key)
        items = list(verdict.get("evidence") or []) if chosen else []
        sents = [_arc_sentence(item, doc_index, files) for item in items[:ARC_SENTENCES]]
        closest = [] if chosen else [{**_arc_sentence(c, doc_index, files), "rejected": c.get("rejected", "")}
                                     for c in (verdict.get("closest") or [])[:2]]
        related = [x for x in story_findings if field and (docs.get(x["rule"]) or {}).get("assesses") == field]
        stages.append({"key": key, "label": label, "question": question, "sentences": sents,
                       "more": max(0, len(items) - ARC_SENTENCES), "related": related,
                       "why": verdict.get("why", ""), "closest": closest})
    return {"analysed": story is not None, "stages": stages}


CLAIMS_SHOWN = 12
_SCALE_LABELS = (("largest_model", "Largest model"), ("largest_data", "Largest data"),
                 ("longest_sequence", "Longest sequence or input"), ("datasets_or_tasks", "Datasets or tasks"))


def _evidence_view(summary: dict, doc_index: int, files: _Files) -> dict:
    """The "Claims and evidence" card: headline claims with their support, the resource table
    (claimed where, measured where) and the scale envelope, all from the summary."""
    claims = [c for c in summary.get("claims") or [] if isinstance(c, dict)]
    shown = [{**_arc_sentence(c, doc_index, files), "types": list(c.get("types") or []),
              "support": [k.replace("_", " ") for k in c.get("support") or ()]} for c in claims[:CLAIMS_SHOWN]]
    res = summary.get("resources") or {}
    claimed, measured = res.get("claimed") or {}, res.get("measured") or {}
    resources = []
    for name in sorted(set(claimed) | set(measured)):
        c = (claimed.get(name) or [None])[0]
        m = (measured.get(name) or [None])[0]
        resources.append({"name": name, "claimed": _arc_sentence(c, doc_index, files) if c else None,
                          "measured": {**_arc_sentence(m, doc_index, files), "why": m.get("why", "")} if m else None})
    scale = []
    env = summary.get("scale_envelope") or {}
    for key, label in _SCALE_LABELS:
        item = env.get(key)
        if isinstance(item, dict) and item.get("evidence"):
            where = _arc_sentence(item["evidence"], doc_index, files)
            scale.append({"label": label, "text": item.get("text", ""), "path": where["path"], "line": where["line"]})
    return {"claims": shown, "more_claims": max(0, len(claims) - CLAIMS_SHOWN), "resources": resources, "scale": scale}


def _arc_sentence(item: dict, doc_index: int, files: _Files) -> dict:
    f = files.rel(doc_index, item.get("file", ""))
    text = " ".join(str(item.get("text", "")).split())
    if len(text) > ARC_TEXT_CHARS:
        text = text[:ARC_TEXT_CHARS - 1] + "…"
    line = item.get("line", 1)
    return {"text": text, "path": f["path"] if f else item.get("file", ""), "line": line,
            "role": item.get("role", ""), "href": f"#{f['anchor']}L{line}" if f else ""}


def _simple_items(d: dict) -> list[tuple[str, str]]:
    out = []
    for k, v in d.items():
        if isinstance(v, (str, int, float, bool)) or v is None:
            out.append((str(k), str(v)))
        elif isinstance(v, (list, tuple)) and all(isinstance(x, (str, int, float)) for x in v):
            out.append((str(k), ", ".join(str(x) for x in v)))
        elif isinstance(v, dict):
            out.append((str(k), ", ".join(f"{a}: {b}" for a, b in v.items() if isinstance(b, (str, int, float, bool)))))
    return out


def report_context(result, analyse: bool = True) -> dict:
    files = _Files()
    findings: list[dict] = []
    documents: list[dict] = []
    rules_seen: dict[str, dict] = {}
    docs = result.rule_docs
    # 1) files and findings, with ids
    for di, d in enumerate(result.documents):
        paths = (d.summary or {}).get("files") or []
        for i, src in enumerate(d.sources):
            files.add(di, paths[i] if i < len(paths) else src.rel, src)
        for f in sorted(d.findings, key=_sort_key):
            loc = f.location
            item = files.find(di, loc.file)
            fid = len(findings)
            row = {"id": fid, "doc": di, "rule": f.rule, "name": f.name, "cat": f.category or "other",
                   "sev": f.severity, "msg": f.message, "file": loc.file, "line": loc.line, "col": loc.column,
                   "end_line": loc.end_line, "end_col": loc.end_column, "q": f.question, "sug": f.suggestion,
                   "excerpt": f.excerpt, "doclevel": f.document_level,
                   "target": f"{item['anchor']}L{loc.line}" if item else ""}
            findings.append(row)
            if item is not None:
                item["findings"].append(row)
            if f.rule not in rules_seen:
                doc = docs.get(f.rule) or {}
                rules_seen[f.rule] = {"code": f.rule, "name": f.name, "summary": doc.get("summary") or "",
                                      "why": doc.get("why") or "", "fix": doc.get("fix") or ""}
    # 2) per document: scorecard, arc, questions
    for di, d in enumerate(result.documents):
        rows = [x for x in findings if x["doc"] == di]
        areas = []
        known = {k for k, _ in AREAS}
        for key, label in AREAS + (("other", "Other"),):
            sel = [x for x in rows if x["cat"] == key or (key == "other" and x["cat"] not in known)]
            if key == "other" and not sel:
                continue
            c = Counter(x["sev"] for x in sel)
            areas.append({"key": key, "label": label, "total": len(sel),
                          "counts": {s: c.get(s, 0) for s in SEVERITIES}})
        questions: list[dict] = []
        seen_q: dict[str, dict] = {}
        for x in rows:
            if not x["q"]:
                continue
            if x["q"] in seen_q:
                seen_q[x["q"]]["refs"].append(x)
                continue
            seen_q[x["q"]] = {"q": x["q"], "rule": x["rule"], "name": x["name"], "refs": [x]}
            questions.append(seen_q[x["q"]])
        summary = d.summary or {}
        entry = {"index": di, "root": d.root, "venue": d.venue, "review": d.review,
                 "title": " ".join(str(summary.get("title") or "").split()),
                 "counts": {s: sum(1 for x in rows if x["sev"] == s) for s in SEVERITIES}, "total": len(rows),
                 "areas": areas, "chart": _area_chart(areas), "questions": questions, "arc": None,
                 "argument": [], "facts": [], "evidence": None, "stats": {}, "suppressed": d.suppressed, "baselined": d.baselined}
        if summary:
            if analyse:
                story = [x for x in rows if x["cat"] == "story"]
                entry["arc"] = _arc(summary, di, files, story, docs)
            if analyse and isinstance(summary.get("assessment"), dict):
                entry["evidence"] = _evidence_view(summary, di, files)
            if isinstance(summary.get("argument"), dict) and summary["argument"]:
                entry["argument"] = _simple_items(summary["argument"])
            if isinstance(summary.get("facts"), dict) and summary["facts"]:
                entry["facts"] = _simple_items(summary["facts"])
            stats = summary.get("stats") or {}
            entry["stats"] = {"files": len(summary.get("files") or []), "sections": len(summary.get("sections") or []),
                              "citations": stats.get("citations", 0), "figures": stats.get("figures", 0),
                              "tables": stats.get("tables", 0)}
        documents.append(entry)
    # 3) sources with highlighted finding ranges
    sources = []
    for item in files.items:
        src = item["src"]
        sev = {x["id"]: x["sev"] for x in item["findings"]}
        ranges = []
        for x in item["findings"]:
            start = _offset(src, x["line"], x["col"])
            end_line = max(x["end_line"] or x["line"], x["line"])
            end = _offset(src, end_line, x["end_col"] or x["col"] + 1)
            ranges.append((start, max(start, end), x["id"]))
        lines = _segments(src, ranges, sev)
        flagged = Counter(x["sev"] for x in item["findings"])
        sources.append({"path": item["path"], "anchor": item["anchor"], "lines": lines,
                        "counts": {s: flagged.get(s, 0) for s in SEVERITIES}, "total": len(item["findings"])})
    total = Counter(x["sev"] for x in findings)
    data = {"version": __version__,
            "findings": [{k: x[k] for k in ("id", "rule", "name", "sev", "msg", "q")} for x in findings],
            "rules": rules_seen}
    return {
        "version": __version__,
        "documents": documents,
        "findings": findings,
        "sources": sources,
        "rules": rules_seen,
        "counts": {s: total.get(s, 0) for s in SEVERITIES},
        "total": len(findings),
        "filters": {
            "severities": [s for s in SEVERITIES if total.get(s)],
            # every area, so a scorecard area with no finding selects none (not all)
            "categories": [k for k, _ in AREAS] + sorted({x["cat"] for x in findings} - {k for k, _ in AREAS}),
            "rules": sorted({(x["rule"], x["name"]) for x in findings}),
            "files": sorted({x["file"] for x in findings}),
        },
        "data": data,
        "single": len(documents) == 1,
    }


def _environment():
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


def render(result, analyse: bool = True, **_opts) -> str:
    env = _environment()
    template = env.get_template("report.html.j2")
    ctx = report_context(result, analyse=analyse)
    return template.render(**ctx)


def write(result, path: os.PathLike | str, **opts) -> None:
    Path(path).write_text(render(result, **opts), encoding="utf-8")
