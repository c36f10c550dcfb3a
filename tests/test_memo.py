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


def test_what_the_last_two_lints_did_not_use_is_forgotten():
    from texlint.util.recent import Recent

    memory = Recent(100)
    memory.start_lint()
    memory.put("old paragraph", 1)
    memory.put("kept paragraph", 2)
    memory.start_lint()  # the next lint uses only "kept paragraph"
    assert memory.get("kept paragraph") == 2
    memory.put("edited paragraph", 3)
    memory.start_lint()  # the first lint used "old paragraph": still kept
    assert memory.get("kept paragraph") == 2 and memory.get("edited paragraph") == 3
    memory.start_lint()  # neither of the last two lints used it
    assert memory.get("old paragraph") is None
    assert memory.get("kept paragraph") == 2 and memory.get("edited paragraph") == 3
    assert len(memory) == 2
    for i in range(150):  # the size bound still holds within one lint
        memory.put(i, i)
    assert len(memory) == 100 and memory.get(149) == 149 and memory.get(0) is None
