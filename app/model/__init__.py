"""The domain model (SQLAlchemy 2 typed ORM). Import tables from here."""

from .accounts import LoginThrottle, UserAccount
from .appraisals import Appraisal
from .attachments import Attachment, AttachmentBlob
from .audit import AuditEntry
from .base import Base
from .campaigns import Campaign, Registration
from .catalogue import Award, AwardVersion, LegalInstrument
from .certificates import CertificateIssue, CertificatePrint, SigningKey
from .decisions import Decision, RegisterBook, RegisterEntry
from .enums import (
    AppraisalRating,
    Authority,
    AwardCategory,
    AwardKind,
    AwardLevel,
    AwardTarget,
    BlocKind,
    BlocRole,
    CampaignKind,
    CriterionKind,
    DisciplineKind,
    Gender,
    InitiativeKind,
    InitiativeLevel,
    NominationStatus,
    ScorePeriodKind,
    UnitLevel,
    UserRole,
)
from .exchange import ExchangeItem, ExchangePackage
from .exemplars import Exemplar, ExemplarReplication
from .initiatives import Initiative, InitiativeAuthor
from .meta import Meta
from .nominations import LIVE_STATUSES, Nomination, NominationEvent, NominationInitiative
from .org import Bloc, BlocMembership, Unit
from .persons import DisciplinaryRecord, Person, PersonNameChange, Posting
from .scoring import Criterion, Score, ScorePeriod

__all__ = [
    "Attachment",
    "AttachmentBlob",
    "AuditEntry",
    "Appraisal",
    "AppraisalRating",
    "InitiativeKind",
    "LIVE_STATUSES",
    "Award",
    "AwardCategory",
    "AwardKind",
    "AwardLevel",
    "AwardTarget",
    "AwardVersion",
    "Authority",
    "Base",
    "Bloc",
    "BlocKind",
    "BlocMembership",
    "BlocRole",
    "Campaign",
    "CampaignKind",
    "CertificateIssue",
    "CertificatePrint",
    "SigningKey",
    "Criterion",
    "ScorePeriod",
    "ScorePeriodKind",
    "CriterionKind",
    "Decision",
    "DisciplinaryRecord",
    "DisciplineKind",
    "ExchangeItem",
    "ExchangePackage",
    "Exemplar",
    "ExemplarReplication",
    "Gender",
    "Initiative",
    "InitiativeAuthor",
    "InitiativeLevel",
    "LegalInstrument",
    "Meta",
    "Nomination",
    "NominationEvent",
    "NominationInitiative",
    "NominationStatus",
    "Person",
    "PersonNameChange",
    "Posting",
    "RegisterBook",
    "RegisterEntry",
    "Registration",
    "Score",
    "Unit",
    "UnitLevel",
    "UserAccount",
    "LoginThrottle",
    "UserRole",
]
