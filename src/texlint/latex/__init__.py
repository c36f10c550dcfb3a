"""Stage 2, LaTeX to the document model: pylatexenc parse, sections with roles, prose with a
source map to file:line:col, and the inventory (labels, refs, citations, floats, tables, macros)."""
