"""Every place a paragraph holds one of the store's known names, found in one pass over the
paragraph (an Aho–Corasick automaton) however many names the store knows.  Built once per
name index, which the checks keep while the store's names do not change (checks/load.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ahocorasick

MIN_LENGTH = 3  # shorter names are too common as words to look for


class NameMatcher:
    def __init__(self, names: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        self._empty = True
        for name in set(names):
            if len(name) >= MIN_LENGTH:
                self._automaton.add_word(name, name)
                self._empty = False
        if not self._empty:
            self._automaton.make_automaton()

    def occurrences(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every occurrence, overlapping ones included."""
        if self._empty or not text:
            return []
        return [(end + 1 - len(name), end + 1, name) for end, name in self._automaton.iter(text)]

    def leftmost_longest(self, text: str, wanted: Callable[[str], bool]) -> list[tuple[int, int, str]]:
        """The names `wanted` admits, scanned as a regex alternation of them (longest first) scans:
        at each place the longest one, then on from its end."""
        found = sorted((o for o in self.occurrences(text) if wanted(o[2])), key=lambda o: (o[0], -o[1]))
        out, pos = [], 0
        for start, end, name in found:
            if start >= pos:
                out.append((start, end, name))
                pos = end
        return out
