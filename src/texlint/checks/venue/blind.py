"""Double-blind review checks: what gives the authors away in the anonymous submission.

They run only in review mode (``ctx.review``: ``--review``, config, or detected from the style
options). Venue kits anonymise some things themselves in review mode (the author block in
every supported kit; the ``ack`` environment of NeurIPS), so those are flagged only when the
style will not hide them.
"""

from __future__ import annotations

import re

from texlint.checks.venue.venue_common import sentence_at
from texlint.engine.registry import register
from texlint.engine.rule import Rule
from texlint.latex.venue_detection import detect_review
from texlint.source.lexical import mask_comments

_ANON = re.compile(r"anonym|withheld|redacted|blind|submission|paper\s*id|\bauthors?\s*(\d|names?)|"
                   r"first author|second author|third author|your name|author name|affiliation\s*\d?|"
                   r"institution\s*\d|email@|@domain|xxx|\*\*\*|omitted|removed for review", re.I)


def style_anonymizes(doc, venue: str) -> bool:
    """Does the venue's style print 'Anonymous' for the authors in this document's mode?"""
    return venue != "generic" and detect_review(doc, venue)


@register
class DoubleBlindAuthor(Rule):
    code = "V420"
    name = "double-blind-author"
    category = "venue"
    severity = "error"
    example_review = True
    summary = "In the anonymous review version, the author block names real authors and the style will not hide them."
    why = ("Double-blind venues desk-reject submissions that identify the authors. Venue kits replace the authors by "
           "'Anonymous' in review mode, but a generic class or a kit in camera-ready mode prints them.")
    bad = "\\title{Fast Parsing}\n\\author{Jane Doe \\\\ University of Somewhere}\n\\maketitle\nWe parse."
    good = "\\title{Fast Parsing}\n\\author{Anonymous Author(s)}\n\\maketitle\nWe parse."
    fix = "Use the venue's review option (e.g. \\usepackage[review]{acl}) or replace the author block by 'Anonymous'."

    def check(self, doc, ctx):
        if not ctx.review or style_anonymizes(doc, ctx.venue):
            return
        for c in doc.commands:
            if c.name not in ("author", "icmlauthor"):
                continue
            raw = mask_comments(c.args[0] if c.args else "")
            raw = re.sub(r"\\(?:begin|end)\s*\{[^}]*\}(?:\{[^}]*\})?", " ", raw)
            text = re.sub(r"\\[A-Za-z@]+|[{}$^_~\\]", " ", raw)
            text = " ".join(text.split())
            if not text or _ANON.search(text):
                continue
            if not re.search(r"[A-Z][a-z\u00C0-\u024F'’.-]+", text):
                continue
            yield ctx.offset_finding(c.offset, c.offset + c.length,
                                     f"The review version names the authors ('{text[:60]}'): anonymise the author block.")
            return


_ACK_ANON = re.compile(r"anonym|omitted|withheld|redacted|removed|blind|camera[- ]ready|final version|"
                       r"will be (added|included|provided)|after (the )?review", re.I)
_COND_OPEN = re.compile(r"\\if(?!false\b|true\b|x\b|num\b|dim\b|case\b|cat\b|mmode\b|vmode\b|hmode\b|defined\b|thenelse\b)[A-Za-z@]+")


def _inside_conditional(doc, offset: int) -> bool:
    """Is the heading inside a user \\if...\\fi block (e.g. \\ifcameraready)?"""
    f = doc.file_at(offset)
    text = f.code
    local = offset - f.base
    before = text[max(0, local - 400):local]
    opens = list(_COND_OPEN.finditer(before))
    if not opens:
        return False
    last = opens[-1]
    return "\\fi" not in before[last.end():]


@register
class DoubleBlindAcknowledgments(Rule):
    code = "V421"
    name = "double-blind-acknowledgments"
    category = "venue"
    severity = "error"
    example_review = True
    summary = "The anonymous review version has an acknowledgments section with content (names, grants, institutions)."
    why = ("Acknowledgments name colleagues, funders and institutions and so identify the authors; venues ask to "
           "leave them out of the submission (NeurIPS's ack environment hides itself in review mode).")
    bad = "\\section{Conclusion}\nIt works.\n\\section*{Acknowledgments}\nWe thank Jane Doe and the XYZ Foundation (grant 123)."
    good = "\\section{Conclusion}\nIt works.\n\\section*{Acknowledgments}\nOmitted for anonymity."
    fix = "Remove the acknowledgments from the submission (or wrap them in the kit's ack environment / a camera-ready switch)."

    def check(self, doc, ctx):
        if not ctx.review:
            return
        for s in doc.sections_with_role("acknowledgments"):
            text = " ".join(p.text for p in s.prose if p.kind in ("body", "item", "footnote"))
            if len(text.split()) < 3 or _ACK_ANON.search(text):
                continue
            if s.command == "environment" and doc.source_text(s.offset, s.offset + 12).startswith("\\begin{ack}") \
                    and ctx.venue == "neurips" and style_anonymizes(doc, "neurips"):
                continue  # the NeurIPS kit hides the ack environment in the submission
            if _inside_conditional(doc, s.offset):
                continue
            yield ctx.document_finding("Acknowledgments in the anonymous review version can identify the authors.",
                                       section=s)


_CITE = "⟦cite⟧"
_SELF_PATTERNS = [
    # "our previous work [12]", "in our earlier paper", "our prior study (Doe 2020)"
    (re.compile(r"\b(?:our|my)\s+(?:own\s+)?(?:previous|prior|earlier|past|preliminary|recent|former)\s+"
                r"(?:work|works|paper|papers|study|studies|publication|publications|research|conference (?:paper|version)|"
                r"workshop (?:paper|version)|version|approach|method|system|model|results?|findings)\b", re.I), "cite-or-paper"),
    # "we previously showed [12]"
    (re.compile(r"\b(?:we|I)\s+(?:have\s+)?previously\s+(?:showed|shown|proposed|introduced|demonstrated|presented|"
                r"developed|reported|found|described|studied|established|argued)\b", re.I), "cite"),
    # "as we showed in [12]"
    (re.compile(r"\bas\s+(?:we|I)\s+(?:have\s+)?(?:showed|shown|demonstrated|argued|proposed|reported|found|"
                r"discussed|described)\s+(?:in|by)\s+" + _CITE, re.I), "always"),
    # "this paper extends our [12]", "an extended version of our ... paper"
    (re.compile(r"\b(?:extends?|extension of|extended version of|builds? (?:up)?on)\s+our\b", re.I), "cite-or-paper"),
]
_PAPER_NOUN = re.compile(r"\b(paper|publication|conference version|workshop version|extended version)\b", re.I)


@register
class DoubleBlindSelfReference(Rule):
    code = "V422"
    needs_nlp = True
    name = "double-blind-self-reference"
    category = "venue"
    severity = "warning"
    example_review = True
    summary = "The review version cites the authors' own work in the first person ('our previous work [12]', 'as we showed in [12]')."
    why = ("Double-blind policies ask authors to cite their own work in the third person; 'our previous work [12]' "
           "tells the reviewer who wrote the paper.")
    bad = "In our previous work \\cite{doe2020} we proposed a parser."
    good = "\\citet{doe2020} proposed a parser."
    fix = "Refer to your own papers in the third person ('Doe et al. (2020) showed ...')."

    def check(self, doc, ctx):
        if not ctx.review:
            return
        for sent in doc.sentences(("body", "item", "footnote", "caption")):
            if sent.role in ("acknowledgments", "checklist"):
                continue
            text = sent.text
            for rx, need in _SELF_PATTERNS:
                m = rx.search(text)
                if not m:
                    continue
                has_cite = _CITE in text
                if need == "cite" and not has_cite:
                    continue
                if need == "cite-or-paper" and not (has_cite or _PAPER_NOUN.search(text[m.start():m.end() + 30])):
                    continue
                phrase = m.group(0).replace(_CITE, "[cite]")
                yield ctx.sentence_finding(sent, f"'{phrase}' identifies the authors in the review version.",
                                           m.start(), m.end())
                break


_ANON_URL = re.compile(r"anonymous|anonymi[sz]ed|\banon\b|4open\.science|openreview\.net|/anon[-_/]|"
                       r"xxxx|\*\*\*|<[^>]*>|your[-_]?(name|user|org)|username|\[(hidden|removed|anonymized)\]", re.I)
_REVEALING = [
    (re.compile(r"^(?:https?://)?(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org|huggingface\.co|codeberg\.org)/"
                r"(?!(?:datasets|spaces|models|docs|orgs|topics|features|about|papers|blog)/)([^/\s#?]+)", re.I),
     "a personal or lab repository"),
    (re.compile(r"^(?:https?://)?([A-Za-z0-9-]+)\.github\.io\b", re.I), "a personal GitHub Pages site"),
    (re.compile(r"/~[A-Za-z0-9_.-]+", re.I), "a personal homepage"),
    (re.compile(r"^(?:https?://)?(?:[^/\s]+\.)?[A-Za-z0-9-]+\.(?:edu|ac\.[a-z]{2}|edu\.[a-z]{2})(?:[:/]|$)", re.I),
     "an institutional site"),
    (re.compile(r"^(?:https?://)?sites\.google\.com/", re.I), "a personal site"),
]
# First-person release language: the link is the authors' own.
_OWNERSHIP = re.compile(
    r"\bour\s+(?:\w+[- ])?(?:source code|code|codebase|implementation|data ?sets?|data|models?|repository|repo|"
    r"project (?:page|website)|website|web ?page|homepage|benchmark|tool(?:kit)?|library|demo|checkpoints|weights|"
    r"software|framework|package|artifacts?)\b|"
    r"\b(?:we|I)\s+(?:will\s+)?(?:publicly\s+)?(?:release|open[- ]?source|publish|share|host|provide|make\s+(?:\w+\s+){0,4}"
    r"(?:publicly\s+|freely\s+|openly\s+)?available)\b|"
    r"\b(?:code|source code|implementation|codebase|project page|repository)\s+(?:is|are|will be|has been|can be)\s+"
    r"(?:publicly\s+|freely\s+|openly\s+)?(?:available|released|found|accessed)\b|"
    r"^(?:source\s+)?code\s+(?:to|for)\s+(?:produce|reproduce|perform|run|replicate)\b[^.]{0,80}?\b(?:is|are|will be)\s+"
    r"(?:publicly\s+|freely\s+)?available\b|"
    r"^\s*(?:code|project page|website|repository|demo)\s*:", re.I)


def _context_text(doc, cmd) -> str:
    sent = sentence_at(doc, cmd.offset, cmd.offset + cmd.length)
    if sent is None:
        return cmd.text or ""
    text = sent.text
    if sent.prose.kind == "footnote" and sent.prose.offsets:
        # the sentence the footnote hangs on ("Code is available.\footnote{\url{...}}")
        first = sent.prose.offsets[0]
        host = sentence_at(doc, max(0, first - 60), first - 9)
        if host is not None and host.prose is not sent.prose:
            text = host.text + " " + text
    return text


@register
class DoubleBlindIdentifyingLink(Rule):
    code = "V423"
    needs_nlp = True
    name = "double-blind-identifying-link"
    category = "venue"
    severity = "warning"
    example_review = True
    summary = ("The review version links the authors' own code or page on a site that names them (github.com/<user>, "
               "<user>.github.io, ~user homepages, university sites) instead of an anonymised link.")
    why = "A repository owner or a homepage in the submission reveals who wrote it; venues ask for anonymised links (e.g. anonymous.4open.science)."
    bad = "Our code is available at \\url{https://github.com/janedoe/fastparse}."
    good = "Our code is available at \\url{https://anonymous.4open.science/r/fastparse-1234}."
    fix = "Link an anonymised copy (anonymous.4open.science, supplementary material) in the submission; restore the real link in the camera-ready."

    def check(self, doc, ctx):
        if not ctx.review:
            return
        for c in doc.commands:
            if c.name != "url" or not c.args:
                continue
            url = c.args[0].strip()
            if not url or _ANON_URL.search(url):
                continue
            kind = None
            for rx, what in _REVEALING:
                if rx.search(url):
                    kind = what
                    break
            if kind is None:
                continue
            context = _context_text(doc, c)
            if not _OWNERSHIP.search(context):
                continue  # a third-party tool or data set
            yield ctx.offset_finding(c.offset, c.offset + c.length,
                                     f"This link to the authors' own material points to {kind} and can identify "
                                     "them: use an anonymised link in the review version.")


_PDFAUTHOR = re.compile(r"pdfauthor\s*=\s*\{([^}]*)\}|pdfauthor\s*=\s*([^,}\n]+)|/Author\s*\(([^)]*)\)")


@register
class DoubleBlindPdfAuthor(Rule):
    code = "V424"
    name = "double-blind-pdf-metadata"
    category = "venue"
    severity = "error"
    example_review = True
    summary = "The review version writes author names into the PDF metadata (\\hypersetup{pdfauthor=...} or \\pdfinfo /Author)."
    why = "PDF viewers and OpenReview show the metadata; the kit hides the author block but not what you put in pdfauthor."
    bad = "\\hypersetup{pdfauthor={Jane Doe}}\nWe parse."
    good = "\\hypersetup{pdfauthor={Anonymous}}\nWe parse."
    fix = "Leave pdfauthor empty (or 'Anonymous') in the submission."

    def check(self, doc, ctx):
        if not ctx.review:
            return
        for f in doc.files:
            for m in _PDFAUTHOR.finditer(f.code):
                val = next((g for g in m.groups() if g is not None), "").strip()
                plain = " ".join(re.sub(r"\\[A-Za-z@]+|[{}]", " ", val).split())
                if not plain or _ANON.search(plain) or not re.search(r"[A-Za-z]{2}", plain):
                    continue
                if plain.startswith("\\") or "#" in val:
                    continue
                yield ctx.offset_finding(f.base + m.start(), f.base + m.end(),
                                         f"PDF metadata names the authors ('{plain[:50]}') in the review version.")
