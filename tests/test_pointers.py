"""JSON Pointers: escaping round-trips, resolving never raises, labels read as messages do."""

from __future__ import annotations

from linter.reading import pointers


def test_escaping_round_trips_the_two_special_characters():
    assert pointers.escape("a/b~c") == "a~1b~0c"
    assert pointers.unescape("a~1b~0c") == "a/b~c"
    assert pointers.unescape("~01") == "~1"  # `~1` is replaced first, as RFC 6901 says
    assert pointers.from_path(["a/b", 0, "~"]) == "/a~1b/0/~0"
    assert pointers.split("/a~1b/0/~0") == ["a/b", "0", "~"]
    assert pointers.split("") == []


def test_parent_and_last_token():
    assert pointers.parent("/related/1/url") == "/related/1"
    assert pointers.parent("") == ""
    assert pointers.last_token("/params/a~1b") == "a/b"
    assert pointers.join("/params", "x/y") == "/params/x~1y"


def test_resolve_walks_mappings_and_lists_and_answers_none_when_missing():
    data = {"related": [{"url": "u"}], "a/b": 1, "": 2}
    assert pointers.resolve(data, "/related/0/url") == "u"
    assert pointers.resolve(data, "/a~1b") == 1
    assert pointers.resolve(data, "/") == 2
    assert pointers.resolve(data, "") is data
    assert pointers.resolve(data, "/related/1/url") is None
    assert pointers.resolve(data, "/related/x") is None
    assert pointers.resolve(data, "/a~1b/c") is None


def test_labels_name_fields_the_way_messages_do():
    assert pointers.label("/related/1/images/0/url") == "related[1].images[0].url"
    assert pointers.label("/webUrl") == "webUrl"
    assert pointers.path_label(("hero", "actions", 1, "variant")) == "hero.actions[1].variant"
    assert pointers.path_label(("params", "functions_and_methods", "returnType")) == (
        "params.functions_and_methods.returnType"
    )
    assert pointers.path_label(("a b", "2")) == '["a b"].2'
