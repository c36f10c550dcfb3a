"""Stage 9, the command line (click); each command imports what it needs when it runs."""
