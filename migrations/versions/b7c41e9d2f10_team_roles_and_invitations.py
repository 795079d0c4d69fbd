"""team: admin roles and invitations; the audit log

Revision ID: b7c41e9d2f10
Revises: 9b0e8deaa845
Create Date: 2026-12-06 07:40:00

"""
from alembic import op
import sqlalchemy as sa
import workspace.database


# revision identifiers, used by Alembic.
revision = 'b7c41e9d2f10'
down_revision = '9b0e8deaa845'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', workspace.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_type', sa.String(length=10), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=45), nullable=True),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('resource', sa.String(length=40), nullable=False),
    sa.Column('resource_id', sa.String(length=40), nullable=False),
    sa.Column('resource_name', sa.String(length=200), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_audit_entries_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_resource'), ['resource'], unique=False)

    # Every admin that exists today was made by sign-up or the CLI: each is an owner.
    with op.batch_alter_table('admins', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sa.String(length=10), server_default='owner', nullable=False))
        batch_op.add_column(sa.Column('invite_token_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('invite_expires_at', workspace.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('invited_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_admins_invite_token_hash'), ['invite_token_hash'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_admins_invited_by_id_admins'), 'admins', ['invited_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('admins', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_admins_invited_by_id_admins'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_admins_invite_token_hash'))
        batch_op.drop_column('invited_by_id')
        batch_op.drop_column('invite_expires_at')
        batch_op.drop_column('invite_token_hash')
        batch_op.drop_column('role')

    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_resource'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_actor_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_account_id'))
    op.drop_table('audit_entries')
