"""Run the spaCy pipeline over all prose of a document in one ``nlp.pipe`` call, giving every
prose unit its sentences (the unit the tagger and the prose rules read)."""

from __future__ import annotations

from texlint.latex.model import Document, Sentence
from texlint.nlp.pipeline import pipe
from texlint.util.timing import Timer


def annotate(doc: Document, timer: Timer | None = None, model: str | None = None) -> None:
    timer = timer or Timer()
    with timer.stage("nlp"):
        docs = pipe([p.text for p in doc.prose], model=model)
        for prose, sdoc in zip(doc.prose, docs):
            prose.doc = sdoc
            prose.sentences = [Sentence(prose, s.start_char, s.end_char, s) for s in sdoc.sents]
