"""The language server (`content-lint server`, LSP over stdio on pygls): diagnostics while typing,
quick fixes and hover, reusing the same engine and reporting records as the command line.
"""
