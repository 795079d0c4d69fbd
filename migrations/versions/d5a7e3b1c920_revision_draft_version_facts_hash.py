"""revisions: draft_version and facts_hash, so an unchanged publish reads no draft

Revision ID: d5a7e3b1c920
Revises: c4f2a9d81e07
Create Date: 2026-12-06 22:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d5a7e3b1c920"
down_revision = "c4f2a9d81e07"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("revisions") as batch_op:
        batch_op.add_column(sa.Column("draft_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("facts_hash", sa.String(length=80), nullable=True))


def downgrade():
    with op.batch_alter_table("revisions") as batch_op:
        batch_op.drop_column("facts_hash")
        batch_op.drop_column("draft_version")
