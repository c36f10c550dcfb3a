"""texlint imports spaCy without spaCy's command line (nlp/spacy_import.py), and anything that
does use the command line still gets it. Each check runs in a fresh interpreter: the test
process has imported spaCy already."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str, env_extra: dict | None = None) -> str:
    import os

    env = dict(os.environ)
    env.pop("TEXLINT_SPACY_CLI", None)
    env.update(env_extra or {})
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip()


def test_texlint_pipeline_does_not_import_spacys_command_line():
    out = _run("""
        import sys
        from texlint.nlp.pipeline import get_nlp
        from texlint.nlp.tagger import tag_texts
        nlp = get_nlp()
        print([t.text for t in nlp("We show e.g. ⟦cite⟧ results.")])
        print(sorted(tag_texts(["We are the first to show this."])[0]))
        print(any(m in sys.modules for m in ("typer", "rich", "weasel")), type(sys.modules["spacy.cli"]).__name__)
    """)
    tokens, tags, state = out.splitlines()
    assert tokens == "['We', 'show', 'e.g.', '⟦cite⟧', 'results', '.']"
    assert "novelty" in tags
    assert state == "False _LazyCli"


def test_the_command_line_still_works_when_used():
    out = _run("""
        import sys
        from texlint.nlp.pipeline import get_nlp
        get_nlp()
        import spacy
        info = spacy.info()
        from spacy.cli import download
        print(type(info).__name__, callable(download), type(spacy.cli).__name__, type(sys.modules["spacy.cli"]).__name__)
    """)
    assert out == "dict True module module"


def test_a_submodule_of_the_command_line_imports():
    out = _run("""
        from texlint.nlp.pipeline import get_nlp
        get_nlp()
        import spacy.cli.init_config as ic
        print(hasattr(ic, "init_config"))
    """)
    assert out == "True"


def test_the_usual_import_when_asked():
    out = _run("""
        import sys
        from texlint.nlp.pipeline import get_nlp
        get_nlp()
        print(type(sys.modules["spacy.cli"]).__name__, "typer" in sys.modules)
    """, {"TEXLINT_SPACY_CLI": "1"})
    assert out == "module True"
