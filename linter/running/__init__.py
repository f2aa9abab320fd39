"""Running a check: discover the files, plan what is read and what the result cache answers, lint
each file (in worker processes when that pays off), judge the cross-file rules, and return
immutable results. The cache and its security live here.
"""
