"""The JSON Schema check: load and vet the schema once (bounded, no remote references), take one
verdict per document from one engine (jsonschema-rs), and turn each error into a message at the
offending key or value, with a fix where one is sure.
"""
