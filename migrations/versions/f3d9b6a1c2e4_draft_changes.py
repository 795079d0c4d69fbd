"""draft_changes: the draft journal in the database, shared by every server process

Revision ID: f3d9b6a1c2e4
Revises: a81c3f5e2d47
Create Date: 2026-12-07 09:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "f3d9b6a1c2e4"
down_revision = "a81c3f5e2d47"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "draft_changes",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tabs", sa.JSON(), nullable=False),
        sa.Column("objects", sa.JSON(), nullable=False),
        sa.Column("cables", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_draft_changes_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "version", name=op.f("pk_draft_changes")),
    )


def downgrade():
    op.drop_table("draft_changes")
