"""Fixes made and applied: the edits for a rule's node-level fix, proved by reading the result
again (edits.py); choosing and splicing them into a file's bytes (apply.py); writing the file
safely (atomic.py, file_identity.py). Below the rules, which ask for edits, and the run, whose
`--fix` loop applies them; above `reading/`, which proves them."""
