"""Speed benchmarks: one command writes benchmarks/RESULTS.md.

    python benchmarks/run.py                # everything (several minutes on 2 cores)
    python benchmarks/run.py --quick        # fewer repeats, no 100x scaling

Measures: the spaCy start-up floor; cold ``texlint`` per paper of ../shared/corpus (MANIFEST.tsv)
and of fixtures/**/main.tex; cold cached re-runs; in-process time per stage (load, parse, nlp,
rules, report, as ``--profile`` prints them); scaling on synthetic papers of 1x, 10x, 100x a
typical paper (benchmarks/gen.py, generated text); batch throughput with --jobs 2; peak memory
on a generated 1 MB thesis; peers (proselint, chktex, lacheck) where installed; a cProfile of
the pipeline. Nothing is written into the corpus (caches go to a temporary folder).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen  # noqa: E402

SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
OUT = Path(__file__).resolve().parent / "RESULTS.md"
PY = sys.executable
TARGETS = {
    "inproc_typical_ms": 250, "inproc_150kb_ms": 150, "cold_over_floor_s": 0.3, "scale_100x_ratio": 120,
    "batch_pps": 3, "peak_mb": 400, "cache_hit_s": 0.3,
}


def corpus_papers() -> list[tuple[str, Path]]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    out = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) > 4 and (CORPUS / parts[0] / parts[4]).is_file():
            out.append((parts[0], CORPUS / parts[0] / parts[4]))
    return out


def fixture_papers() -> list[tuple[str, Path]]:
    return [(str(p.parent.relative_to(REPO)), p) for p in sorted((REPO / "fixtures").glob("**/main.tex"))]


def timed_cmd(cmd: list[str], cwd: Path | None = None, env: dict | None = None, timeout: float = 600) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       errors="replace", timeout=timeout)
    return time.perf_counter() - t0, p.returncode, p.stdout + p.stderr


def env_with_cache(cache: Path) -> dict:
    env = dict(os.environ)
    env["TEXLINT_CACHE_DIR"] = str(cache)
    return env


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def source_kb(main: Path) -> float:
    """Size of the .tex files of the paper's folder (an upper bound of what it reads)."""
    return sum(p.stat().st_size for p in main.parent.rglob("*.tex")) / 1024


# -- measurements ---------------------------------------------------------------------------------

def ensure_bytecode() -> str:
    """Compile texlint's modules to bytecode before timing processes, as ``pip install`` does
    for a wheel and as Python does on a module's first import. Without it, a machine that sets
    ``PYTHONDONTWRITEBYTECODE`` (this one does) compiles all of texlint from source in every
    process (about 0.1 s: 730 KB of source) that no installed copy pays, while spaCy's bytecode
    is there."""
    import compileall

    import texlint

    src = Path(texlint.__file__).parent
    compileall.compile_dir(str(src), quiet=1)
    setting = os.environ.get("PYTHONDONTWRITEBYTECODE")
    return (f"texlint's bytecode compiled before timing (PYTHONDONTWRITEBYTECODE={setting!r} here)"
            if setting else "texlint's bytecode compiled before timing")


def spacy_floor(n: int) -> dict:
    xs = [timed_cmd([PY, "-c", "import spacy; spacy.blank('en')"])[0] for _ in range(n)]
    ys = [timed_cmd([PY, "-m", "texlint", "--version"])[0] for _ in range(n)]
    return {"spacy_blank_s": median(xs), "texlint_version_s": median(ys)}


def cold_runs(papers, reps: int, tmp: Path) -> list[dict]:
    rows = []
    for name, main in papers:
        cache = tmp / "cache" / name.replace("/", "_")
        env = env_with_cache(cache)
        cold = []
        for _ in range(reps):
            t, rc, _ = timed_cmd([PY, "-m", "texlint", main.name, "--no-cache", "-q", "--format", "json"], cwd=main.parent)
            cold.append(t)
        timed_cmd([PY, "-m", "texlint", main.name, "-q"], cwd=main.parent, env=env)  # fill the cache
        hits = [timed_cmd([PY, "-m", "texlint", main.name, "-q"], cwd=main.parent, env=env)[0] for _ in range(reps)]
        rows.append({"paper": name, "kb": source_kb(main), "cold_s": median(cold), "rc": rc, "cached_s": median(hits)})
        print(f"  cold {name}: {median(cold):.2f} s, cached {median(hits):.2f} s", flush=True)
    return rows


def in_process(papers, reps: int) -> list[dict]:
    """Per-stage times with spaCy and the tagger already loaded (what --profile prints)."""
    from texlint.app.run import Options, run
    from texlint.report import render

    opts = Options(use_cache=False)
    run([papers[0][1]], opts)  # warm up: spaCy, tagger, registry
    rows = []
    for name, main in papers:
        samples = []
        for _ in range(reps):
            t0 = time.perf_counter()
            res = run([main], opts)
            t1 = time.perf_counter()
            render("json", res)
            t2 = time.perf_counter()
            st = dict(res.documents[0].timer.stages)
            st["report"] = t2 - t1
            st["wall"] = t2 - t0
            samples.append(st)
        row = {"paper": name, "kb": source_kb(main)}
        for k in ("load", "parse", "nlp", "rules", "report", "wall"):
            row[k] = median([s.get(k, 0.0) for s in samples]) * 1000
        row["findings"] = len(res.documents[0].findings)
        rows.append(row)
        print(f"  in-process {name}: {row['wall']:.0f} ms", flush=True)
    return rows


def scaling(tmp: Path, scales, reps: int) -> list[dict]:
    from texlint.app.run import Options, run

    opts = Options(use_cache=False)
    rows = []
    for s in scales:
        main = gen.write(tmp / f"scale{s}", scale=s, seed=1)
        run([main], opts) if s == scales[0] else None  # warm-up
        ts = []
        for _ in range(reps if s < 50 else 1):
            t0 = time.perf_counter()
            res = run([main], opts)
            ts.append(time.perf_counter() - t0)
        stages = {k: v * 1000 for k, v in res.documents[0].timer.stages.items()}
        rows.append({"scale": s, "kb": main.stat().st_size / 1024, "s": median(ts), "stages": stages})
        print(f"  scale {s}x: {median(ts):.2f} s", flush=True)
    return rows


def batch(papers, tmp: Path, jobs: int) -> dict:
    if not papers:
        return {}
    mains = [str(m) for _, m in papers]
    t, rc, out = timed_cmd([PY, "-m", "texlint", *mains, "--no-cache", "-q", "--format", "jsonl", "--jobs", str(jobs)])
    env = env_with_cache(tmp / "batchcache")
    timed_cmd([PY, "-m", "texlint", *mains, "-q", "--format", "text", "--jobs", str(jobs)], env=env)
    th, _, _ = timed_cmd([PY, "-m", "texlint", *mains, "-q", "--format", "text", "--jobs", str(jobs)], env=env)
    return {"papers": len(mains), "jobs": jobs, "s": t, "pps": len(mains) / t, "cached_s": th,
            "cached_pps": len(mains) / th}


def synthetic_batch(tmp: Path, n: int, jobs: int) -> dict:
    mains = [str(gen.write(tmp / f"batch{i}", scale=1.0, seed=100 + i)) for i in range(n)]
    t, rc, _ = timed_cmd([PY, "-m", "texlint", *mains, "--no-cache", "-q", "--format", "jsonl", "--jobs", str(jobs)])
    return {"papers": n, "jobs": jobs, "s": t, "pps": n / t}


def peak_memory(tmp: Path) -> dict:
    main = gen.write(tmp / "thesis", scale=1_000_000 / 60_000, seed=7)
    # The peak is the process's own high-water mark (VmHWM). ru_maxrss is not: on Linux a child
    # starts with its parent's peak (kept across fork and exec), and this parent has just linted
    # a 5.8 MB document in process, so ru_maxrss reported the parent's ~430 MB until 2026-12-02.
    code = ("import resource, sys\nfrom texlint.cli.main import main\n"
            f"sys.argv = ['texlint', {str(main)!r}, '--no-cache', '-q', '--format', 'json', '-o', '/dev/null']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "try:\n    hwm = int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
            "except (OSError, StopIteration):\n    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "print('MAXRSS', hwm)\n")
    t, rc, out = timed_cmd([PY, "-c", code], timeout=1800)
    kb = next((int(line.split()[1]) for line in out.splitlines() if line.startswith("MAXRSS")), -1)
    return {"kb_source": main.stat().st_size / 1024, "peak_mb": kb / 1024, "s": t}


def peers(papers) -> list[dict]:
    tools = {}
    if shutil.which("chktex"):
        tools["chktex"] = lambda m: ["chktex", "-q", m.name]
    if shutil.which("lacheck"):
        tools["lacheck"] = lambda m: ["lacheck", m.name]
    if shutil.which("proselint"):
        tools["proselint"] = lambda m: ["proselint", "check", m.name] if _proselint_has_check() else ["proselint", m.name]
    tools["texlint --select L"] = lambda m: [PY, "-m", "texlint", m.name, "--no-cache", "-q", "--select", "L",
                                             "--exit-zero"]
    tools["texlint --select W"] = lambda m: [PY, "-m", "texlint", m.name, "--no-cache", "-q", "--select", "W",
                                             "--exit-zero"]
    rows = []
    for name, main in papers:
        row = {"paper": name}
        for tool, cmd in tools.items():
            try:
                row[tool] = timed_cmd(cmd(main), cwd=main.parent, timeout=300)[0]
            except subprocess.TimeoutExpired:
                row[tool] = float("inf")
        rows.append(row)
    return rows


def _proselint_has_check() -> bool:
    out = subprocess.run(["proselint", "--help"], capture_output=True, text=True).stdout
    return "check" in out


def profile_top(main: Path, n: int = 15) -> str:
    import cProfile
    import pstats

    from texlint.app.run import Options, run

    opts = Options(use_cache=False)
    run([main], opts)  # warm
    pr = cProfile.Profile()
    pr.enable()
    run([main], opts)
    pr.disable()
    buf = io.StringIO()
    pstats.Stats(pr, stream=buf).sort_stats("tottime").print_stats(n)
    buf2 = io.StringIO()
    pstats.Stats(pr, stream=buf2).sort_stats("cumtime").print_stats(25)
    keep = lambda s: "\n".join(l for l in s.splitlines() if l.strip() and not l.startswith(("   Ordered", "   List")))  # noqa: E731
    return keep(buf.getvalue()) + "\n\n" + keep(buf2.getvalue())


# -- report ---------------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def write_report(r: dict) -> str:
    L = ["# texlint benchmarks", "",
         f"Generated by `python benchmarks/run.py` on {r.get('measured_at') or time.strftime('%Y-%m-%d %H:%M')} — "
         f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
         f"load average at start {r['load']}. Times are wall clock; the machine was shared with other "
         "jobs, so single numbers carry noise of ±30 %.", ""]
    f = r["floor"]
    L += ["## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    typ = r.get("typical")
    if typ:
        L.append(f"| in-process lint of a typical 60 KB paper < 250 ms (median, all default rules) | "
                 f"{typ['wall']:.0f} ms ({typ['paper']}) | {verdict(typ['wall'] < TARGETS['inproc_typical_ms'])} |")
    big = r.get("big")
    if big:
        L.append(f"| in-process lint of a 150 KB paper ≤ 150 ms (median, all default rules) | {big['wall']:.0f} ms "
                 f"({big['paper']}) | {verdict(big['wall'] <= TARGETS['inproc_150kb_ms'])} |")
    if r.get("cold"):
        typical_cold = [x for x in r["cold"] if not x["paper"].startswith("fixtures/")] or r["cold"]
        cold_med = median([x["cold_s"] for x in typical_cold])
        over = cold_med - f["spacy_blank_s"]
        L.append(f"| cold `texlint paper.tex` ≤ spaCy's start-up + 0.3 s (corpus papers, median) | median "
                 f"{cold_med:.2f} s; spaCy floor {f['spacy_blank_s']:.2f} s in the same run: +{over:.2f} s | "
                 f"{verdict(over <= TARGETS['cold_over_floor_s'])} |")
        hit_max = max(x["cached_s"] for x in r["cold"])
        L.append(f"| cached re-run < 0.3 s | max {hit_max:.2f} s over {len(r['cold'])} papers | "
                 f"{verdict(hit_max < TARGETS['cache_hit_s'])} |")
    sc = r.get("scaling")
    if sc and len(sc) >= 3:
        ratio = sc[-1]["s"] / sc[0]["s"]
        L.append(f"| 100x input in < 120x time | {sc[-1]['scale']}x took {ratio:.0f}x the 1x time | "
                 f"{verdict(ratio < TARGETS['scale_100x_ratio'])} |")
    b = r.get("batch")
    if b:
        L.append(f"| batch --jobs 2 ≥ 3 papers/s (cold cache) | corpus: {b['pps']:.2f} papers/s cold "
                 f"({b['cached_pps']:.1f} papers/s cached); synthetic 60 KB papers: {r['sbatch']['pps']:.2f} papers/s | "
                 f"{verdict(b['pps'] >= TARGETS['batch_pps'])} |")
    m = r.get("memory")
    if m:
        L.append(f"| peak memory < 400 MB on a 1 MB thesis | {m['peak_mb']:.0f} MB ({m['kb_source']:.0f} KB source, "
                 f"{m['s']:.1f} s) | {verdict(0 < m['peak_mb'] < TARGETS['peak_mb'])} |")
    L += ["", "## Start-up floor", "",
          f"- `python -c \"import spacy; spacy.blank('en')\"`: {f['spacy_blank_s']:.2f} s (median)",
          f"- `python -m texlint --version` (click only, no spaCy): {f['texlint_version_s']:.2f} s",
          f"- {r.get('bytecode') or 'texlint ran from source: modules compiled in every process'} "
          "(an installed wheel has its bytecode; spaCy's is in site-packages)", ""]
    if r.get("cold"):
        L += ["## Cold process time per paper", "",
              "`python -m texlint MAIN --no-cache -q --format json` from the paper's folder; *cached* is the "
              "same command answered from the result cache (no spaCy import, no parsing).", "",
              "| paper | .tex KB | cold s | cached s | exit |", "|---|---:|---:|---:|---:|"]
        for x in r["cold"]:
            L.append(f"| {x['paper']} | {x['kb']:.0f} | {x['cold_s']:.2f} | {x['cached_s']:.2f} | {x['rc']} |")
        L.append("")
    if r.get("inproc"):
        L += ["## In-process time per stage (ms, median)", "",
              "spaCy and the tagger loaded beforehand; `report` renders JSON. Same stages as `texlint --profile`.", "",
              "| paper | KB | load | parse | nlp | rules | report | total | findings |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for x in r["inproc"]:
            L.append(f"| {x['paper']} | {x['kb']:.0f} | {x['load']:.1f} | {x['parse']:.0f} | {x['nlp']:.0f} | "
                     f"{x['rules']:.0f} | {x['report']:.1f} | {x['wall']:.0f} | {x['findings']} |")
        L.append("")
    if sc:
        L += ["## Scaling (synthetic papers, in-process)", "", "| scale | KB | seconds | x of 1x | stages (ms) |",
              "|---:|---:|---:|---:|---|"]
        for x in sc:
            st = ", ".join(f"{k} {v:.0f}" for k, v in x["stages"].items())
            L.append(f"| {x['scale']}x | {x['kb']:.0f} | {x['s']:.2f} | {x['s'] / sc[0]['s']:.1f} | {st} |")
        L.append("")
    if b:
        L += ["## Batch", "",
              f"- corpus, {b['papers']} papers, `--jobs {b['jobs']} --no-cache --format jsonl`: {b['s']:.1f} s = "
              f"{b['pps']:.2f} papers/s (includes one spaCy start-up per worker)",
              f"- same, answered from the cache: {b['cached_s']:.2f} s = {b['cached_pps']:.1f} papers/s",
              f"- {r['sbatch']['papers']} synthetic 60 KB papers, `--jobs {r['sbatch']['jobs']}`: "
              f"{r['sbatch']['s']:.1f} s = {r['sbatch']['pps']:.2f} papers/s", ""]
    if r.get("peers"):
        peers_ = r["peers"]
        tot = lambda t: sum(x.get(t, 0.0) for x in peers_)  # noqa: E731
        L += ["## Peers, side by side (cold process per paper, the same main files, one run)", "",
              "badness (Rust) is not measured: it is not packaged for this machine's registries (PyPI, Debian, "
              "npm) and cannot be built here. ChkTeX and lacheck come from Debian, proselint from PyPI.", "",
              "| tool | what it checks | total s over the corpus | texlint's ratio |", "|---|---|---:|---|"]
        rows = [("texlint --select L", "texlint's LaTeX rules only (no spaCy)", None),
                ("chktex", "LaTeX typography", "texlint --select L"), ("lacheck", "LaTeX typography", "texlint --select L"),
                ("texlint --select W", "texlint's style rules (prose, spaCy)", None),
                ("proselint", "prose style", "texlint --select W")]
        for tool, what, versus in rows:
            if not any(tool in x for x in peers_):
                continue
            ratio = f"{tot(versus) / tot(tool):.1f}x slower ({versus})" if versus and tot(tool) else ""
            L.append(f"| {tool} | {what} | {tot(tool):.1f} | {ratio} |")
        L += ["", "ChkTeX and lacheck are C programs with no start-up cost; proselint reads the file as plain text. "
              "Per paper, texlint's time is mostly Python's and its libraries' start-up (see the floor above).", ""]
    L += ["## Profile (cProfile, in-process, warm, typical paper)", "", "```", r.get("profile", ""), "```", ""]
    L += [ANALYSIS, ""]
    return "\n".join(L)


ANALYSIS = (REPO / "benchmarks" / "analysis.md").read_text(encoding="utf-8") if (REPO / "benchmarks" / "analysis.md").is_file() else ""


def _language_server_section() -> str:
    """The section ``benchmarks/lsp_latency.py`` wrote into RESULTS.md, kept as it is ("" when none)."""
    old = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
    if "\n## Language server" not in old:
        return ""
    start = old.index("\n## Language server") + 1
    end = old.find("\n## ", start + 5)
    return "\n" + old[start:end + 1 if end != -1 else len(old)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--from-json", type=Path, help="Re-render RESULTS.md from a saved results file.")
    args = ap.parse_args()
    raw = Path(tempfile.gettempdir(), "texlint-bench-results.json")
    if args.from_json:
        OUT.write_text(write_report(json.loads(args.from_json.read_text(encoding="utf-8"))) + _language_server_section(),
                       encoding="utf-8")
        print(f"wrote {OUT}")
        return
    reps = 1 if args.quick else 3
    # the run's own time, so that a report re-rendered with --from-json says when it was measured
    r: dict = {"load": " ".join(f"{x:.1f}" for x in os.getloadavg()), "measured_at": time.strftime("%Y-%m-%d %H:%M")}
    papers = corpus_papers()
    fixtures = fixture_papers()
    with tempfile.TemporaryDirectory(prefix="texlint-bench-") as td:
        tmp = Path(td)
        r["bytecode"] = ensure_bytecode()
        print("floor", flush=True)
        r["floor"] = spacy_floor(reps)
        typical = gen.write(tmp / "typical", scale=1.0, seed=3)
        print("in-process", flush=True)
        r["inproc"] = in_process([("synthetic 60 KB", typical)] + fixtures + papers, reps)
        r["typical"] = r["inproc"][0]
        big = gen.write(tmp / "big", scale=150_000 / 60_000, seed=5)
        r["big"] = in_process([("synthetic 150 KB", big)], reps + 2)[0]
        print("cold", flush=True)
        r["cold"] = cold_runs(fixtures + papers, 1, tmp)
        print("scaling", flush=True)
        r["scaling"] = scaling(tmp, [1, 10] if args.quick else [1, 10, 100], reps)
        print("batch", flush=True)
        r["batch"] = batch(papers, tmp, 2)
        r["sbatch"] = synthetic_batch(tmp, 8 if args.quick else 16, 2)
        print("memory", flush=True)
        r["memory"] = peak_memory(tmp)
        print("peers", flush=True)
        r["peers"] = peers(papers)
        print("profile", flush=True)
        r["profile"] = profile_top(typical)
    OUT.write_text(write_report(r) + _language_server_section(), encoding="utf-8")
    raw.write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
    print(f"wrote {OUT} (raw numbers: {raw})")


if __name__ == "__main__":
    main()
