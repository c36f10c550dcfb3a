"""Stage 7, one run: configuration files, root documents, the result cache, worker processes and
the document summary every reporter reads."""
