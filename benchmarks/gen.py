"""Synthetic LaTeX papers for benchmarks and tests (generated text, no real paper content).

``generate(scale)`` returns the files of a paper about ``scale`` times a typical 60 KB ML
paper: sections of paragraphs with citations, references, inline and display math, figures,
tables, lists and a .bib file. The words come from a small made-up vocabulary, seeded, so the
output is deterministic.
"""

from __future__ import annotations

import random
from pathlib import Path

_NOUNS = ("model", "method", "baseline", "dataset", "encoder", "decoder", "loss", "representation", "benchmark",
          "policy", "gradient", "layer", "network", "objective", "sample", "estimate", "feature", "task",
          "distribution", "algorithm", "parameter", "variance", "attention", "embedding", "prior", "regulariser")
_ADJS = ("robust", "sparse", "deep", "linear", "stochastic", "efficient", "large", "small", "noisy", "stable",
         "adaptive", "contrastive", "recurrent", "convex", "latent", "hierarchical")
_VERBS = ("improves", "reduces", "matches", "outperforms", "captures", "learns", "predicts", "controls",
          "approximates", "stabilises", "generalises to", "depends on", "scales with")
_OPENERS = ("We observe that", "In practice,", "As shown in", "Moreover,", "However,", "Our analysis shows that",
            "In contrast,", "Intuitively,", "Empirically,", "Following prior work,", "To this end,")
_SECTIONS = ("Introduction", "Related Work", "Background", "Method", "Experiments", "Results", "Analysis",
             "Discussion", "Limitations", "Conclusion")


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.n_cites = 40
        self.labels: list[str] = []

    def phrase(self) -> str:
        r = self.r
        return f"the {r.choice(_ADJS)} {r.choice(_NOUNS)}"

    def sentence(self) -> str:
        r = self.r
        s = f"{r.choice(_OPENERS)} {self.phrase()} {r.choice(_VERBS)} {self.phrase()}"
        k = r.random()
        if k < 0.25:
            s += f" \\citep{{ref{r.randrange(self.n_cites)}}}"
        elif k < 0.4:
            s += f" when $\\alpha_{{{r.randrange(9)}}} = {r.randrange(100) / 10}$"
        elif k < 0.5 and self.labels:
            s += f" (see Table~\\ref{{{r.choice(self.labels)}}})"
        elif k < 0.6:
            s += f" by {r.randrange(1, 40)}.{r.randrange(10)}\\% on {self.phrase()}"
        if r.random() < 0.3:
            s += f", and {self.phrase()} {r.choice(_VERBS)} {self.phrase()}"
        return s + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(4, 9)))

    def block(self, i: int) -> str:
        r = self.r
        k = r.random()
        if k < 0.08:
            lab = f"tab:t{i}"
            self.labels.append(lab)
            rows = "\n".join(f"{self.r.choice(_NOUNS)} & {r.randrange(100)}.{r.randrange(10)} & "
                             f"{r.randrange(100)}.{r.randrange(10)} \\\\" for _ in range(5))
            return ("\\begin{table}[t]\n\\centering\n\\caption{Results of " + self.phrase() + ".}\n\\label{" + lab +
                    "}\n\\begin{tabular}{lcc}\n\\toprule\nName & A & B \\\\\n\\midrule\n" + rows +
                    "\n\\bottomrule\n\\end{tabular}\n\\end{table}")
        if k < 0.14:
            lab = f"fig:f{i}"
            self.labels.append(lab)
            return ("\\begin{figure}[t]\n\\centering\n\\includegraphics[width=\\linewidth]{figures/f" + str(i) +
                    ".pdf}\n\\caption{" + self.sentence() + "}\n\\label{" + lab + "}\n\\end{figure}")
        if k < 0.2:
            return ("\\begin{equation}\n\\mathcal{L}(\\theta) = \\sum_{i=1}^{N} \\log p_\\theta(x_i \\mid z_i) + "
                    "\\lambda \\|\\theta\\|_2^2\n\\label{eq:e" + str(i) + "}\n\\end{equation}")
        if k < 0.25:
            items = "\n".join(f"  \\item {self.sentence()}" for _ in range(r.randint(2, 4)))
            return "\\begin{itemize}\n" + items + "\n\\end{itemize}"
        return self.paragraph()


def generate(scale: float = 1.0, seed: int = 0, title: str = "A Synthetic Study of Robust Models") -> dict[str, str]:
    """Files of a synthetic paper (``main.tex`` and ``refs.bib``), ~60 KB of LaTeX per unit of scale."""
    g = _Gen(seed)
    target = int(60_000 * scale)
    parts = ["\\documentclass{article}", "\\usepackage{amsmath,graphicx,booktabs}", "\\usepackage{natbib}",
             f"\\title{{{title}}}", "\\author{Anonymous}", "\\begin{document}", "\\maketitle",
             "\\begin{abstract}", g.paragraph(), "\\end{abstract}"]
    size, i, sec = sum(len(p) for p in parts), 0, 0
    while size < target:
        name = _SECTIONS[sec % len(_SECTIONS)]
        head = f"\\section{{{name}}}" if sec < len(_SECTIONS) else f"\\section{{{name} {sec // len(_SECTIONS) + 1}}}"
        parts.append(head)
        size += len(head)
        for _ in range(g.r.randint(6, 12)):
            b = g.block(i)
            i += 1
            parts.append(b)
            size += len(b) + 2
            if size >= target:
                break
        sec += 1
    parts += ["\\bibliographystyle{plainnat}", "\\bibliography{refs}", "\\end{document}"]
    bib = "\n".join(
        f"@inproceedings{{ref{k},\n  title = {{On {g.phrase()} and {g.phrase()}}},\n  author = {{Doe, Jane and Roe, Rick}},\n"
        f"  booktitle = {{Proceedings of a Conference}},\n  year = {{{2000 + k % 24}}}\n}}\n" for k in range(g.n_cites))
    return {"main.tex": "\n\n".join(parts) + "\n", "refs.bib": bib}


def write(folder: Path, scale: float = 1.0, seed: int = 0) -> Path:
    """Write a synthetic paper into ``folder``; returns the path of its main.tex."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generate(scale, seed).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "main.tex"
