"""The pre-commit hook end to end: ``pre-commit try-repo`` installs texlint from this repository.

pre-commit passes the changed files (e.g. ``sections/intro.tex``); texlint finds the root
document and reports findings in those files plus document-level ones. The install needs PyPI
(pre-commit builds a virtualenv and pip-installs the repo), so the whole module shares one
install: one texlint repo copy, one PRE_COMMIT_HOME, several papers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
GIT = shutil.which("git")
PRE_COMMIT = shutil.which("pre-commit")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
TIMEOUT = 420

pytestmark = pytest.mark.skipif(not (GIT and PRE_COMMIT), reason="git and pre-commit are needed")

MAIN = r"""\documentclass{article}
\begin{document}
\section{Introduction}
We study routing.
\input{sections/intro}
%s
\end{document}
"""
CONFIG = 'select = ["L"]\n'  # LaTeX hygiene only: the clean paper must be clean whatever the story rules say


def test_hook_definition_matches_the_brief():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "texlint"]
    assert hook["entry"] == "texlint" and hook["language"] == "python"
    # .bib and config changes run the hook too: deleting a bibliography entry breaks a citation
    assert set(hook["types_or"]) == {"tex", "bib", "toml"} and "types" not in hook
    assert hook["pass_filenames"] is True and hook["require_serial"] is True


def _git(cwd: Path, *args: str) -> None:
    subprocess.run([GIT, *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV},
                   timeout=60)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This repository's working tree, committed in a temp git repo (try-repo installs from HEAD)."""
    dst = tmp_path_factory.mktemp("texlint-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".texlint_cache")
    for name in ("src",):  # rule packs and vocabularies are package data under src/texlint
        shutil.copytree(REPO / name, dst / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, dst / name)
    _git(dst, "init", "-q")
    _git(dst, "add", "-A")
    _git(dst, "commit", "-q", "-m", "texlint under test")
    return dst


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _paper(root: Path, intro: str, main_extra: str = "") -> Path:
    (root / "sections").mkdir(parents=True)
    (root / "main.tex").write_text(MAIN % main_extra, encoding="utf-8")
    (root / "sections" / "intro.tex").write_text(intro, encoding="utf-8")
    (root / ".texlint.toml").write_text(CONFIG, encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "paper")
    return root


def _try_repo(paper: Path, hook_repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([PRE_COMMIT, "try-repo", str(hook_repo), "texlint", "--color", "never", "--verbose",
                           "--files", *files], cwd=paper, capture_output=True, text=True, env=env,
                          timeout=TIMEOUT)


def test_hook_fails_on_bad_paper_and_passes_on_clean(hook_repo, pre_commit_home, tmp_path):
    # bad: the changed file includes a missing file (L001, error); main.tex has its own problem,
    # which must not be reported because only sections/intro.tex changed.
    bad = _paper(tmp_path / "bad", "Intro text.\n\\input{sections/missing}\n", main_extra="\\todo{later}")
    res = _try_repo(bad, hook_repo, pre_commit_home, "sections/intro.tex")
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "texlint" in out and "Failed" in out
    assert "sections/intro.tex:2:1: error [L001 input-not-found] included file not found: sections/missing" in out
    assert "main.tex:" not in out.replace("sections/intro.tex", ""), out  # main.tex was not passed
    assert "Traceback" not in out

    clean = _paper(tmp_path / "clean", "Intro text about routing.\n")
    res = _try_repo(clean, hook_repo, pre_commit_home, "sections/intro.tex", "main.tex")
    out = res.stdout + res.stderr
    assert res.returncode == 0, out
    assert "Passed" in out


def test_hook_runs_when_only_the_bibliography_changes(hook_repo, pre_commit_home, tmp_path):
    """Deleting an entry from refs.bib breaks a citation in a .tex file nobody touched."""
    paper = _paper(tmp_path / "bib", "Intro text, see \\cite{knuth84}.\n",
                   main_extra="\\bibliographystyle{plain}\n\\bibliography{refs}")
    (paper / "refs.bib").write_text("@book{other, title={Other}, year={1990}}\n", encoding="utf-8")
    res = _try_repo(paper, hook_repo, pre_commit_home, "refs.bib")
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "[L101 undefined-citation]" in out and "knuth84" in out, out
    res = _try_repo(paper, hook_repo, pre_commit_home, "pyproject.toml")  # an unrelated file: nothing to lint
    assert "Traceback" not in res.stdout + res.stderr
