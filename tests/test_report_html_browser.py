"""The HTML report: self-contained, escaped, and usable in a real (headless) browser.

Static tests read the generated file; browser tests drive Debian's chromium through Playwright
(``@pytest.mark.browser``, skipped when /usr/bin/chromium is missing; never ``playwright install``).
Screenshots go to test-output/ (gitignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from texlint.app.run import Options, run
from texlint.report import render

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "fixtures" / "example"
INJECTION = REPO / "fixtures" / "injection"
OUT = REPO / "test-output"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def lint(folder: Path, main: str = "main.tex", **opts):
    old = os.getcwd()
    os.chdir(folder)
    try:
        return run([Path(main)], Options(**opts))
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def example_result():
    return lint(EXAMPLE)


@pytest.fixture(scope="module")
def example_html(example_result, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render("html", example_result), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def injection_html(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("inj") / "report.html"
    path.write_text(render("html", lint(INJECTION)), encoding="utf-8")
    return path


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    p = _Collect()
    p.feed(html)
    return p.tags


# -- static checks ------------------------------------------------------------------------------

def test_report_is_self_contained(example_html):
    html = example_html.read_text(encoding="utf-8")
    for tag, attrs in _tags(html):
        assert "src" not in attrs, f"external resource in <{tag}>"
        if tag == "link":
            pytest.fail("a <link> element would load an external resource")
        if tag == "a":
            assert attrs.get("href", "#").startswith("#"), attrs
    assert "@import" not in html and "url(" not in html.replace("\\url{", "")
    assert "http://" not in html and "https://" not in html.replace("https://json", "")


def test_report_has_every_part(example_result, example_html):
    html = example_html.read_text(encoding="utf-8")
    for label in ("Story", "Claims", "Reviewer gaps", "Venue", "LaTeX", "Style"):
        assert f">{label}</button>" in html
    assert "<svg" in html and "Story arc" in html and "Questions reviewers will likely ask" in html
    for key in ("phenomenon", "insight", "method", "evidence", "impact", "novelty"):
        assert f'id="arc0-{key}"' in html
    # every finding has a row; every finding with a file of the document has a highlighted span
    findings = example_result.findings
    assert findings
    assert html.count('<tr tabindex="0" id="finding-') == len(findings)
    data = json.loads(re.search(r'<script type="application/json" id="texlint-data">(.*?)</script>', html, re.S).group(1))
    assert len(data["findings"]) == len(findings)
    rows = [a for t, a in _tags(html) if t == "tr" and "data-id" in a]
    assert [int(a["data-id"]) for a in rows] == [f["id"] for f in data["findings"]]
    for a in rows:
        assert a["data-target"] and f'id="{a["data-target"]}"' in html, a
        assert re.search(rf'data-f="(\d+ )*{a["data-id"]}( \d+)*"', html), f"no highlighted span for finding {a}"
    # each source file shown once, with one line element per source line
    for src in example_result.documents[0].doc.files:
        n = len(src.line_starts)
        assert html.count(f'<div class="ln" id="d0f{example_result.documents[0].doc.files.index(src)}L') == n


def test_questions_come_from_findings(example_result, example_html):
    html = example_html.read_text(encoding="utf-8")
    questions = {f.question for f in example_result.findings if f.question}
    for q in questions:
        assert f'<span class="q">{_escape(q)}</span>' in html


def _escape(s: str) -> str:
    import markupsafe

    return str(markupsafe.escape(s))


def test_paper_text_is_escaped(injection_html):
    html = injection_html.read_text(encoding="utf-8")
    tags = _tags(html)
    assert [t for t, _ in tags].count("script") == 2  # the JSON block and our script, nothing injected
    assert not any(t in ("img", "iframe", "b", "textarea") for t, _ in tags)
    assert not any(t == "svg" and "onload" in a for t, a in tags)
    assert not any(k.startswith("on") for _, a in tags for k in a), "an event-handler attribute leaked"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in re.sub(r"\d{3,}", "", html.split("<style>")[0])
    data_block = re.search(r'<script type="application/json" id="texlint-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    data = json.loads(data_block)
    assert any("<script>alert(7)</script>" in f["msg"] for f in data["findings"])


def test_report_size_for_large_paper(tmp_path):
    para = ("We observe that the loss of large models decreases smoothly with compute, and we show that "
            "our method improves accuracy by 3.2 points on every benchmark~\\cite{a}.\n")
    body = "".join(f"\\section{{Part {i}}}\n" + para * 8 + "A \"quoted\" word.\n\n" for i in range(160))
    src = "\\documentclass{article}\n\\begin{document}\n" + body + "\\end{document}\n"
    assert len(src.encode()) > 190_000
    (tmp_path / "main.tex").write_text(src, encoding="utf-8")
    t0 = time.perf_counter()
    result = lint(tmp_path)
    html = render("html", result)
    elapsed = time.perf_counter() - t0
    size = len(html.encode())
    assert len(result.findings) > 100
    assert size < 4 * len(src.encode()) + 400_000, size
    assert html.count("\\section{Part 17}") == 1  # the source is shown once
    assert elapsed < 60


# -- browser checks -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser_context():
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed (/usr/bin/chromium); apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    profile = tempfile.mkdtemp(prefix="texlint-chromium-")
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True,
                                                    args=CHROMIUM_ARGS, viewport={"width": 1366, "height": 800})
        try:
            yield ctx
        finally:
            ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


class Page:
    """A loaded report with everything the page did recorded."""

    def __init__(self, ctx, path: Path, color_scheme: str = "light"):
        self.page = ctx.new_page()
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.emulate_media(color_scheme=color_scheme)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def assert_clean(self):
        assert not self.console_errors, self.console_errors
        assert not self.page_errors, self.page_errors
        assert not self.dialogs, self.dialogs
        assert all(u.split("#")[0] == self.url for u in self.requests), self.requests

    def visible_rows(self):
        return self.page.locator("#ftable tbody tr:visible")


@pytest.mark.browser
def test_browser_loads_offline_and_screenshot(browser_context, example_html):
    p = Page(browser_context, example_html)
    assert p.page.title().startswith("texlint report")
    assert p.visible_rows().count() > 0
    OUT.mkdir(exist_ok=True)
    p.page.screenshot(path=str(OUT / "report.png"), full_page=False)
    p.page.screenshot(path=str(OUT / "report-full.png"), full_page=True)
    p.assert_clean()
    p.page.close()
    dark = Page(browser_context, example_html, color_scheme="dark")
    bg = dark.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg != "rgb(255, 255, 255)", "dark mode did not apply"
    dark.page.screenshot(path=str(OUT / "report-dark.png"))
    dark.assert_clean()
    dark.page.close()


@pytest.mark.browser
def test_browser_filters_change_rows(browser_context, example_html, example_result):
    p = Page(browser_context, example_html)
    total = len(example_result.findings)
    assert p.visible_rows().count() == total
    sevs = sorted({f.severity for f in example_result.findings})
    sev = min(sevs, key=lambda s: sum(f.severity == s for f in example_result.findings))
    p.page.select_option("#f-sev", sev)
    expected = sum(f.severity == sev for f in example_result.findings)
    assert p.visible_rows().count() == expected
    assert all(r.get_attribute("data-sev") == sev for r in p.visible_rows().all())
    assert p.page.inner_text("#f-count").startswith(f"{expected} of {total}")
    p.page.click("#f-reset")
    assert p.visible_rows().count() == total
    rule = example_result.findings[0].rule
    p.page.select_option("#f-rule", rule)
    assert p.visible_rows().count() == sum(f.rule == rule for f in example_result.findings)
    p.page.click("#f-reset")
    f0 = example_result.findings[-1]
    p.page.select_option("#f-file", f0.location.file)
    assert p.visible_rows().count() == sum(f.location.file == f0.location.file for f in example_result.findings)
    p.page.click("#f-reset")
    p.page.fill("#f-text", f0.name)
    n = p.visible_rows().count()
    assert 0 < n < total or all(f.name == f0.name for f in example_result.findings)
    p.page.fill("#f-text", "zzz-no-such-finding")
    assert p.visible_rows().count() == 0
    p.assert_clean()
    p.page.close()


@pytest.mark.browser
def test_browser_click_reveals_line(browser_context, example_html, example_result):
    p = Page(browser_context, example_html)
    page = p.page
    # the last finding's line is far down the sources: clicking must scroll it into view
    row = page.locator("#ftable tbody tr").last
    fid = row.get_attribute("data-id")
    target = row.get_attribute("data-target")
    row.click()
    line = page.locator(f"#{target}")
    assert "current" in (line.get_attribute("class") or "")
    assert line.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert line.locator("mark.hl").count() > 0
    focused = page.evaluate("document.activeElement.dataset.f || ''")
    assert fid in focused.split()
    tip = page.locator("#tip")
    assert tip.is_visible()
    msg = [f for f in sorted(example_result.findings, key=lambda f: f.sort_key())][int(fid)].message
    assert msg in tip.inner_text()
    page.screenshot(path=str(OUT / "report-jump.png"))
    # keyboard: focus the first row and press Enter
    first = page.locator("#ftable tbody tr").first
    first.focus()
    page.keyboard.press("Enter")
    t = first.get_attribute("data-target")
    assert "current" in (page.locator(f"#{t}").get_attribute("class") or "")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    p.assert_clean()
    page.close()


@pytest.mark.browser
def test_browser_injection_is_inert(browser_context, injection_html):
    p = Page(browser_context, injection_html)
    page = p.page
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    assert page.evaluate("document.querySelectorAll('img, iframe, textarea, b, main svg:not(.chart)').length") == 0
    assert "<script>alert(1)</script>" in page.inner_text("h2")
    src = page.inner_text("#sources")
    for literal in ("\\href{javascript:alert(4)}", "{{ 7*7 }}", "{% raw %}", "</textarea><img src=x onerror=alert(3)>",
                    "</style><style>body{display:none}</style>", '<iframe src="javascript:alert(8)"></iframe>'):
        assert literal in src, literal
    # hover every highlighted span: tooltips show injected text literally, nothing fires
    marks = page.locator("mark.hl")
    assert marks.count() > 0
    seen = ""
    for i in range(marks.count()):
        marks.nth(i).hover()
        seen += page.inner_text("#tip")
    assert "<script>alert(7)</script>" in seen
    for i in range(page.locator("#ftable tbody tr").count()):
        page.locator("#ftable tbody tr").nth(i).click()
    assert page.evaluate("document.body.offsetHeight") > 500  # the </style> trick did not hide the page
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "report-injection.png"), full_page=True)
    p.assert_clean()
    page.close()


@pytest.fixture(scope="module")
def long_path_html(tmp_path_factory) -> Path:
    """A project whose included file sits deep in long folder names, with findings in it."""
    root = tmp_path_factory.mktemp("longpaths")
    deep = Path("chapters/a-very-long-folder-name-for-the-experimental-section-of-the-thesis/"
                "and-another-deeply-nested-subfolder-with-more-words")
    (root / deep).mkdir(parents=True)
    (root / "main.tex").write_text("\\documentclass{article}\n\\begin{document}\n\\section{Intro}\nWe propose a method. "
                                   f"TODO cite.\n\\input{{{deep.as_posix()}/the-experiments-file-with-a-long-name}}\n"
                                   "\\end{document}\n", encoding="utf-8")
    (root / deep / "the-experiments-file-with-a-long-name.tex").write_text(
        'Results are "good"; see Figure 3 and Table 2 here... TODO.\n' * 3, encoding="utf-8")
    path = root / "report.html"
    path.write_text(render("html", lint(root)), encoding="utf-8")
    return path


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_browser_nothing_overflows_sideways_with_long_paths(browser_context, long_path_html, width):
    p = Page(browser_context, long_path_html)
    p.page.set_viewport_size({"width": width, "height": 800})
    p.page.wait_for_timeout(50)
    sizes = p.page.evaluate("""() => {
      const de = document.documentElement, t = document.querySelector('#ftable'), w = document.querySelector('.table-wrap');
      const wide = Array.from(document.querySelectorAll('main *'))
        .filter(e => !e.closest('.src') && e.getBoundingClientRect().right > de.clientWidth + 1).map(e => e.tagName);
      return {scroll: de.scrollWidth, client: de.clientWidth, table: t.scrollWidth, box: w.clientWidth, wide: wide};
    }""")
    assert sizes["scroll"] <= sizes["client"], sizes
    assert sizes["table"] <= sizes["box"] + 1, sizes
    assert not sizes["wide"], sizes
    p.assert_clean()
    p.page.close()


@pytest.mark.browser
def test_browser_scorecard_area_without_findings_shows_none(browser_context, example_html, example_result):
    p = Page(browser_context, example_html)
    cats = {f.category for f in example_result.findings}
    empty = next(k for k in ("story", "claims", "reviewer", "venue", "latex", "style") if k not in cats)
    p.page.click(f".area-filter[data-cat='{empty}']")
    assert p.visible_rows().count() == 0
    assert p.page.inner_text("#f-count").startswith(f"0 of {len(example_result.findings)}")
    full = next(iter(cats))
    p.page.click(f".area-filter[data-cat='{full}']")
    assert p.visible_rows().count() == sum(f.category == full for f in example_result.findings)  # near-miss
    p.assert_clean()
    p.page.close()
