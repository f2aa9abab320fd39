"""Configuration: config files become one frozen Config; content types (`[[types]]`), presets (a
schema plus role bindings) and role bindings are parsed and checked here, with one-line errors
for anything wrong.
"""
