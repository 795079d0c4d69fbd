"""Contacts as CSV: export every contact, import many at once with a dry run.

One row per contact: first_name, last_name, company, job_title, emails, numbers,
show_in_directory. `emails` and `numbers` hold several values separated by ";", each
optionally prefixed by its label or type: "work:mike@example.com; home:mb@example.org",
"mobile:+14155550100; landline:+14155550101; internal:101" (an internal number is given by
its digits and must be in the inventory). Each row goes through ContactCreateSchema and
add_contact, the same rules as the contact form. Import is all or nothing: any row with an
error and nothing is created; a dry run does every step, then rolls back.
"""

from __future__ import annotations

import csv
import io

from marshmallow import ValidationError

from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.contacts.schemas import ContactCreateSchema
from workspace.contact_center.contacts.service import add_contact
from workspace.contact_center.numbers.models import InternalNumber
from workspace.errors import FieldErrors, ServiceError
from workspace.extensions import db
from workspace.signals import announce_devices_may_change
from workspace.tenancy import scoped

COLUMNS = (
    "first_name",
    "last_name",
    "company",
    "job_title",
    "emails",
    "numbers",
    "show_in_directory",
)
MAX_ROWS = 5000
TRUE = {"", "1", "yes", "y", "true", "on"}
FALSE = {"0", "no", "n", "false", "off"}


class ImportRefused(ServiceError):
    """422 whose errors name each failing row: {"rows": {"<row>": {field: [messages]}}}."""

    status_code = 422


def export_csv(account_id: int) -> str:
    rows = db.session.execute(
        scoped(Contact, account_id).order_by(Contact.last_name, Contact.first_name, Contact.id)
    ).scalars()
    digits = dict(
        db.session.execute(
            db.select(InternalNumber.id, InternalNumber.number).where(
                InternalNumber.account_id == account_id
            )
        ).all()
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for c in rows:
        numbers = "; ".join(
            f"internal:{digits.get(n.internal_number_id, '')}"
            if n.type == "internal"
            else f"{n.type}:{n.number}"
            for n in c.numbers
        )
        emails = "; ".join(f"{e.label}:{e.address}" for e in c.emails)
        flag = "yes" if c.show_in_directory else "no"
        writer.writerow(
            [
                _cell(v)
                for v in (c.first_name, c.last_name, c.company, c.job_title, emails, numbers, flag)
            ]
        )
    return out.getvalue()


def _cell(value: str) -> str:
    """No formula injection when the file is opened in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") and not _is_number(value) else value


def _is_number(value: str) -> bool:
    return value.startswith("+") and value[1:].isdigit()


def _parts(text: str) -> list[tuple[str | None, str]]:
    found = []
    for piece in (p.strip() for p in (text or "").split(";")):
        if piece:
            label, sep, value = piece.partition(":")
            found.append((label.strip().lower(), value.strip()) if sep else (None, piece))
    return found


def _row_body(row: dict, internal: dict[str, int]) -> tuple[dict, dict]:
    """The ContactCreateSchema body of one CSV row, and the errors found reading it."""
    errors: dict[str, list[str]] = {}
    emails = [{"address": v, **({"label": k} if k else {})} for k, v in _parts(row.get("emails"))]
    numbers = []
    for kind, value in _parts(row.get("numbers")):
        kind = kind or "mobile"
        if kind == "internal":
            if value not in internal:
                errors.setdefault("numbers", []).append(
                    f"Internal number {value} is not in the inventory."
                )
                continue
            numbers.append({"type": "internal", "internal_number_id": internal[value]})
        else:
            numbers.append({"type": kind, "number": value})
    flag = (row.get("show_in_directory") or "").strip().lower()
    if flag not in TRUE | FALSE:
        errors["show_in_directory"] = ["Use yes or no."]
    body = {
        "first_name": (row.get("first_name") or "").strip(),
        "last_name": (row.get("last_name") or "").strip(),
        "company": (row.get("company") or "").strip(),
        "job_title": (row.get("job_title") or "").strip(),
        "show_in_directory": flag not in FALSE,
        "numbers": numbers,
        "emails": emails,
    }
    return body, errors


def _read(text: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("first_name", "last_name", "emails") if c not in header]
    if missing:
        raise FieldErrors(
            {"csv": f"The first line must name the columns; missing: {', '.join(missing)}."}
        )
    reader.fieldnames = header
    rows = list(reader)
    if not rows:
        raise FieldErrors({"csv": "The file has no contacts."})
    if len(rows) > MAX_ROWS:
        raise FieldErrors({"csv": f"Import at most {MAX_ROWS} contacts at once."})
    return rows


def import_csv(account_id: int, text: str, *, dry_run: bool) -> dict:
    rows = _read(text)
    internal = dict(
        db.session.execute(
            db.select(InternalNumber.number, InternalNumber.id).where(
                InternalNumber.account_id == account_id
            )
        ).all()
    )
    schema = ContactCreateSchema()
    report = []
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        body, errors = _row_body(row, internal)
        name = f"{body['first_name']} {body['last_name']}".strip()
        try:
            data = schema.load(body)
        except ValidationError as exc:
            errors = {
                **{
                    k: v if isinstance(v, list) else [str(v)]
                    for k, v in _flat(exc.messages).items()
                },
                **errors,
            }
            data = None
        if data is not None and not errors:
            try:
                with db.session.begin_nested():
                    add_contact(account_id, data)
            except ServiceError as exc:
                errors = _flat((exc.errors or {}).get("json") or {"_row": [exc.message]})
        report.append({"row": line, "name": name, "errors": errors})
    failed = {str(r["row"]): r["errors"] for r in report if r["errors"]}
    if failed or dry_run:
        db.session.rollback()
    else:
        db.session.commit()
        announce_devices_may_change(account_id, "contact")
    result = {
        "dry_run": dry_run,
        "ok": not failed,
        "rows": report,
        "created": 0 if (failed or dry_run) else len(rows),
    }
    if failed and not dry_run:
        raise ImportRefused(
            f"{len(failed)} of {len(rows)} rows have errors; nothing was imported.",
            {"rows": failed},
        )
    return result


def _flat(messages, prefix: str = "") -> dict[str, list[str]]:
    """Nested marshmallow messages as {"emails.0.address": [...]}."""
    out: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            out.update(_flat(value, f"{prefix}{key}."))
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        out[prefix.rstrip(".")] = list(messages)
    elif isinstance(messages, list):
        for value in messages:
            out.update(_flat(value, prefix))
    else:
        out[prefix.rstrip(".")] = [str(messages)]
    return out
