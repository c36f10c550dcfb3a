"""util.memo: pure text scans remembered by argument only while the language server asks."""

from __future__ import annotations

from texlint.util.memo import not_remembering, per_text, remember_texts


def test_a_scan_is_remembered_only_when_remembering_is_on():
    calls = []

    @per_text
    def words(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())

    assert words("a b") == ("a", "b") and words("a b") == ("a", "b")
    assert len(calls) == 2  # off (the command line): computed every time
    remember_texts(10)
    try:
        assert words("a b") == words("a b") == ("a", "b")
        assert len(calls) == 3  # on: computed once, then looked up
        with not_remembering():
            words("a b")
        assert len(calls) == 4  # a fresh lint to compare against neither reads nor fills it
        words("a b")
        assert len(calls) == 4
        for i in range(20):
            words(f"text {i}")
        words("a b")
        assert len(calls) == 4 + 20 + 1  # bounded: the oldest results are forgotten first
    finally:
        remember_texts(0)
    words("a b")
    assert len(calls) == 26  # off again: nothing kept


def test_functions_decorated_after_remembering_started_remember_too():
    remember_texts(10)
    try:
        calls = []

        @per_text
        def upper(text: str) -> str:
            calls.append(text)
            return text.upper()

        assert upper("x") == upper("x") == "X"
        assert calls == ["x"]
    finally:
        remember_texts(0)
