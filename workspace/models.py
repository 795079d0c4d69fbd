"""Imports every model module so the metadata (create_all, Alembic) knows all tables."""

from workspace.audit import models as audit_models  # noqa: F401
from workspace.auth import models as auth_models  # noqa: F401
from workspace.calls import models as call_models  # noqa: F401
from workspace.contact_center.audio import models as audio_models  # noqa: F401
from workspace.contact_center.contacts import models as contact_models  # noqa: F401
from workspace.contact_center.delivery_methods import models as delivery_models  # noqa: F401
from workspace.contact_center.devices import models as device_models  # noqa: F401
from workspace.contact_center.feature_codes import models as feature_code_models  # noqa: F401
from workspace.contact_center.numbers import models as number_models  # noqa: F401
from workspace.contact_center.providers import models as provider_models  # noqa: F401
from workspace.contact_center.schedules import models as schedule_models  # noqa: F401
from workspace.delivery import models as recording_models  # noqa: F401
from workspace.objects import models as workspace_models  # noqa: F401
