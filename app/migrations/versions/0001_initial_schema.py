"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('award',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('category', sa.Enum('title', 'form', 'honour', name='award_category', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('target', sa.Enum('individual', 'collective', 'household', name='award_target', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('level', sa.Enum('grassroots', 'provincial', 'national', 'state', name='award_level', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('kinds', sa.String(length=100), nullable=False),
    sa.Column('authority', sa.Enum('unit_head', 'commune_chair', 'province_chair', 'minister', 'prime_minister', 'president', name='authority', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('periodic', sa.Boolean(), nullable=False),
    sa.Column('lower_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['lower_id'], ['award.id'], name=op.f('fk_award_lower_id_award'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award')),
    sa.UniqueConstraint('code', name=op.f('uq_award_code'))
    )
    op.create_table('bloc',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.Enum('bloc', 'cluster', name='bloc_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("code <> ''", name=op.f('ck_bloc_code_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bloc')),
    sa.UniqueConstraint('code', name=op.f('uq_bloc_code'))
    )
    op.create_table('legal_instrument',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_instrument')),
    sa.UniqueConstraint('code', name=op.f('uq_legal_instrument_code'))
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('register_book',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('issuer', sa.String(length=300), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('last_number >= 0', name=op.f('ck_register_book_last_number_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_book')),
    sa.UniqueConstraint('code', name=op.f('uq_register_book_code'))
    )
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.Enum('province', 'department', 'division', 'commune', 'enterprise', name='unit_level', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('sort_key', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("code <> ''", name=op.f('ck_unit_code_not_empty')),
    sa.CheckConstraint("name <> ''", name=op.f('ck_unit_name_not_empty')),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_unit_not_own_parent')),
    sa.ForeignKeyConstraint(['parent_id'], ['unit.id'], name=op.f('fk_unit_parent_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('code', name=op.f('uq_unit_code'))
    )
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_name_fold'), ['name_fold'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_sort_key'), ['sort_key'], unique=False)

    op.create_table('award_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('award_id', sa.Integer(), nullable=False),
    sa.Column('instrument_id', sa.Integer(), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('cash_multiplier', sa.Numeric(precision=6, scale=2, asdecimal=False), nullable=True),
    sa.Column('cash_basis', sa.String(length=500), nullable=False),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('cash_multiplier IS NULL OR cash_multiplier >= 0', name=op.f('ck_award_version_cash_not_negative')),
    sa.CheckConstraint('valid_to IS NULL OR valid_to >= valid_from', name=op.f('ck_award_version_period_order')),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_award_version_award_id_award'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['instrument_id'], ['legal_instrument.id'], name=op.f('fk_award_version_instrument_id_legal_instrument'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_version'))
    )
    with op.batch_alter_table('award_version', schema=None) as batch_op:
        batch_op.create_index('ix_award_version_award_from', ['award_id', 'valid_from'], unique=True)

    op.create_table('bloc_membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('member', 'head', 'deputy', name='bloc_role', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.CheckConstraint('year BETWEEN 1945 AND 2200', name=op.f('ck_bloc_membership_year_range')),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], name=op.f('fk_bloc_membership_bloc_id_bloc'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_bloc_membership_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bloc_membership')),
    sa.UniqueConstraint('unit_id', 'year', name='uq_bloc_membership_unit_year')
    )
    with op.batch_alter_table('bloc_membership', schema=None) as batch_op:
        batch_op.create_index('ix_bloc_membership_bloc_year', ['bloc_id', 'year'], unique=False)
        batch_op.create_index(batch_op.f('ix_bloc_membership_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_bloc_membership_leader', ['bloc_id', 'year', 'role'], unique=True, sqlite_where=sa.text("role <> 'member'"), postgresql_where=sa.text("role <> 'member'"))

    op.create_table('campaign',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('name_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('kind', sa.Enum('regular', 'thematic', name='campaign_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('launched_by_unit_id', sa.Integer(), nullable=True),
    sa.Column('launched_by', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("name <> ''", name=op.f('ck_campaign_name_not_empty')),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_campaign_period_order')),
    sa.ForeignKeyConstraint(['launched_by_unit_id'], ['unit.id'], name=op.f('fk_campaign_launched_by_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign'))
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_name_fold'), ['name_fold'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaign_year'), ['year'], unique=False)

    op.create_table('criterion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bloc_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('group', sa.String(length=300), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('criterion', 'bonus', 'penalty', name='criterion_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('max_points', sa.Numeric(precision=7, scale=2, asdecimal=False), nullable=False),
    sa.Column('floor_share', sa.Numeric(precision=4, scale=3, asdecimal=False), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('floor_share IS NULL OR floor_share BETWEEN 0 AND 1', name=op.f('ck_criterion_floor_share_range')),
    sa.CheckConstraint('max_points > 0', name=op.f('ck_criterion_max_positive')),
    sa.ForeignKeyConstraint(['bloc_id'], ['bloc.id'], name=op.f('fk_criterion_bloc_id_bloc'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criterion')),
    sa.UniqueConstraint('bloc_id', 'year', 'code', name='uq_criterion_bloc_year_code')
    )
    with op.batch_alter_table('criterion', schema=None) as batch_op:
        batch_op.create_index('ix_criterion_bloc_year', ['bloc_id', 'year', 'position'], unique=False)

    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('symbol', sa.String(length=60), nullable=False),
    sa.Column('number_text', sa.String(length=80), nullable=False),
    sa.Column('number_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('issuer', sa.String(length=300), nullable=False),
    sa.Column('issuer_unit_id', sa.Integer(), nullable=True),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('signer_title', sa.String(length=200), nullable=False),
    sa.Column('signer_authority', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("signer_name <> ''", name=op.f('ck_decision_signer_not_empty')),
    sa.CheckConstraint('number > 0', name=op.f('ck_decision_number_positive')),
    sa.ForeignKeyConstraint(['issuer_unit_id'], ['unit.id'], name=op.f('fk_decision_issuer_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision')),
    sa.UniqueConstraint('issuer', 'year', 'number_text', name='uq_decision_issuer_year_number')
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_number_fold'), ['number_fold'], unique=False)

    op.create_table('initiative',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('title_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('level', sa.Enum('grassroots', 'provincial', 'national', name='initiative_level', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('recognised_by', sa.String(length=300), nullable=False),
    sa.Column('recognition_ref', sa.String(length=100), nullable=False),
    sa.Column('recognised_on', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("title <> ''", name=op.f('ck_initiative_title_not_empty')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_initiative_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative'))
    )
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_title_fold'), ['title_fold'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_year'), ['year'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('middle_name', sa.String(length=100), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('name_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('given_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('sort_key', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('gender', sa.Enum('male', 'female', name='gender', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('cccd', sa.String(length=12), nullable=True),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("given_name <> ''", name=op.f('ck_person_given_name_not_empty')),
    sa.CheckConstraint('birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100', name=op.f('ck_person_birth_year_range')),
    sa.CheckConstraint('cccd IS NULL OR length(cccd) = 12', name=op.f('ck_person_cccd_length')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_person_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('cccd', name=op.f('uq_person_cccd'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_given_fold'), ['given_fold'], unique=False)
        batch_op.create_index('ix_person_name_fold', ['name_fold'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_sort_key'), ['sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_person_unit_name_birth', ['unit_id', 'name_fold', 'birth_date'], unique=True)

    op.create_table('disciplinary_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('reprimand', 'warning', 'salary_downgrade', 'demotion', 'dismissal', 'forced_resignation', 'under_review', 'investigation', 'complaint', name='discipline_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('decision_ref', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_disciplinary_record_period_order')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_disciplinary_record_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disciplinary_record'))
    )
    with op.batch_alter_table('disciplinary_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disciplinary_record_person_id'), ['person_id'], unique=False)

    op.create_table('exemplar',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('story', sa.Text(), nullable=False),
    sa.Column('honoured_at', sa.String(length=500), nullable=False),
    sa.Column('honoured_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("title <> ''", name=op.f('ck_exemplar_title_not_empty')),
    sa.CheckConstraint('(person_id IS NULL) <> (unit_id IS NULL)', name=op.f('ck_exemplar_one_subject')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_exemplar_campaign_id_campaign'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_exemplar_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_exemplar_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exemplar'))
    )
    with op.batch_alter_table('exemplar', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exemplar_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exemplar_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exemplar_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exemplar_year'), ['year'], unique=False)

    op.create_table('initiative_author',
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('share', sa.Integer(), nullable=True),
    sa.CheckConstraint('share IS NULL OR share BETWEEN 1 AND 100', name=op.f('ck_initiative_author_share_range')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_initiative_author_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_initiative_author_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('initiative_id', 'person_id', name=op.f('pk_initiative_author'))
    )
    with op.batch_alter_table('initiative_author', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_author_person_id'), ['person_id'], unique=False)

    op.create_table('nomination',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('award_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('submitting_unit_id', sa.Integer(), nullable=False),
    sa.Column('nominee_name', sa.String(length=300), nullable=False),
    sa.Column('nominee_fold', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('nominee_sort', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('achievement', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'returned', 'voted', 'approved', 'rejected', 'revoked', name='nomination_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('votes_against', sa.Integer(), nullable=True),
    sa.Column('council_size', sa.Integer(), nullable=True),
    sa.Column('voted_on', sa.Date(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("status <> 'approved' OR decision_id IS NOT NULL", name=op.f('ck_nomination_approved_has_decision')),
    sa.CheckConstraint("status NOT IN ('returned', 'rejected', 'revoked') OR status_reason <> ''", name=op.f('ck_nomination_reason_given')),
    sa.CheckConstraint("status NOT IN ('voted', 'approved') OR council_size IS NOT NULL", name=op.f('ck_nomination_voted_has_votes')),
    sa.CheckConstraint('(person_id IS NULL) <> (unit_id IS NULL)', name=op.f('ck_nomination_one_nominee')),
    sa.CheckConstraint('council_size IS NULL OR (council_size > 0 AND votes_for BETWEEN 0 AND council_size AND votes_against BETWEEN 0 AND council_size AND votes_for + votes_against <= council_size)', name=op.f('ck_nomination_votes_within_council')),
    sa.CheckConstraint('year BETWEEN 1945 AND 2200', name=op.f('ck_nomination_year_range')),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_nomination_award_id_award'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_nomination_campaign_id_campaign'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_nomination_decision_id_decision'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_nomination_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['submitting_unit_id'], ['unit.id'], name=op.f('fk_nomination_submitting_unit_id_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_nomination_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nomination'))
    )
    with op.batch_alter_table('nomination', schema=None) as batch_op:
        batch_op.create_index('ix_nomination_award_year', ['award_id', 'year'], unique=False)
        batch_op.create_index('ix_nomination_campaign', ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nomination_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index('ix_nomination_fold', ['nominee_fold'], unique=False)
        batch_op.create_index('ix_nomination_person', ['person_id', 'year'], unique=False)
        batch_op.create_index('ix_nomination_sort', ['nominee_sort', 'id'], unique=False)
        batch_op.create_index('ix_nomination_unit_nominee', ['unit_id', 'year'], unique=False)
        batch_op.create_index('ix_nomination_unit_year', ['submitting_unit_id', 'year', 'id'], unique=False)
        batch_op.create_index('ix_nomination_year_status', ['year', 'status', 'id'], unique=False)

    # Expression indexes (autogenerate cannot compare them on SQLite): one live nomination per
    # nominee, award, year and campaign.
    live = sa.text("status IN ('draft', 'submitted', 'returned', 'voted', 'approved')")
    for name, nominee in (("uq_nomination_live_person", "person_id"), ("uq_nomination_live_unit", "unit_id")):
        op.create_index(
            name,
            "nomination",
            [nominee, "award_id", "year", sa.text("coalesce(campaign_id, 0)")],
            unique=True,
            sqlite_where=live,
            postgresql_where=live,
        )

    op.create_table('posting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_posting_period_order')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_posting_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_posting_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting'))
    )
    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_posting_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_posting_open', ['person_id'], unique=True, sqlite_where=sa.text('end_date IS NULL'), postgresql_where=sa.text('end_date IS NULL'))

    op.create_table('registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('award_id', sa.Integer(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('(person_id IS NULL) <> (unit_id IS NULL)', name=op.f('ck_registration_one_registrant')),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_registration_award_id_award'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_registration_campaign_id_campaign'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_registration_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_registration_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration'))
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('ix_registration_year', ['year'], unique=False)
        batch_op.create_index('uq_registration_person', ['person_id', 'award_id', 'year'], unique=True)
        batch_op.create_index('uq_registration_unit', ['unit_id', 'award_id', 'year'], unique=True)

    op.create_table('score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('self_points', sa.Numeric(precision=7, scale=2, asdecimal=False), nullable=True),
    sa.Column('bloc_points', sa.Numeric(precision=7, scale=2, asdecimal=False), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('bloc_points IS NULL OR bloc_points >= 0', name=op.f('ck_score_bloc_not_negative')),
    sa.CheckConstraint('self_points IS NULL OR self_points >= 0', name=op.f('ck_score_self_not_negative')),
    sa.ForeignKeyConstraint(['criterion_id'], ['criterion.id'], name=op.f('fk_score_criterion_id_criterion'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_score_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score')),
    sa.UniqueConstraint('criterion_id', 'unit_id', name='uq_score_criterion_unit')
    )
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_unit_id'), ['unit_id'], unique=False)

    op.create_table('nomination_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=True),
    sa.Column('to_status', sa.String(length=24), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id'], name=op.f('fk_nomination_event_nomination_id_nomination'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nomination_event'))
    )
    with op.batch_alter_table('nomination_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nomination_event_nomination_id'), ['nomination_id'], unique=False)

    op.create_table('nomination_initiative',
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_nomination_initiative_initiative_id_initiative'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id'], name=op.f('fk_nomination_initiative_nomination_id_nomination'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('nomination_id', 'initiative_id', name=op.f('pk_nomination_initiative'))
    )
    with op.batch_alter_table('nomination_initiative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nomination_initiative_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('register_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('book_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('number > 0', name=op.f('ck_register_entry_number_positive')),
    sa.ForeignKeyConstraint(['book_id'], ['register_book.id'], name=op.f('fk_register_entry_book_id_register_book'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id'], name=op.f('fk_register_entry_nomination_id_nomination'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_entry')),
    sa.UniqueConstraint('book_id', 'number', name='uq_register_entry_book_number'),
    sa.UniqueConstraint('nomination_id', name=op.f('uq_register_entry_nomination_id'))
    )


def downgrade() -> None:
    op.drop_table('register_entry')
    with op.batch_alter_table('nomination_initiative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nomination_initiative_initiative_id'))

    op.drop_table('nomination_initiative')
    with op.batch_alter_table('nomination_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nomination_event_nomination_id'))

    op.drop_table('nomination_event')
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_score_unit_id'))

    op.drop_table('score')
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index('uq_registration_unit')
        batch_op.drop_index('uq_registration_person')
        batch_op.drop_index('ix_registration_year')
        batch_op.drop_index(batch_op.f('ix_registration_unit_id'))
        batch_op.drop_index(batch_op.f('ix_registration_person_id'))
        batch_op.drop_index(batch_op.f('ix_registration_campaign_id'))

    op.drop_table('registration')
    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.drop_index('uq_posting_open', sqlite_where=sa.text('end_date IS NULL'), postgresql_where=sa.text('end_date IS NULL'))
        batch_op.drop_index(batch_op.f('ix_posting_unit_id'))
        batch_op.drop_index(batch_op.f('ix_posting_person_id'))

    op.drop_table('posting')
    op.drop_index("uq_nomination_live_unit", table_name="nomination")
    op.drop_index("uq_nomination_live_person", table_name="nomination")
    with op.batch_alter_table('nomination', schema=None) as batch_op:
        batch_op.drop_index('ix_nomination_year_status')
        batch_op.drop_index('ix_nomination_unit_year')
        batch_op.drop_index('ix_nomination_unit_nominee')
        batch_op.drop_index('ix_nomination_sort')
        batch_op.drop_index('ix_nomination_person')
        batch_op.drop_index('ix_nomination_fold')
        batch_op.drop_index(batch_op.f('ix_nomination_decision_id'))
        batch_op.drop_index('ix_nomination_campaign')
        batch_op.drop_index('ix_nomination_award_year')

    op.drop_table('nomination')
    with op.batch_alter_table('initiative_author', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_author_person_id'))

    op.drop_table('initiative_author')
    with op.batch_alter_table('exemplar', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exemplar_year'))
        batch_op.drop_index(batch_op.f('ix_exemplar_unit_id'))
        batch_op.drop_index(batch_op.f('ix_exemplar_person_id'))
        batch_op.drop_index(batch_op.f('ix_exemplar_campaign_id'))

    op.drop_table('exemplar')
    with op.batch_alter_table('disciplinary_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disciplinary_record_person_id'))

    op.drop_table('disciplinary_record')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('uq_person_unit_name_birth')
        batch_op.drop_index(batch_op.f('ix_person_unit_id'))
        batch_op.drop_index(batch_op.f('ix_person_sort_key'))
        batch_op.drop_index('ix_person_name_fold')
        batch_op.drop_index(batch_op.f('ix_person_given_fold'))

    op.drop_table('person')
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_year'))
        batch_op.drop_index(batch_op.f('ix_initiative_unit_id'))
        batch_op.drop_index(batch_op.f('ix_initiative_title_fold'))

    op.drop_table('initiative')
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_number_fold'))

    op.drop_table('decision')
    with op.batch_alter_table('criterion', schema=None) as batch_op:
        batch_op.drop_index('ix_criterion_bloc_year')

    op.drop_table('criterion')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_year'))
        batch_op.drop_index(batch_op.f('ix_campaign_name_fold'))

    op.drop_table('campaign')
    with op.batch_alter_table('bloc_membership', schema=None) as batch_op:
        batch_op.drop_index('uq_bloc_membership_leader', sqlite_where=sa.text("role <> 'member'"), postgresql_where=sa.text("role <> 'member'"))
        batch_op.drop_index(batch_op.f('ix_bloc_membership_unit_id'))
        batch_op.drop_index('ix_bloc_membership_bloc_year')

    op.drop_table('bloc_membership')
    with op.batch_alter_table('award_version', schema=None) as batch_op:
        batch_op.drop_index('ix_award_version_award_from')

    op.drop_table('award_version')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_sort_key'))
        batch_op.drop_index(batch_op.f('ix_unit_parent_id'))
        batch_op.drop_index(batch_op.f('ix_unit_name_fold'))

    op.drop_table('unit')
    op.drop_table('register_book')
    op.drop_table('meta')
    op.drop_table('legal_instrument')
    op.drop_table('bloc')
    op.drop_table('award')
