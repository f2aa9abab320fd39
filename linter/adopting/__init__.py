"""Adopting content-lint on an existing site: detect the framework, infer a schema and role
bindings from the front matter already there, import a CMS's content types, and write a
starting config (`content-lint init`).
"""
