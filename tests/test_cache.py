"""The result cache: hits give the same report without spaCy or parsing; any input change misses.

Whether a run was answered from the cache is observed from outside: the CLI runs in a
subprocess whose atexit hook reports whether ``spacy`` was ever imported (the default rules need
NLP, so a real lint imports it and a cache hit must not). The first run of every test checks
the probe says True, so the probe itself is tested.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from texlint.app import cache

PROBE = textwrap.dedent("""
    import atexit, sys
    atexit.register(lambda: sys.stderr.write("\\nSPACY_IMPORTED=%s\\n" % ("spacy" in sys.modules)))
    from texlint.cli.main import main
    main(prog_name="texlint")
""")

MAIN = r"""\documentclass{article}
\usepackage{natbib}
\title{A Small Test Paper}
\begin{document}
\maketitle
\begin{abstract}
We study a small problem. Our method always improves accuracy by 3.1\% \citep{doe2020}.
\end{abstract}
\input{sections/intro}
\section{Results}
Table~\ref{tab:missing} shows that the method is significantly better. TODO: add the ablation.
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""
INTRO = r"""\section{Introduction}
Models fail on long inputs \citep{doe2020}. We propose a simple fix and evaluate it on two tasks.
"""
BIB = "@article{doe2020,\n  title={A Title},\n  author={Doe, Jane},\n  journal={J},\n  year={2020}\n}\n"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    proj = tmp_path / "paper"
    (proj / "sections").mkdir(parents=True)
    (proj / "main.tex").write_text(MAIN, encoding="utf-8")
    (proj / "sections" / "intro.tex").write_text(INTRO, encoding="utf-8")
    (proj / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    return proj


def lint(proj: Path, *args: str, cache_dir: Path | None = None) -> tuple[str, bool, int]:
    """(stdout, spaCy imported?, exit code) of one CLI run in a fresh process."""
    cmd = [sys.executable, str(proj.parent / "probe.py"), "main.tex", *args]
    if cache_dir is not None:
        cmd += ["--cache-dir", str(cache_dir)]
    env = {k: v for k, v in os.environ.items() if k != cache.ENV_VAR}
    p = subprocess.run(cmd, cwd=proj, capture_output=True, text=True, timeout=120, env=env)
    assert "Traceback" not in p.stderr, p.stderr
    assert p.returncode in (0, 1), p.stderr
    line = [x for x in p.stderr.splitlines() if x.startswith("SPACY_IMPORTED=")]
    assert line, p.stderr
    return p.stdout, line[-1] == "SPACY_IMPORTED=True", p.returncode


def test_hit_is_identical_and_skips_spacy(project: Path):
    out1, spacy1, rc1 = lint(project)
    assert spacy1, "the first run must lint for real (probe sanity check)"
    assert "finding" in out1
    out2, spacy2, rc2 = lint(project)
    assert not spacy2, "a cached run must not import spaCy"
    assert (out2, rc2) == (out1, rc1)
    cdir = project / ".texlint_cache"
    assert "Signature: 8a477f597d28d172789f06886806bc55" in (cdir / "CACHEDIR.TAG").read_text()
    assert (cdir / ".gitignore").read_text().splitlines()[-1] == "*"
    # --no-cache neither reads nor needs the cache
    out3, spacy3, _ = lint(project, "--no-cache")
    assert spacy3 and out3 == out1


def test_json_hit_identical(project: Path, tmp_path: Path):
    cdir = tmp_path / "c"
    out1, spacy1, _ = lint(project, "--format", "json", cache_dir=cdir)
    out2, spacy2, _ = lint(project, "--format", "json", cache_dir=cdir)
    assert spacy1 and not spacy2
    assert out2 == out1
    assert json.loads(out2)["documents"][0]["sections"], "the cached summary keeps the sections"


def test_changed_include_bib_and_config_miss(project: Path, tmp_path: Path):
    cdir = tmp_path / "c"
    out1, _, _ = lint(project, cache_dir=cdir)
    assert not lint(project, cache_dir=cdir)[1]
    # an edit in an included file
    (project / "sections" / "intro.tex").write_text(INTRO + "\nTODO: write more here.\n", encoding="utf-8")
    out2, spacy2, _ = lint(project, cache_dir=cdir)
    assert spacy2 and out2 != out1 and "sections/intro.tex" in out2
    assert not lint(project, cache_dir=cdir)[1]
    # an edit in the bibliography (the cited key disappears)
    (project / "refs.bib").write_text(BIB.replace("doe2020", "roe2021"), encoding="utf-8")
    assert lint(project, cache_dir=cdir)[1]
    # a config change
    out4, _, _ = lint(project, cache_dir=cdir)
    (project / ".texlint.toml").write_text('ignore = ["L124"]\n', encoding="utf-8")
    out5, spacy5, _ = lint(project, cache_dir=cdir)
    assert spacy5 and out5 != out4
    # a CLI option that changes results
    assert lint(project, "--venue", "neurips", cache_dir=cdir)[1]


def test_new_file_beside_root_misses(project: Path, tmp_path: Path):
    """A .bib appearing where the bibliography is looked up must invalidate the entry."""
    (project / "refs.bib").unlink()
    (project / "main.tex").write_text(MAIN.replace(r"\bibliography{refs}", ""), encoding="utf-8")
    cdir = tmp_path / "c"
    lint(project, cache_dir=cdir)
    assert not lint(project, cache_dir=cdir)[1]
    (project / "other.bib").write_text(BIB, encoding="utf-8")
    assert lint(project, cache_dir=cdir)[1]


def test_named_file_filtered_from_cached_entry(project: Path, tmp_path: Path):
    cdir = tmp_path / "c"
    full, _, _ = lint(project, cache_dir=cdir)
    cmd = [sys.executable, str(project.parent / "probe.py"), "sections/intro.tex"]
    cached = subprocess.run(cmd + ["--cache-dir", str(cdir)], cwd=project, capture_output=True, text=True, timeout=120)
    fresh = subprocess.run(cmd + ["--no-cache"], cwd=project, capture_output=True, text=True, timeout=120)
    assert "SPACY_IMPORTED=False" in cached.stderr
    assert cached.stdout == fresh.stdout
    finding_lines = lambda out: {x for x in out.splitlines() if ": warning [" in x or ": info [" in x}  # noqa: E731
    assert finding_lines(cached.stdout) < finding_lines(full)  # the TODO in main.tex is left out


# -- concurrency ----------------------------------------------------------------------------

def _writer(args):
    root, cdir, key, n, tag = args
    from texlint.app.run import DocResult
    from texlint.engine.finding import Finding
    from texlint.latex.load import load_document
    from texlint.latex.model import Location

    doc = load_document(Path(root))
    ok = 0
    for i in range(n):
        f = Finding(rule="L124", message=f"{tag}-{i}" + "x" * 2000, location=Location("main.tex", 1, 1, 1, 2))
        dr = DocResult("main.tex", [f], doc)
        ok += cache.store(Path(cdir), key, dr, [f])
        got = cache.lookup(Path(cdir), key)
        if got is not None:  # a reader sees a whole entry from some writer, never a torn one
            msg = got["findings"][0].message
            assert msg.endswith("x" * 2000) and msg.split("-")[0] in ("a", "b", "c", "d"), msg[:40]
    return ok


def test_concurrent_writers_do_not_corrupt(project: Path, tmp_path: Path):
    cdir = tmp_path / "c"
    key = "k" * 64
    ctx = multiprocessing.get_context("fork")
    pool = ctx.Pool(4)  # closed and joined, not terminated: a worker killed holding the queue's lock can hang the join
    try:
        written = pool.map(_writer, [(str(project / "main.tex"), str(cdir), key, 40, t) for t in "abcd"])
    finally:
        pool.close()
        pool.join()
    assert sum(written) == 160
    entry = cache.lookup(cdir, key)
    assert entry is not None and len(entry["findings"]) == 1
    leftovers = [p.name for p in (cdir / "v1").iterdir() if p.name != key + ".json"]
    assert leftovers == [], leftovers  # no temporary files left behind


def test_corrupt_entry_is_a_miss(project: Path, tmp_path: Path):
    cdir = tmp_path / "c"
    lint(project, cache_dir=cdir)
    for p in (cdir / "v1").glob("*.json"):
        p.write_text('{"cache": 1, "files": [', encoding="utf-8")
    out, spacy, _ = lint(project, cache_dir=cdir)
    assert spacy and "finding" in out
    assert not lint(project, cache_dir=cdir)[1]


def test_unwritable_cache_dir_still_lints(project: Path, tmp_path: Path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x", encoding="utf-8")
    out, spacy, _ = lint(project, cache_dir=blocker / "sub")
    assert spacy and "finding" in out


def test_read_only_folder_gets_no_cache(project: Path):
    """A read-only paper folder (a mounted share) is linted and left as it was, even for root."""
    mode = project.stat().st_mode
    project.chmod(0o555)
    try:
        out, spacy, _ = lint(project)
        assert spacy and "finding" in out
        assert not (project / ".texlint_cache").exists()
    finally:
        project.chmod(mode)
    lint(project)
    assert (project / ".texlint_cache").is_dir()  # a writable one gets its cache as before

