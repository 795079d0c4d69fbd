"""workspace_state: facts_version, moved by every write to the facts the engine reads

Revision ID: a81c3f5e2d47
Revises: d5a7e3b1c920
Create Date: 2026-12-07 01:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a81c3f5e2d47"
down_revision = "d5a7e3b1c920"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("workspace_state") as batch_op:
        batch_op.add_column(
            sa.Column("facts_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade():
    with op.batch_alter_table("workspace_state") as batch_op:
        batch_op.drop_column("facts_version")
