"""JSON columns through orjson (workspace.json_columns): same values, refusals kept readable."""

from __future__ import annotations

import doctest
import json

import workspace.json_columns as json_columns
from workspace.json_columns import dumps, loads


def test_when_value_orjson_refuses_then_standard_library_writes_it():
    huge = 2**70  # past 64 bits: orjson raises, json writes it
    assert json.loads(dumps({"n": huge})) == {"n": huge}


def test_when_old_row_has_nan_then_it_still_reads():
    value = loads('{"x": NaN, "y": 1}')
    assert value["y"] == 1 and value["x"] != value["x"]


def test_when_written_then_read_back_equal_to_standard_library():
    value = {"members": [{"contact_method": 4, "start": 0, "duration": 20}], "é": None, 3: True}
    assert loads(dumps(value)) == json.loads(json.dumps(value))


def test_docstring_examples_hold():
    assert doctest.testmod(json_columns).failed == 0


def test_when_app_saves_json_column_then_orjson_wrote_it(app):
    from workspace.extensions import db

    with app.app_context():
        options = db.engine.dialect._json_serializer
        assert options is dumps and db.engine.dialect._json_deserializer is loads
