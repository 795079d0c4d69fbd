"""Recording file names: the template filled in, always one safe path component."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from workspace.contact_center.delivery_methods.naming import (
    DEFAULT_TEMPLATE,
    MAX_LENGTH,
    recording_file_name,
)

SAFE = re.compile(r"^[A-Za-z0-9+@=][A-Za-z0-9._+@=-]*$")
META = {
    "started_at": datetime(2026, 11, 26, 9, 5, 7, tzinfo=UTC),
    "direction": "inbound",
    "scope": "external",
    "local": "101",
    "remote": "+4930123456",
    "contact": "Mike Brown",
    "extension": "101",
    "ext": "wav",
}


def assert_safe(name: str) -> None:
    assert SAFE.match(name), name
    assert len(name) <= MAX_LENGTH
    assert name not in (".", "..")
    assert ".." not in name


def test_when_template_is_broken_then_default_is_used():
    assert recording_file_name("{date", META) == recording_file_name(DEFAULT_TEMPLATE, META)
    assert recording_file_name("{0}{date.year}", META) == recording_file_name(None, META)


def test_when_values_try_to_escape_the_folder_then_they_are_flattened():
    meta = META | {"remote": "../../etc/passwd", "contact": "..\\..\\boot.ini"}
    name = recording_file_name("{contact}/{remote}.{ext}", meta)
    assert name == "boot.ini_etc_passwd.wav"
    assert_safe(name)


def test_when_name_would_start_with_dot_or_dash_then_those_are_dropped():
    assert recording_file_name("-.{contact}", META | {"contact": ".hidden"}) == "hidden.wav"
    assert recording_file_name("{contact}", META | {"contact": "..."}) == "recording.wav"


def test_when_template_has_no_extension_then_it_is_added():
    assert recording_file_name("{contact}", META) == "Mike_Brown.wav"


def test_when_name_is_too_long_then_cut_keeping_the_extension():
    name = recording_file_name("{contact}", META | {"contact": "x" * 500, "ext": "mp3"})
    assert len(name) == MAX_LENGTH and name.endswith(".mp3")


def test_when_default_then_date_time_direction_from_to():
    assert recording_file_name(None, META) == "2026-11-26_09-05-07_inbound_+4930123456_101.wav"
    outbound = META | {"direction": "outbound"}
    assert recording_file_name(None, outbound) == "2026-11-26_09-05-07_outbound_101_+4930123456.wav"


def test_when_names_have_accents_then_folded_to_ascii():
    assert (
        recording_file_name("{contact}", META | {"contact": "Zoë Ångström"}) == "Zoe_Angstrom.wav"
    )


@given(
    template=st.one_of(st.none(), st.text(max_size=300)),
    values=st.dictionaries(
        st.sampled_from(["direction", "scope", "local", "remote", "contact", "extension", "ext"]),
        st.text(max_size=300),
    ),
    started=st.datetimes(),
)
def test_when_anything_goes_in_then_one_safe_path_component_comes_out(template, values, started):
    name = recording_file_name(template, META | values | {"started_at": started})
    assert_safe(name)
    assert "/" not in name and "\\" not in name and "\x00" not in name
