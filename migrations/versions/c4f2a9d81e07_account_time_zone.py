"""accounts: time_zone (IANA), the default of new schedules and of the simulator

Revision ID: c4f2a9d81e07
Revises: b3e1c0de5a12
Create Date: 2026-12-06 08:45:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c4f2a9d81e07"
down_revision = "b3e1c0de5a12"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.add_column(
            sa.Column("time_zone", sa.String(length=64), nullable=False, server_default="UTC")
        )


def downgrade():
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.drop_column("time_zone")
