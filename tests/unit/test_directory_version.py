"""The directory version is the sha256 of the entries' canonical JSON, whoever writes it."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from workspace.contact_center.contacts.directory import directory_version

text = st.text()  # any code point: quotes, backslashes, control characters, emoji, U+2028
entry = st.fixed_dictionaries(
    {
        "id": st.integers(min_value=1, max_value=2**31),
        "first_name": text,
        "last_name": text,
        "company": st.none() | text,
        "job_title": st.none() | text,
        "numbers": st.lists(st.fixed_dictionaries({"type": text, "number": text}), max_size=3),
        "emails": st.lists(
            st.fixed_dictionaries({"address": text, "label": st.none() | text}), max_size=3
        ),
    }
)


@given(st.lists(entry, max_size=4))
def test_when_entries_hold_any_text_then_version_equals_the_standard_library_canonical_json(
    entries,
):
    canonical = json.dumps(entries, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert directory_version(entries) == hashlib.sha256(canonical.encode()).hexdigest()
