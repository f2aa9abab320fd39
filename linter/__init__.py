"""content-lint: lint the YAML front matter of content files."""

__version__ = "0.1.0"
