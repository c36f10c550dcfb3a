"""Command-line interface. ``texlint PATH...`` lints; subcommands inspect, explain and set up.

Start-up stays light: only click is imported here; each command imports what it needs, so
``texlint --help`` or ``texlint rules`` never load spaCy. Every user-facing failure is one
line on stderr with exit code 2 (set TEXLINT_DEBUG=1 to see a traceback instead).
"""

from __future__ import annotations

import io
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path

import click

from texlint import __version__
from texlint.engine.ruledocs import explain_text
from texlint.report import render
from texlint.report.text_report import use_color
from texlint.util.errors import TexlintError
from texlint.util.files_out import check_writable, write_text
from texlint.util.reading import overlay, read_bytes
from texlint.util.terminal import clean
from texlint.util.timing import Timer

EXIT_USAGE = 2


class _DefaultGroup(click.Group):
    """A group whose default command is ``lint``: ``texlint paper.tex`` == ``texlint lint paper.tex``."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        return super().parse_args(ctx, args)

    def main(self, *args, **kwargs):
        """Click's own usage errors as one line too (``--jobs 0``, an unknown option). The SIGTERM
        handler a run installs is put back afterwards: texlint called in-process (a test, a
        script) must not leave it to processes the caller forks later."""
        kwargs["standalone_mode"] = False
        previous = signal.getsignal(signal.SIGTERM)
        try:
            self._main(*args, **kwargs)
        finally:
            if previous is not None and threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, previous)

    def _main(self, *args, **kwargs):
        try:
            rv = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:  # plain `texlint`: the help, as a usage error
            click.echo(exc.ctx.get_help() if exc.ctx is not None else "texlint --help")
            sys.exit(EXIT_USAGE)
        except click.exceptions.UsageError as exc:
            _fail(f"{exc.format_message()} (see `texlint --help`)")
        except click.exceptions.Abort:
            _fail("interrupted")
        except click.exceptions.ClickException as exc:
            _fail(exc.format_message())
        sys.exit(rv if isinstance(rv, int) else 0)


def _fail(message: str) -> None:
    click.echo(f"texlint: error: {clean(message)}", err=True)  # one line, whatever the input put in it
    sys.exit(EXIT_USAGE)


def _guard(fn):
    """Turn known input/config errors (and anything unexpected) into one line + exit 2."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TexlintError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            _fail("interrupted")
        except BrokenPipeError:
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # never a traceback for users
            if os.environ.get("TEXLINT_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (set TEXLINT_DEBUG=1 for a traceback)")

    return wrapper


def _ids(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="texlint")
def main() -> None:
    """texlint: a linter for LaTeX research-paper drafts.

    \b
    texlint paper.tex               lint a paper (its root is found from any file of it)
    texlint inspect paper.tex       show the document model texlint built
    texlint rules / explain ID      list rules / explain one
    texlint init                    write a starter .texlint.toml
    texlint tag FILE|-              tag sentences with rhetorical moves (JSONL)
    texlint lsp                     run the language server over stdio (docs/editors.md)
    """


_FORMATS = ["text", "json", "jsonl", "sarif", "github", "html"]
MAX_STDIN_BYTES = 64 * 1024 * 1024


@main.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "--output-format", "fmt", type=click.Choice(_FORMATS), default="text", show_default=True,
              help="Output format (--output-format is the same option, as in ruff).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to this file.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), help="Also write the HTML report here.")
@click.option("--select", multiple=True, help="Rules to run (codes, names, prefixes, categories); replaces the defaults.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to leave out.")
@click.option("--venue", type=click.Choice(["auto", "generic", "neurips", "iclr", "icml", "acl", "cvpr", "colm", "aaai"]),
              help="Venue profile (default: detected from the style file).")
@click.option("--review/--no-review", default=None, help="Double-blind review checks (default: detected).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Exit 1 when a finding has at least this severity (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--config", type=click.Path(path_type=Path), help="Config file (default: found from the root document).")
@click.option("--root", type=click.Path(path_type=Path), help="The root document (overrides detection).")
@click.option("--stdin-filename", type=click.Path(path_type=Path),
              help="Lint standard input as the text of this file (the rest of its project is read from disk).")
@click.option("--force-exclude", is_flag=True, help="Apply the config's `exclude` to files named on the command line too.")
@click.option("--no-inline-suppress", is_flag=True, help="Ignore % texlint: directives (final audit).")
@click.option("--baseline", type=click.Path(path_type=Path), help="Report only findings not in this baseline file.")
@click.option("--write-baseline", type=click.Path(path_type=Path), help="Record the current findings as the baseline.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--show-settings", is_flag=True, help="Print the settings in effect for the first path, then exit.")
@click.option("--profile", is_flag=True, help="Print per-stage timings to stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Only the findings, no summary.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(path_type=Path),
              help="Cache folder (default: $TEXLINT_CACHE_DIR, else .texlint_cache/ beside the root document).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for linting several documents.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the sources, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too (review them).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes as a unified diff and write nothing (exit 1 when there is something to fix).")
@_guard
def lint_cmd(paths, fmt, output, html_path, select, extend_select, ignore, venue, review, fail_on, exit_zero, config,
             root, stdin_filename, force_exclude, no_inline_suppress, baseline, write_baseline, statistics,
             show_settings, profile, quiet, color, no_cache, cache_dir, jobs, fix, unsafe_fixes, show_diff):
    """Lint LaTeX files or folders."""
    from texlint.app import run as app  # start-up: `texlint --help` and `texlint rules` need no run

    t0 = time.perf_counter()
    paths = list(paths)
    if stdin_filename is not None and not paths:
        paths = [stdin_filename]
    if not paths:
        _fail("give the files or folders to lint (or --stdin-filename with the text on standard input)")
    for path, what in ((output, "report"), (html_path, "HTML report"), (write_baseline, "baseline")):
        if path is not None:
            check_writable(path, what)  # before linting: a typo in a path must not cost a whole run
    if select and not _ids(select):
        _fail("--select needs at least one rule code, name, prefix or category (an empty selection runs nothing)")
    opts = app.Options(
        select=_ids(select) or None, extend_select=_ids(extend_select), ignore=_ids(ignore), venue=venue,
        review=review, fail_on=fail_on, config=config, root=root, inline_suppress=not no_inline_suppress,
        baseline=baseline, use_cache=not no_cache, cache_dir=cache_dir, jobs=jobs, force_exclude=force_exclude,
        need_sources=fmt == "html" or html_path is not None or fix or show_diff,  # HTML shows them; fixes edit them
    )
    if fix and stdin_filename is not None:
        _fail("--fix cannot rewrite standard input; use --diff with --stdin-filename to see the fixes")
    if fix and write_baseline is not None:
        _fail("--fix and --write-baseline do not go together: fix first, then record the baseline")
    if show_diff:
        _diff(app, paths, opts, stdin_filename, unsafe_fixes)
        return
    if show_settings:
        click.echo(app.settings_text(paths[0], opts))
        return
    if fix:
        result = _fix(app, paths, opts, unsafe_fixes, quiet)
    else:
        result = _run(app, paths, opts, stdin_filename, progress=not quiet and _isatty(sys.stderr))
    if write_baseline is not None:
        from texlint.engine.baseline import write_baseline as _write  # start-up: only with --write-baseline

        _write(write_baseline, result.findings)
        click.echo(f"texlint: wrote {len(result.findings)} findings to baseline {write_baseline}", err=True)
        return
    t_report = time.perf_counter()
    if statistics:
        click.echo(_statistics(result), nl=False)
    else:
        _report(result, fmt, output, html_path, color, quiet)
    if profile:
        total = Timer()
        for d in result.documents:
            total.merge(d.timer)
        total.stages["report"] = time.perf_counter() - t_report
        click.echo(f"texlint profile ({len(result.documents)} document(s), wall {time.perf_counter() - t0:.3f} s):", err=True)
        click.echo(total.report(), err=True)
    for error in result.errors:  # a document whose worker died: said once, after the others' report
        click.echo(f"texlint: error: {clean(error)}", err=True)
    sys.exit(result.exit_code() if result.errors or not exit_zero else 0)


def _fix(app, paths: list[Path], opts, unsafe: bool, quiet: bool):
    """--fix: apply, re-lint, say what was fixed on stderr (the report shows what is left)."""
    from texlint.app.fixing import run_fixes  # start-up: only with --fix

    signal.signal(signal.SIGTERM, _terminate)
    outcome = run_fixes(app.run, paths, opts, unsafe=unsafe)
    for line in outcome.skipped:
        click.echo(f"texlint: warning: {clean(line)}", err=True)
    if not quiet:
        click.echo(f"texlint: {_fixed_summary(outcome)}", err=True)
    return outcome.result


def _fixed_summary(outcome) -> str:
    files = len(outcome.files)
    text = f"fixed {outcome.fixed} finding{'s' * (outcome.fixed != 1)}"
    if files:
        text += f" in {files} file{'s' * (files != 1)}"
    if outcome.unsafe_left:
        text += f" ({outcome.unsafe_left} more with --unsafe-fixes)"
    return text


def _diff(app, paths: list[Path], opts, stdin_filename: Path | None, unsafe: bool) -> None:
    """--diff: the fixes as a unified diff on stdout; nothing written; exit 1 when there are any."""
    from texlint.app.fixing import run_fixes  # start-up: only with --diff

    with overlay(_stdin_texts(stdin_filename)):
        outcome = run_fixes(app.run, paths, opts, unsafe=unsafe, diff=True)
    click.echo(outcome.diff, nl=False)
    for line in outcome.skipped:
        click.echo(f"texlint: warning: {clean(line)}", err=True)
    click.echo(f"texlint: {_fixed_summary(outcome).replace('fixed', 'would fix', 1)}", err=True)
    sys.exit(1 if outcome.diff else 0)


def _terminate(signum, frame):  # SIGTERM: stop like Ctrl-C (workers are ended, one line, exit 2)
    raise KeyboardInterrupt


def _run(app, paths: list[Path], opts, stdin_filename: Path | None, progress: bool):
    """The run, with a progress bar on a terminal, and standard input as ``stdin_filename``."""
    signal.signal(signal.SIGTERM, _terminate)
    bar = _ProgressBar() if progress else None
    if bar is not None:
        opts.progress = bar.advance
    try:
        with overlay(_stdin_texts(stdin_filename)):
            return app.run(paths, opts)
    finally:
        if bar is not None:
            bar.close()


def _stdin_texts(stdin_filename: Path | None) -> dict:
    """Standard input as the text of ``stdin_filename`` (bounded), for ``overlay``."""
    if stdin_filename is None:
        return {}
    data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        _fail(f"standard input is larger than {MAX_STDIN_BYTES // (1024 * 1024)} MB")
    return {stdin_filename: data}


def _report(result, fmt: str, output: Path | None, html_path: Path | None, color: str, quiet: bool) -> None:
    colored = fmt == "text" and output is None and use_color(color)
    text = render(fmt, result, color=colored, quiet=quiet)
    if html_path is not None:
        write_text(html_path, render("html", result), "HTML report")
    if output is None:
        click.echo(text, nl=False, color=colored)  # click strips colour codes off a terminal unless told
        return
    write_text(output, text, "report")
    if quiet or fmt == "text":
        return
    if fmt == "html":  # a report for people: say where it went, not what it says
        n = result.counts()
        click.echo(f"texlint: wrote the HTML report to {output} ({sum(n.values())} findings: {n['error']} errors, "
                   f"{n['warning']} warnings, {n['info']} info)", err=True)
    else:  # machine output in a file, the human summary on stderr
        err_color = use_color(color, sys.stderr)
        click.echo(render("text", result, color=err_color, quiet=quiet), err=True, nl=False, color=err_color)


def _statistics(result) -> str:
    """Findings per rule, most first (ruff's --statistics)."""
    counts: dict[tuple[str, str], int] = {}
    for f in result.findings:
        counts[(f.rule, f.name)] = counts.get((f.rule, f.name), 0) + 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(f"{n:>{width}}  {code:<6} {name}\n" for (code, name), n in rows)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _ProgressBar:
    """A click progress bar on stderr, shown once a run has more than one document."""

    def __init__(self) -> None:
        self._bar = None

    def advance(self, dr, done: int, total: int) -> None:
        if total < 2:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="linting", file=sys.stderr,
                                          item_show_func=lambda x: x)
            self._bar.__enter__()
        self._bar.update(1, dr.root)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


@main.command("inspect")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--root", type=click.Path(path_type=Path), help="The root document (overrides detection).")
@click.option("--text", "show_text", is_flag=True, help="Dump the prose with source positions.")
@_guard
def inspect_cmd(path, root, show_text):
    """Show the document model: root, files, sections with roles, counts."""
    from texlint.cli.model_view import inspect_paths  # start-up: loads the parser and spaCy

    for text in inspect_paths(path, root, show_text):
        click.echo(text)


def _registry():
    """Every rule texlint knows (built-in and plugins), for `rules` and `explain`."""
    from texlint.checks.catalog import build_registry  # start-up: imports every rule module

    return build_registry()


@main.command("rules")
@click.option("--category", type=click.Choice(["story", "claims", "reviewer", "venue", "latex", "style"]))
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_guard
def rules_cmd(category, show_all, fmt):
    """List the rules (on-by-default ones unless --all)."""
    import json

    reg = _registry()
    rows = [r for r in reg if (category is None or r.category == category) and (show_all or r.default)]
    if fmt == "json":
        click.echo(json.dumps([r.doc_dict() for r in rows], indent=2))
        return
    for r in rows:
        summary = r.summary.rstrip()
        if not r.default:  # say it once, whether or not the summary already does
            summary = re.sub(r"[;,]?\s*off by default\.?$", "", summary).rstrip() + "  (off by default)"
        click.echo(f"{r.code:6} {r.name:32} {r.category:9} {r.severity:8} {summary}")


@main.command("explain")
@click.argument("rule_id")
@_guard
def explain_cmd(rule_id):
    """Explain one rule: what it flags, why, a bad and a good example, how to fix."""
    rule = _registry().get(rule_id)
    if rule is None:
        _fail(f"unknown rule '{rule_id}' (see `texlint rules --all`)")
    click.echo(explain_text(rule))


@main.command("init")
@click.option("--path", type=click.Path(path_type=Path), default=Path(".texlint.toml"), show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@_guard
def init_cmd(path, force):
    """Write a commented starter config."""
    from texlint.app.config import STARTER  # start-up: config parsing is not needed elsewhere in init

    if path.exists() and not force:
        _fail(f"{path} already exists (use --force to overwrite)")
    write_text(path, STARTER, "config")
    click.echo(f"texlint: wrote {path}")


@main.command("tag")
@click.argument("source", default="-")
@_guard
def tag_cmd(source):
    """Tag sentences (one per line, or JSONL with a "text" field) with rhetorical moves.

    A JSONL line may also give the sentence's section, as a "role" (introduction, discussion,
    limitations, ...) or as a "section" title ("Study limitations"); the role changes some
    moves (limitation vocabulary counts in a discussion, not in a method section)."""
    from texlint.nlp.tagger import run_tag_command  # start-up: the tagger's vocabulary and spaCy

    if source == "-":
        data = sys.stdin.buffer.read(MAX_STDIN_BYTES)
        sys.exit(run_tag_command(io.StringIO(data.decode("utf-8", errors="replace")), sys.stdout))
    text = read_bytes(Path(source), MAX_STDIN_BYTES).decode("utf-8", errors="replace")  # one-line error if unreadable
    sys.exit(run_tag_command(io.StringIO(text), sys.stdout))


@main.command("lsp")
@_guard
def lsp_cmd():
    """Run the language server over stdio (for editors)."""
    from texlint.lsp.server import serve  # start-up: pygls, the rules and spaCy only for the server

    serve()


if __name__ == "__main__":  # pragma: no cover
    main()
