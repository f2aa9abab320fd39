"""The rules: one family a module, the registry of every rule by code (registry.py), their
options (options.py) and which of them run at what severity (selection.py)."""
