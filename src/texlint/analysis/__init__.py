"""Stage 4, the argument model: rhetorical moves per passage, who claims what, evidence facts and
the story arc, computed once per document from the model and the tagger."""
