"""Reading a content file: find the front-matter fences (YAML, TOML, JSON), compose it into plain
values with the position of every node (plain block YAML: read line by line, composed only
when a position is needed), and wrap both in a Document that turns a JSON Pointer
into a line and column. Hostile input is bounded here: size, depth, aliases, non-regular files.
"""
