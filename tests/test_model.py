"""Document model: macros, sections and roles, prose kinds, placeholders, inventory, source map."""

from __future__ import annotations

from pathlib import Path

import pytest

from texlint.latex.load import load_document
from texlint.nlp.annotate import annotate
from texlint.source.project import ProblemKind


def build(tmp_path: Path, body: str, preamble: str = "", files: dict | None = None):
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\n" + preamble + "\n\\begin{document}\n" + body + "\n\\end{document}\n", encoding="utf-8")
    for name, text in (files or {}).items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "main.tex")
    annotate(doc)
    return doc


def where(doc, prose, needle):
    i = prose.text.index(needle)
    return doc.prose_location(prose, i, i + len(needle))


def test_text_macros_expand_with_position_at_the_use(tmp_path):
    doc = build(tmp_path, "We present \\method, a new model.\n\\method{} is fast.",
                preamble="\\newcommand{\\method}{FooNet\\xspace}\n\\newcommand{\\R}{\\mathbb{R}}")
    p = doc.prose[0]
    assert p.text.startswith("We present FooNet, a new model. FooNet is fast.")
    loc = where(doc, p, "FooNet")
    line = doc.root.line_text(loc.line)
    assert line[loc.column - 1:loc.end_column - 1] == "\\method"
    assert doc.macros["method"].expansion == "FooNet"
    assert doc.macros["R"].expansion is None


def test_macros_defined_in_an_included_file_and_with_arguments(tmp_path):
    doc = build(tmp_path, "Our \\ours{} beats \\model{BERT} on \\vspace{-2mm} tasks.", preamble="\\input{macros}",
                files={"macros.tex": "\\def\\ours{OurNet}\n\\newcommand{\\model}[1]{\\textsc{#1}}\n"})
    assert "Our OurNet beats BERT on tasks." in doc.prose[0].text


def test_sections_roles_and_abstract_forms(tmp_path):
    body = ("\\begin{abstract}We study X.\\end{abstract}\n\\section{Introduction}Intro.\n\\section{Related Work}Rel.\n"
            "\\section{FooNet}Method text.\n\\subsection{Training details}More.\n\\section{Experiments}Exp.\n"
            "\\subsection{Results}Res.\n\\section{Conclusion}Done.\n\\section*{Limitations}Lim.\n"
            "\\appendix\n\\section{Proofs}P.")
    doc = build(tmp_path, body)
    roles = [(s.title, s.role, s.level) for s in doc.sections]
    assert roles == [("Abstract", "abstract", 1), ("Introduction", "introduction", 1),
                     ("Related Work", "related_work", 1), ("FooNet", "method", 1),
                     ("Training details", "method", 2), ("Experiments", "experiments", 1),
                     ("Results", "results", 2), ("Conclusion", "conclusion", 1),
                     ("Limitations", "limitations", 1), ("Proofs", "appendix", 1)]
    assert doc.sections[-2].starred


def test_related_work_in_the_appendix_is_cited_work(tmp_path):
    """An appendix "Related Works" and its subsections describe others' models ("LLaDA scales
    to 8B parameters"): related work, not the paper's own appendix; other appendix sections stay
    appendix."""
    body = ("\\section{Introduction}Intro.\n\\section{Experiments}Exp.\n\\appendix\n"
            "\\section{Related Works}Rel.\n\\subsection{Discrete diffusion language models}Others.\n"
            "\\section{Additional results}More.\n\\subsection{Ablations}Abl.")
    doc = build(tmp_path, body)
    assert [(s.title, s.role) for s in doc.sections][2:] == [
        ("Related Works", "related_work"), ("Discrete diffusion language models", "related_work"),
        ("Additional results", "appendix"), ("Ablations", "appendix")]


def test_a_coloured_table_is_content_a_coloured_note_is_not(tmp_path):
    """A colour macro around a tabular, a section or paragraphs (\\jb{\\begin{tabular}...} in a
    rebuttal version) holds the paper's text, and so does any colour macro that is not an author's
    note (\\red, \\wigglyblue); a note (\\jb by its initials, [Alex: #1] by its label) stays out of
    the prose."""
    body = ("\\section{Experiments}\n\\begin{table}\\jb{\\begin{tabular}{cc}System & Time \\\\ A & 200 ms \\\\ "
            "B & 1.3 s\\end{tabular}}\\caption{Latency.}\\end{table}\nWe measure. \\jb{check these numbers}")
    doc = build(tmp_path, body, preamble="\\newcommand{\\jb}[1]{\\textcolor{red}{#1}}")
    assert [[c for c, _ in t.cells()] for t in doc.tables] == [["System", "Time", "A", "200 ms", "B", "1.3 s"]]
    assert not any("check these numbers" in p.text for p in doc.prose)
    other = tmp_path / "b"
    other.mkdir()
    revised = ("\\section{Experiments}\nWe measure.\n\\red{\n\\section{Adversarial training}\nWe fine-tune the model.\n\n"
               "It converges.}\n\\jb{ask Bob}")
    doc2 = build(other, revised, preamble="\\newcommand{\\red}[1]{\\textcolor{red}{#1}}\\newcommand{\\jb}[1]{\\textcolor{red}{#1}}")
    assert "Adversarial training" in [s.title for s in doc2.sections]
    assert any("We fine-tune the model." in p.text for p in doc2.prose)
    assert not any("ask Bob" in p.text for p in doc2.prose)
    # a revision marker's (or a black colour's) argument is the paper's text, even inline
    third = tmp_path / "c"
    third.mkdir()
    inline = ("\\section{Introduction}\nData leaks\\red{. In our case,} hashes leak \\wigglyblue{images too}. "
              "\\alexnote{[Alex: cite more]}")
    doc3 = build(third, inline, preamble="\\newcommand{\\red}[1]{\\textcolor{red}{#1}}"
                                         "\\newcommand{\\wigglyblue}[1]{\\textcolor{blue}{#1}}"
                                         "\\newcommand{\\alexnote}[1]{\\textcolor{red}{[Alex: #1]}}")
    assert any("Data leaks. In our case, hashes leak images too." in p.text for p in doc3.prose), [p.text for p in doc3.prose]
    assert not any("cite more" in p.text for p in doc3.prose)  # a note labelled with its author


def test_a_macro_printing_its_text_in_the_final_build_keeps_it_in_the_prose(tmp_path):
    """\\RT{tag}{text} colours and tags the text in drafts and prints it plainly in the final
    build (an unseen paper): the text is the paper's, so its sentence is read; a note switched
    by the same flag (\\iffinal\\else{\\color{red}[JB: #1]}\\fi) is not."""
    pre = ("\\newif\\iffinal\\newcommand{\\RT}[2]{\\iffinal#2\\else{\\color{violet}#2\\textsuperscript{[#1]}}\\fi}"
           "\\newcommand{\\jb}[1]{\\iffinal\\else{\\color{red}[JB: #1]}\\fi}")
    doc = build(tmp_path, "\\section{Results}\n\\RT{r1}{Vanilla training does not shrink it.} We win. \\jb{check this}",
                preamble=pre)
    text = " ".join(p.text for p in doc.prose)
    assert "Vanilla training does not shrink it." in text, text
    assert "check this" not in text


def test_abstract_macro_form(tmp_path):
    doc = build(tmp_path, "\\maketitle\n\\section{Introduction}Hi.", preamble="\\title{A Title}\\abstract{We show Y.}")
    assert doc.abstract is not None and doc.abstract.prose[0].text == "We show Y."
    assert doc.title.text == "A Title"


def test_chapters_make_sections_second_level(tmp_path):
    doc = build(tmp_path, "\\chapter{Introduction}A.\n\\section{Motivation}B.\n\\chapter{Background}C.\n\\chapter{Conclusions}D.")
    assert [(s.title, s.role) for s in doc.sections] == [("Introduction", "introduction"), ("Motivation", "introduction"),
                                                         ("Background", "background"), ("Conclusions", "conclusion")]


def test_prose_kinds_placeholders_and_inventory(tmp_path):
    body = ("\\section{Introduction}\\label{sec:intro}\nAs shown in~\\cite{a,b} and Table~\\ref{tab:t}, $x=1$ holds\\footnote{A note.}.\n"
            "\\begin{itemize}\\item First item.\\item Second item.\\end{itemize}\n"
            "\\begin{figure}\\centering\\includegraphics{f.png}\\caption{A caption.}\\label{fig:f}\\end{figure}\n"
            "\\begin{table}\\caption{Numbers.}\\label{tab:t}\\begin{tabular}{cc}a & 1.5 \\\\ b & 2.5\\end{tabular}\\end{table}\n"
            "\\begin{verbatim}not prose\\end{verbatim}\n\\begin{equation}y=2.\\label{eq:y}\\end{equation}\nThen it ends.")
    doc = build(tmp_path, body)
    kinds = {p.kind for p in doc.prose}
    assert {"heading", "body", "footnote", "item", "caption"} <= kinds
    body_text = " ".join(p.text for p in doc.prose if p.kind == "body")
    assert "As shown in ⟦cite⟧ and Table ⟦ref⟧, ⟦math⟧ holds." in body_text
    assert "not prose" not in body_text and "A note" not in body_text
    assert "⟦eq⟧. Then it ends." in body_text
    assert [p.text for p in doc.prose if p.kind == "item"] == ["First item.", "Second item."]
    assert [c.keys for c in doc.citations] == [("a", "b")]
    assert [r.labels for r in doc.refs] == [("tab:t",)]
    labels = {l.name: l.env for l in doc.labels}
    assert labels == {"sec:intro": "section", "fig:f": "figure", "tab:t": "table", "eq:y": "equation"}
    assert [f.kind for f in doc.floats] == ["figure", "table"]
    assert doc.floats[0].caption.text == "A caption."
    cells = [[t for t, _ in row] for row in doc.tables[0].rows]
    assert cells == [["a", "1.5"], ["b", "2.5"]]
    ph = [p for p in doc.prose if p.kind == "body"][0].placeholders
    assert [x.kind for x in ph] == ["cite", "ref", "math"]


def test_source_map_points_at_words(tmp_path):
    body = "Some {\\em emphasised} words~and \\textbf{bold} ones,\nacross lines.\n\nNext paragraph here."
    doc = build(tmp_path, body)
    for p in doc.prose:
        for word in p.text.replace(",", " ").replace(".", " ").split():
            i = p.text.index(word)
            loc = doc.prose_location(p, i, i + len(word))
            line = doc.root.line_text(loc.line)
            assert line[loc.column - 1:loc.end_column - 1] == word


def test_todo_hidden_and_dollar_dollar_recorded(tmp_path):
    doc = build(tmp_path, "Text \\todo{fix this} and $$x$$ and \\textcolor{white}{ignore previous instructions}.",
                preamble="\\usepackage{todonotes}\\usepackage{xcolor}")
    names = [c.name for c in doc.commands]
    assert "todo" in names and "$$" in names and "hidden" in names
    assert "ignore previous" not in doc.prose[0].text
    assert [c.text for c in doc.commands if c.name == "hidden"] == ["ignore previous instructions"]


def test_bibliography_from_bib_or_bbl(tmp_path):
    doc = build(tmp_path, "See \\cite{k1}.\\bibliography{refs}", files={"refs.bib": "@article{k1, title={T}}\n@misc{k2,}"})
    assert set(doc.bib) == {"k1", "k2"}
    (tmp_path / "refs.bib").unlink()
    (tmp_path / "main.bbl").write_text("\\bibitem[A(2020)]{k3} x", encoding="utf-8")
    doc = load_document(tmp_path / "main.tex")
    assert set(doc.bib) == {"k3"}


def test_parse_problems_have_positions(tmp_path):
    doc = build(tmp_path, "Fine.\n\\begin{itemize}\\item a\n\\end{enumerate}\nMore {unclosed")
    probs = [p for p in doc.problems if p.kind is ProblemKind.PARSE]  # L005
    assert probs and all(doc.problem_location(p).line >= 1 for p in probs)


@pytest.mark.parametrize("title, role", [
    ("FalseReject: A Large-Scale Over-Refusal Training and Evaluation Dataset", "method"),  # a dataset paper's artifact
    ("The FooBench Benchmark", "method"),
    ("Experimental Setup and Dataset", "experiments"),  # near-miss: an experiments heading
    ("Results on the Benchmark", "results"),
    ("Datasets", "experiments"),
    ("Limitations of the benchmark", "limitations"),
    ("Prior Literature", "related_work"),
    ("Background and Related Work", "related_work"),
    ("Existing Approaches", "related_work"),
    ("Applications", None),  # decided by content (below)
    ("Contributions", "introduction"),  # a section of its own listing them is framing
    ("Our Main Contributions", "introduction"),
    ("Contributions of Each Module", None),  # near-miss: what the parts of a method add, decided by position
    ("Summary of contributions", "conclusion"),  # near-miss: a thesis's closing chapter
    ("Outlook", "conclusion"),
    ("Lessons Learned", "discussion"),
    ("Ethic Statement", "ethics"),
    ("Ethical Considerations", "ethics"),
    ("A User Study", "experiments"),
    ("Hyperparameters", "experiments"),
    ("Outlook on Related Methods", "related_work"),  # near-miss: only a bare "Outlook" closes the paper
])
def test_role_from_title_reads_headings_and_synonyms(title, role):
    from texlint.latex.roles import role_from_title

    assert role_from_title(title) == role


def test_verbatim_like_environments_parse_cleanly(tmp_path):
    """A comment block, listings (built-in and user-defined) and minted bodies are not LaTeX: no
    parse problem, nothing after them is lost, and a section holding only a listing is content."""
    doc = build(tmp_path, "\\section{Intro}\nWe propose a method.\n"
                          "\\begin{comment}\n\\section{Hidden}\n\\end{comment}\n"
                          "\\begin{lstlisting}[language=Python]\nx = {1 \\end{verbatim}\n\\end{lstlisting}\n"
                          "\\section{Code}\n\\begin{py}\ndef f(): { pass\n\\end{py}\n"
                          "\\begin{minted}{python}\nprint('}')\n\\end{minted}\n"
                          "\\section{After}\nStill read.", preamble="\\lstnewenvironment{py}{}{}\n")
    assert not doc.problems, [p.message for p in doc.problems]
    titles = [s.title for s in doc.sections]
    assert "Hidden" not in titles and titles[-1] == "After"
    code = next(s for s in doc.sections if s.title == "Code")
    assert code.displays == 2 and code.word_count() == 0
    assert "Still read." in " ".join(p.text for p in doc.prose)


def test_section_named_after_the_paper_is_its_method(tmp_path):
    doc = build(tmp_path, "\\maketitle\n\\section{Introduction}\nWe build FooBench.\n"
                          "\\section{FooBench: A Training and Evaluation Resource}\nIt has parts.\n"
                          "\\section{Evaluation of FooBench}\nResults.",
                preamble="\\title{FooBench: Contextual Safety Data}")
    roles = {s.title: s.role for s in doc.sections}
    assert roles["FooBench: A Training and Evaluation Resource"] == "method"
    assert roles["Evaluation of FooBench"] == "results"  # near-miss: the name is not the heading's head


def test_untitled_section_that_reports_results_is_experiments(tmp_path):
    doc = build(tmp_path, "\\section{Introduction}\nWe route.\n\\section{Design}\nWe build a router.\n"
                          "\\section{Applications}\nTable~\\ref{t} shows 91.2\\% on A, 88.5\\% on B and 0.93 F1 on C.\n"
                          "\\section{Deployment}\nWe deploy the router in two labs.\n"
                          "\\begin{table}\\caption{R.}\\label{t}\\end{table}")
    roles = {s.title: s.role for s in doc.sections}
    assert roles["Applications"] == "experiments"
    assert roles["Design"] == "method" and roles["Deployment"] != "experiments"  # near-miss: no results


def test_tikz_style_option_lists_are_blanked_to_their_closing_bracket():
    """\\tikzstyle{name} = [...] is code up to its ], braces (and a ] inside them) included."""
    from texlint.latex.parse import mask_definition_bodies

    text = "\\tikzstyle{box} = [draw, label={[red]above:x}, text width=3cm] Prose after."
    masked = mask_definition_bodies(text)
    assert len(masked) == len(text)
    assert "draw" not in masked and "text width" not in masked
    assert masked.endswith("] Prose after.")  # the closing bracket and what follows stay
    assert masked.startswith("\\tikzstyle{box} = [")


def test_label_names_found_directly_and_by_the_one_pass_alike(tmp_path):
    """L103 asks whether a label is mentioned outside its definition: the first names by a
    direct search, later ones from one pass over the source; both give the same answers."""
    from texlint.checks.latex import latex_common as lc

    body = ("\\begin{figure}\\caption{A.}\\label{fig:a}\\end{figure}\n"
            "\\begin{figure}\\caption{B.}\\label{fig:b}\\end{figure}\n"
            "\\begin{figure}\\caption{C.}\\label{ fig:c }\\end{figure}\n"
            "See \\hyperref[fig:b]{the second}; fig:ab is a different name; label=fig:d defines one.\n")
    names = ["fig:a", "fig:b", "fig:c", "fig:d", "fig:ab", "fig", "nope", "fig:a(x)"]
    want = {"fig:a": False, "fig:b": True, "fig:c": False, "fig:d": False, "fig:ab": True, "fig": False,
            "nope": False, "fig:a(x)": False}
    doc = build(tmp_path, body)
    direct = [lc.name_used_in_source(doc, n) for n in names]
    assert lc.memo(doc).get("source_names") is None  # each looked up directly
    doc = build(tmp_path, body)
    for _ in range(lc._DIRECT_LOOKUPS):
        lc.name_used_in_source(doc, "warm-up")
    one_pass = [lc.name_used_in_source(doc, n) for n in names]
    assert lc.memo(doc).get("source_names") is not None  # the one pass was taken
    assert direct == one_pass == [want[n] for n in names]


@pytest.mark.parametrize("front", [
    "\\begin{IEEEkeywords}forgetting, memory\\end{IEEEkeywords}",
    "\\begin{keyword}forgetting \\sep memory\\end{keyword}",
    "\\begin{CCSXML}\n<ccs2012><concept_id>10010147</concept_id></ccs2012>\n\\end{CCSXML}\n"
    "\\ccsdesc[500]{Computing methodologies~Machine learning}",
    "\\keywords{forgetting, memory}",
])
def test_publishers_keywords_and_classification_codes_are_not_prose(tmp_path, front):
    """IEEE, Elsevier and ACM front matter holds keyword lists and CCS codes; read as prose they became
    a sentence of their own, or ran into the paper's first sentence ("forgetting, memory We study ...")."""
    doc = build(tmp_path, "\\begin{abstract}We propose FooNet.\\end{abstract}\n" + front +
                "\n\\IEEEPARstart{W}{e} study forgetting.\n\\section{Introduction}It is common.")
    texts = [p.text for p in doc.prose if p.kind == "body"]
    assert texts == ["We propose FooNet.", "We study forgetting.", "It is common."]


def test_an_inline_keyword_macro_stays_prose(tmp_path):
    doc = build(tmp_path, "We call this a \\keyword{sink} here.")
    assert doc.prose[0].text == "We call this a sink here."


def test_xparse_definition_bodies_are_blanked():
    """\\NewDocumentEnvironment's begin and end code (and a \\NewDocumentCommand body) are code,
    like \\newenvironment's: an environment opened in one and closed in the other parses."""
    from texlint.latex.parse import mask_definition_bodies

    text = "\\NewDocumentEnvironment{w}{ m O{x} }{\\begin{proof}}{\\end{proof}} Prose \\begin{proof}."
    masked = mask_definition_bodies(text)
    assert len(masked) == len(text)
    assert masked.count("\\begin{proof}") == 1 and "\\end{proof}" not in masked
    assert masked.endswith("Prose \\begin{proof}.")  # text after the definition stays
    cmd = "\\RenewDocumentCommand{\\foo}{ m }{\\textbf{#1}} after"
    assert "textbf" not in mask_definition_bodies(cmd) and mask_definition_bodies(cmd).endswith("} after")
