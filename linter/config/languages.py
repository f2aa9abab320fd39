"""Which names are languages: a two-letter ISO 639-1 language code, then any subtags.

Hugo sites put each translation in a folder named after its language (`content/de/`) or in
the file name (`about.de.md`), beside folders of the same shape that are not languages
(`content/api/`, `content/ui/`). The site's own list of languages lives in its configuration,
so the preset takes only the names that start with a language code: `api/` stays one of the
site's own folders and its pages are compared with the rest. A site with a three-letter
language sets `identity-scope` itself.
"""

from __future__ import annotations

#: ISO 639-1: every two-letter language code.
_ISO_639_1 = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
"""
LANGUAGE_CODES = frozenset(_ISO_639_1.split())


#: A language code with optional subtags (`fr`, `zh-cn`, `pt-BR`, `zh-Hant`), as a regular expression.
LANGUAGE_TAG = rf"(?:{'|'.join(sorted(LANGUAGE_CODES))})(?:-[A-Za-z0-9]{{2,8}})*"
