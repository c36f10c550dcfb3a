"""Stage 3, words: spaCy tokens and sentences over the prose, and the rhetorical-move tagger."""
