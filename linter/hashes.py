"""The hash every run uses (cache keys, file digests, fact keys, the cache's keyed entries):
BLAKE2b, taken from CPython's own `_blake2` module when it is there. That is the object
`hashlib.blake2b` is, but importing hashlib first starts OpenSSL (~10 M instructions, 2 % of a
one-file run); CPython's `random` takes its sha512 the same way. Output formats whose hashes
users keep (GitLab fingerprints, baselines) still use hashlib's sha256: they load it only then.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # another implementation: the public module
    from hashlib import blake2b

__all__ = ["blake2b"]
