"""Split, check and normalise URLs without ever raising, so rules can compare junk safely."""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit

DEFAULT_PORTS: dict[str, int] = {"http": 80, "https": 443}

#: Query parameters that say how a reader arrived, not which page they see. `ref` is kept:
#: sites (and code hosts) use it for real content, e.g. a branch or an edition.
TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",  # Microsoft Ads
        "yclid",  # Yandex
        "twclid",  # X / Twitter
        "ttclid",  # TikTok
        "li_fat_id",  # LinkedIn
        "igshid",  # Instagram
        "mc_cid",  # Mailchimp
        "mc_eid",
        "_ga",  # Google Analytics cross-domain
        "_gl",
        "_hsenc",  # HubSpot
        "_hsmi",
        "mkt_tok",  # Marketo
        "ref_src",  # Twitter embeds
        "ref_url",
    }
)

_LABEL = r"(?!-)[a-z0-9_-]{1,63}(?<!-)"
_HOSTNAME = rf"{_LABEL}(?:\.{_LABEL})*"
_ESCAPE = re.compile("%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")  # RFC 3986

#: The common case, split by one regex instead of `urlsplit`: printable ASCII without spaces,
#: `http(s)://host[:port][/path][?query][#fragment]`, no userinfo, no IPv6 brackets. Groups
#: are what `urlsplit` + `host_and_port` would give (path, query and port may be None).
SIMPLE_URL = (
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)://(?P<host>[A-Za-z0-9._-]+)(?::(?P<port>[0-9]*))?"
    r'(?P<path>/[!"$->@-~]*)?(?:\?(?P<query>[!"$-~]*))?(?:#[!-~]*)?'
)
#: The commonest kind of SIMPLE_URL, which one match proves well formed: a host that
#: `ascii_host` keeps as it is (lower-case labels, no trailing dot), no port, no query and no
#: `%` escape in the path. Its comparison key is then the host (less `www.`) and the path.
TIDY_URL = re.compile(rf"[Hh][Tt][Tt][Pp][Ss]?://(?P<host>{_HOSTNAME})(?P<path>/[!\"$&->@-~]*)?(?:#[!-~]*)?")
#: TIDY_URL hosts seen, each without its `www.`: a file and a run name the same few hosts.
_TIDY_HOSTS: dict[str, str] = {}
# A query whose parse_qsl + urlencode round trip changes nothing but order and tracking
# parameters: `name=value` pairs of unreserved characters.
_SIMPLE_QUERY = r"[A-Za-z0-9._~-]+=[A-Za-z0-9._~-]*(?:&[A-Za-z0-9._~-]+=[A-Za-z0-9._~-]*)*"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """`_HOSTNAME`, SIMPLE_URL or `_SIMPLE_QUERY`, compiled on first use: a run whose URLs are
    all TIDY_URLs never needs them (0.45 ms, ~1 % of a one-file run)."""
    return re.compile(pattern)


@functools.lru_cache(maxsize=4096)  # the URL rules each look at every URL of a file
def split_simple(url: str) -> re.Match[str] | None:
    """`url` split by SIMPLE_URL, or None when it is not that common, simple kind."""
    return _compiled(SIMPLE_URL).fullmatch(url)


def split(url: str) -> SplitResult | None:
    """`urlsplit`, or None where it raises (unbalanced IPv6 brackets, NFKC-invalid netlocs)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def host_and_port(netloc: str) -> tuple[str, str]:
    """The host text (IPv6 keeps its brackets) and the port text after `:` ("" when absent)."""
    hostport = netloc.rpartition("@")[2]
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            return hostport, ""
        rest = hostport[end + 1 :]
        return hostport[: end + 1], rest[1:] if rest.startswith(":") else rest
    host, _, port = hostport.partition(":")
    return host, port


def port_number(text: str) -> int | None:
    """The port as a number, or None unless it is 1-65535 in ASCII digits."""
    if not (text.isascii() and text.isdigit()) or len(text) > 5:
        return None
    number = int(text)
    return number if 0 < number <= 65535 else None


@functools.lru_cache(maxsize=4096)  # pure; a file names the same few hosts many times
def ascii_host(host: str) -> str | None:
    """Lower-case ASCII form (IDNA for Unicode, compressed IPv6 in brackets), or None if invalid."""
    text = host.lower().rstrip(".")
    if text.startswith("[") and text.endswith("]"):
        try:
            return f"[{ipaddress.IPv6Address(text[1:-1]).compressed}]"
        except ValueError:
            return None
    if not text:
        return None
    if text.isascii():  # IDNA only checks label lengths of an ASCII name, as _HOSTNAME does
        return text if _compiled(_HOSTNAME).fullmatch(text) else None
    try:
        text = text.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return text if _compiled(_HOSTNAME).fullmatch(text) else None


def host_of(url: str) -> str | None:
    """The ASCII host of an http(s) URL, or None when the URL has no valid one."""
    text = url.strip()
    simple = split_simple(text)
    if simple is not None:  # the common case, without urlsplit
        return ascii_host(simple["host"])
    parts = split(text)
    if parts is None or parts.scheme.lower() not in DEFAULT_PORTS:
        return None
    return ascii_host(host_and_port(parts.netloc)[0])


def strip_www(host: str) -> str:
    """`www.example.com` -> `example.com`; a bare `www.com` stays as it is."""
    rest = host[4:]
    return rest if host.startswith("www.") and "." in rest else host


def within_domain(host: str, domain: str) -> bool:
    """True when `host` is `domain` or one of its subdomains, ignoring a leading `www.`."""
    host, domain = strip_www(host.lower().rstrip(".")), strip_www(domain.lower().rstrip("."))
    return bool(domain) and (host == domain or host.endswith("." + domain))


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


@functools.lru_cache(maxsize=4096)  # pure; several rules normalise the same URLs of a file
def normalise(url: str) -> str | None:
    """A comparison key: two URLs with the same key show the same page. None for non-http(s) junk.

    http and https are one scheme; host case, a leading `www.`, default ports, a trailing
    slash, the fragment and tracking parameters are dropped; other parameters are sorted.
    """
    text = url.strip()
    simple = split_simple(text)
    return normalise_general(text) if simple is None else _normalise_simple(simple)


def simple_facts(url: str) -> tuple[str, str] | None:
    """(`normalise(url)`, `host_of(url)`) when `url` is a SIMPLE_URL with a valid host and port.

    One regex match settles the common case for every URL rule: such a URL is well formed
    (`url_defect` finds nothing), so None means only "ask the general functions". Commoner
    still, a TIDY_URL with a lower-case scheme and a host seen before is settled by string
    methods: the host's regex costs as much as the rest of the URL's.
    """
    rest = url[8:] if url.startswith("https://") else url[7:] if url.startswith("http://") else None
    if rest is not None and url.isascii():
        name, _, rest = rest.partition("/")
        bare = _TIDY_HOSTS.get(name)
        path = rest.partition("#")[0]
        # TIDY_URL's path: printable ASCII but space, `%` and `?`; its fragment: but space.
        clean = rest.isprintable() and " " not in rest and "%" not in path and "?" not in path
        if bare is not None and clean:
            return f"https://{bare}/{path.rstrip('/')}", name
    tidy = TIDY_URL.fullmatch(url)
    if tidy is not None:
        host, path = tidy.groups()
        if len(_TIDY_HOSTS) >= 4096:
            _TIDY_HOSTS.clear()
        bare = _TIDY_HOSTS[host] = strip_www(host)
        return f"https://{bare}{(path.rstrip('/') if path else '') or '/'}", host
    simple = _compiled(SIMPLE_URL).fullmatch(url)
    if simple is None:
        return None
    scheme, host_text, port_text, path, query = simple.groups()
    host = ascii_host(host_text)
    if host is None:
        return None
    key = _simple_key(scheme.lower(), host, port_text, path, query)
    return None if key is None else (key, host)


def _normalise_simple(simple: re.Match[str]) -> str | None:
    """`normalise_general` for a SIMPLE_URL match: same steps, without urlsplit and parse_qsl."""
    scheme, host_text, port_text, path, query = simple.groups()
    host = ascii_host(host_text)
    return None if host is None else _simple_key(scheme.lower(), host, port_text, path, query)


def _simple_key(
    scheme: str, host: str, port_text: str | None, path: str | None, query: str | None
) -> str | None:
    """The comparison key from SIMPLE_URL's groups, the host already checked; None for a bad port."""
    default = DEFAULT_PORTS[scheme]
    port = port_number(port_text) if port_text else default
    if port is None:
        return None
    netloc = strip_www(host) if port == default else f"{strip_www(host)}:{port}"
    path = path or ""
    if "%" in path:  # only escapes need the regex
        path = _clean_escapes(path)
    path = path.rstrip("/") or "/"
    if not query:
        return f"https://{netloc}{path}"
    query = _simple_query(query) if _compiled(_SIMPLE_QUERY).fullmatch(query) else _clean_query(query)
    return f"https://{netloc}{path}" + (f"?{query}" if query else "")


def _simple_query(query: str) -> str:
    """`_clean_query` for a _SIMPLE_QUERY: nothing to unquote or quote, so split, drop, sort."""
    pairs = (pair.partition("=") for pair in query.split("&"))
    return "&".join(f"{k}={v}" for k, v in sorted((k, v) for k, _, v in pairs if not is_tracking_param(k)))


def normalise_general(url: str) -> str | None:
    """`normalise` for any text, through urlsplit; what the fast path must agree with."""
    parts = split(url.strip())
    if parts is None:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return None
    host_text, port_text = host_and_port(parts.netloc)
    host = ascii_host(host_text)
    if host is None:
        return None
    port = port_number(port_text) if port_text else DEFAULT_PORTS[scheme]
    if port is None:
        return None
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + strip_www(host)
    if port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    path = _clean_escapes(parts.path).rstrip("/") or "/"
    query = _clean_query(parts.query)
    return f"https://{netloc}{path}" + (f"?{query}" if query else "")


def _clean_escapes(text: str) -> str:
    """`%7e` -> `~` and `%2f` -> `%2F`: escapes of unreserved characters decoded, the rest upper."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else match.group(0).upper()

    return _ESCAPE.sub(fix, text)


def _clean_query(query: str) -> str:
    try:
        pairs = parse_qsl(query, keep_blank_values=True)
        return urlencode(sorted((k, v) for k, v in pairs if not is_tracking_param(k)))
    except ValueError:  # e.g. a lone surrogate that cannot be encoded: keep the text as given
        return query


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_absolute(text: str) -> bool:
    """True for text that starts with a URL scheme (`https:`, `mailto:`), not a site path."""
    return _SCHEME.match(text) is not None


def identity_key(value: str) -> str | None:
    """A comparison key for a value that names a page: `normalise` for an absolute URL; for a
    site path (`/docs/X/`, `docs/x`, `/docs/x/index.html`) the path without leading and
    trailing slashes, `index.html`, query and fragment, in lower case. None for a path with
    placeholders (`/:year/:title/`), which names many pages, or for nothing at all."""
    text = value.strip()
    if is_absolute(text):
        return normalise(text)
    path = text.split("#", 1)[0].split("?", 1)[0]
    if "/:" in "/" + path:
        return None
    parts = [part for part in path.split("/") if part and part != "."]
    if parts and parts[-1].lower() in ("index.html", "index.htm"):
        parts.pop()
    return "/" + "/".join(parts).lower() if parts or path.startswith("/") else None


def fragment(text: str) -> str:
    """The `#fragment` of a URL or site path ("" for none): the place within a page, which
    `normalise` and `identity_key` leave out."""
    return text.strip().partition("#")[2]


def link_defect(link: str) -> str | None:
    """Why a site path (`/docs/x/`, `../img.png`) is malformed, or None. Being relative is fine."""
    for char in link:
        if unicodedata.category(char) in ("Cc", "Cf"):
            return f"contains an invisible control character (U+{ord(char):04X})"
    if " " in link:
        return "contains a space; encode it as %20"
    if any(char.isspace() for char in link):
        return "contains whitespace"
    if "\\" in link:
        return "contains a backslash; use `/`"
    return None


def url_defect(url: str) -> str | None:
    """Why `url` is not an absolute http(s) URL with a valid host, or None when it is one."""
    simple = split_simple(url)
    if simple is None:
        return url_defect_general(url)
    # Printable ASCII without spaces, split by the regex: only the host and port remain to check.
    port = simple["port"]
    if ascii_host(simple["host"]) is None or (port and port_number(port) is None):
        return url_defect_general(url)  # the detailed path words the message
    return None


def url_defect_general(url: str) -> str | None:
    """`url_defect` for any text, character by character; what the fast path must agree with."""
    for char in url:
        if unicodedata.category(char) in ("Cc", "Cf"):  # Cf: zero-width and direction marks
            return f"contains an invisible control character (U+{ord(char):04X})"
    if " " in url:
        return "contains a space; encode it as %20"
    if any(char.isspace() for char in url):
        return "contains whitespace"
    parts = split(url)
    if parts is None or parts.scheme.lower() not in DEFAULT_PORTS:
        return "is not an absolute http:// or https:// URL"
    host, port = host_and_port(parts.netloc)
    if not host:
        return "has no host"
    if ascii_host(host) is None:
        return f'has an invalid host "{host}"'
    if port and port_number(port) is None:
        return f'has an invalid port "{port}"'
    return None
