"""Request and response schemas of /providers."""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate

from workspace.contact_center.fields import Host, HostPort, Text
from workspace.contact_center.providers.models import DEFAULT_SIP_PORT
from workspace.schemas import BaseSchema, list_schema

NAME_LENGTH = validate.Length(min=1, max=100, error="Use 1 to 100 characters.")


class Port(fields.Integer):
    """A SIP port 1-65535; empty ("" or null) means the default 5060."""

    def __init__(self, **kwargs) -> None:
        super().__init__(strict=True, allow_none=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> int | None:
        if value == "":
            return None
        port = super()._deserialize(value, attr, data, **kwargs)
        if not 1 <= port <= 65535:
            raise ValidationError(
                f"Use a port from 1 to 65535, or leave it empty for {DEFAULT_SIP_PORT}."
            )
        return port


class ProviderCreateSchema(BaseSchema):
    name = Text(required=True, validate=NAME_LENGTH)
    server = Host(required=True, metadata={"description": "The SIP server: host name or IP."})
    port = Port(load_default=None, metadata={"description": "Empty or null means 5060."})
    proxy = HostPort(
        load_default=None, allow_none=True, metadata={"description": "host or host:port"}
    )


class ProviderUpdateSchema(BaseSchema):
    """PATCH: only the fields sent change."""

    name = Text(validate=NAME_LENGTH)
    server = Host()
    port = Port()
    proxy = HostPort(allow_none=True)


class ProviderSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    name = fields.String()
    server = fields.String()
    port = fields.Integer(allow_none=True, metadata={"description": "As stored; null: 5060."})
    effective_port = fields.Integer(metadata={"description": "The port in use (5060 if empty)."})
    proxy = fields.String(allow_none=True)
    builtin = fields.Boolean(metadata={"description": "The account's own PBX: not deletable."})
    sip_accounts_count = fields.Function(
        lambda provider: len(provider.sip_accounts), metadata={"type": "integer"}
    )
    created_at = fields.DateTime()


ProviderListSchema = list_schema(ProviderSchema, "ProviderListSchema")
