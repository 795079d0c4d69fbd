"""revisions: source_hash and warnings, so an unchanged publish skips the compile

Revision ID: b3e1c0de5a12
Revises: b3c1d2e4f5a6
Create Date: 2026-12-06 07:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b3e1c0de5a12'
down_revision = 'b3c1d2e4f5a6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('revisions') as batch_op:
        batch_op.add_column(sa.Column('source_hash', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('warnings', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('revisions') as batch_op:
        batch_op.drop_column('warnings')
        batch_op.drop_column('source_hash')
