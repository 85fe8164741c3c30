"""Closed vocabularies of the domain, stored by value; ``label`` is the Vietnamese word."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    @property
    def label(self) -> str:
        return _LABELS[self]


class UnitLevel(Labelled):
    PROVINCE = "province"  # UBND tỉnh, cơ quan cấp tỉnh
    DEPARTMENT = "department"  # sở, ban, ngành
    DIVISION = "division"  # phòng, ban, đơn vị trực thuộc
    COMMUNE = "commune"  # xã, phường
    ENTERPRISE = "enterprise"  # doanh nghiệp, đơn vị sự nghiệp


class BlocKind(Labelled):
    BLOC = "bloc"  # khối thi đua
    CLUSTER = "cluster"  # cụm thi đua


class BlocRole(Labelled):
    MEMBER = "member"
    HEAD = "head"
    DEPUTY = "deputy"


class Gender(Labelled):
    MALE = "male"
    FEMALE = "female"


class DisciplineKind(Labelled):
    REPRIMAND = "reprimand"  # khiển trách
    WARNING = "warning"  # cảnh cáo
    SALARY_DOWNGRADE = "salary_downgrade"  # hạ bậc lương
    DEMOTION = "demotion"  # giáng chức
    DISMISSAL = "dismissal"  # cách chức
    FORCED_RESIGNATION = "forced_resignation"  # buộc thôi việc
    UNDER_REVIEW = "under_review"  # đang xem xét kỷ luật
    INVESTIGATION = "investigation"  # đang bị điều tra, thanh tra
    COMPLAINT = "complaint"  # có đơn thư khiếu nại, tố cáo đang xác minh

    @property
    def is_pending(self) -> bool:
        """A proceeding still open (no award may be given meanwhile)."""
        return self in (DisciplineKind.UNDER_REVIEW, DisciplineKind.INVESTIGATION, DisciplineKind.COMPLAINT)

    @property
    def severity(self) -> int:
        """0 for open proceedings, then 1 (khiển trách) upwards; ≥ 2 is "cảnh cáo trở lên"."""
        return _SEVERITY[self]


class CampaignKind(Labelled):
    REGULAR = "regular"  # thường xuyên (hằng năm)
    THEMATIC = "thematic"  # theo đợt, chuyên đề


class AwardCategory(Labelled):
    TITLE = "title"
    FORM = "form"
    HONOUR = "honour"


class AwardTarget(Labelled):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    HOUSEHOLD = "household"


class AwardLevel(Labelled):
    GRASSROOTS = "grassroots"
    PROVINCIAL = "provincial"
    NATIONAL = "national"
    STATE = "state"


class AwardKind(Labelled):
    MERIT = "merit"
    ONE_OFF = "one_off"
    CAMPAIGN = "campaign"
    SERVICE = "service"
    TENURE = "tenure"
    FOREIGN = "foreign"


class Authority(Labelled):
    UNIT_HEAD = "unit_head"
    COMMUNE_CHAIR = "commune_chair"
    PROVINCE_CHAIR = "province_chair"
    MINISTER = "minister"
    PRIME_MINISTER = "prime_minister"
    PRESIDENT = "president"


class NominationStatus(Labelled):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    VOTED = "voted"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVOKED = "revoked"


class InitiativeLevel(Labelled):
    GRASSROOTS = "grassroots"
    PROVINCIAL = "provincial"
    NATIONAL = "national"


class InitiativeKind(Labelled):
    INITIATIVE = "initiative"  # sáng kiến
    RESEARCH = "research"  # đề tài, đề án nghiên cứu khoa học được nghiệm thu, áp dụng


class AppraisalRating(Labelled):
    """Yearly rating of how a person or collective fulfilled its tasks (đánh giá, xếp loại)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"


class CriterionKind(Labelled):
    CRITERION = "criterion"
    BONUS = "bonus"
    PENALTY = "penalty"


class ScorePeriodKind(Labelled):
    """A bloc's scoring period within a year: the half-year review (sơ kết) or the year (tổng kết)."""

    H1 = "h1"
    YEAR = "year"


class UserRole(Labelled):
    """What an account may do (app.auth holds the permission matrix)."""

    CLERK = "clerk"  # cán bộ nhập liệu của một đơn vị
    APPROVER = "approver"  # thường trực Hội đồng, cơ quan thi đua (bỏ phiếu, quyết định, xếp hạng)
    ADMIN = "admin"  # quản trị: tài khoản, danh mục, quy tắc, đơn vị


_SEVERITY = {
    DisciplineKind.UNDER_REVIEW: 0,
    DisciplineKind.INVESTIGATION: 0,
    DisciplineKind.COMPLAINT: 0,
    DisciplineKind.REPRIMAND: 1,
    DisciplineKind.WARNING: 2,
    DisciplineKind.SALARY_DOWNGRADE: 3,
    DisciplineKind.DEMOTION: 4,
    DisciplineKind.DISMISSAL: 5,
    DisciplineKind.FORCED_RESIGNATION: 6,
}

_LABELS: dict[StrEnum, str] = {
    UnitLevel.PROVINCE: "Cấp tỉnh",
    UnitLevel.DEPARTMENT: "Sở, ban, ngành",
    UnitLevel.DIVISION: "Phòng, đơn vị trực thuộc",
    UnitLevel.COMMUNE: "Xã, phường",
    UnitLevel.ENTERPRISE: "Doanh nghiệp, đơn vị sự nghiệp",
    BlocKind.BLOC: "Khối thi đua",
    BlocKind.CLUSTER: "Cụm thi đua",
    BlocRole.MEMBER: "Thành viên",
    BlocRole.HEAD: "Khối trưởng",
    BlocRole.DEPUTY: "Khối phó",
    Gender.MALE: "Nam",
    Gender.FEMALE: "Nữ",
    DisciplineKind.REPRIMAND: "Khiển trách",
    DisciplineKind.WARNING: "Cảnh cáo",
    DisciplineKind.SALARY_DOWNGRADE: "Hạ bậc lương",
    DisciplineKind.DEMOTION: "Giáng chức",
    DisciplineKind.DISMISSAL: "Cách chức",
    DisciplineKind.FORCED_RESIGNATION: "Buộc thôi việc",
    DisciplineKind.UNDER_REVIEW: "Đang xem xét kỷ luật",
    DisciplineKind.INVESTIGATION: "Đang bị điều tra, thanh tra",
    DisciplineKind.COMPLAINT: "Đang có khiếu nại, tố cáo",
    CampaignKind.REGULAR: "Thường xuyên",
    CampaignKind.THEMATIC: "Theo đợt, chuyên đề",
    AwardCategory.TITLE: "Danh hiệu thi đua",
    AwardCategory.FORM: "Hình thức khen thưởng",
    AwardCategory.HONOUR: "Danh hiệu vinh dự nhà nước",
    AwardTarget.INDIVIDUAL: "Cá nhân",
    AwardTarget.COLLECTIVE: "Tập thể",
    AwardTarget.HOUSEHOLD: "Hộ gia đình",
    AwardLevel.GRASSROOTS: "Cơ sở",
    AwardLevel.PROVINCIAL: "Bộ, ban, ngành, tỉnh",
    AwardLevel.NATIONAL: "Chính phủ, Thủ tướng",
    AwardLevel.STATE: "Nhà nước",
    AwardKind.MERIT: "Công trạng",
    AwardKind.ONE_OFF: "Đột xuất",
    AwardKind.CAMPAIGN: "Theo phong trào, chuyên đề",
    AwardKind.SERVICE: "Quá trình cống hiến",
    AwardKind.TENURE: "Niên hạn",
    AwardKind.FOREIGN: "Đối ngoại",
    Authority.UNIT_HEAD: "Thủ trưởng cơ quan, đơn vị",
    Authority.COMMUNE_CHAIR: "Chủ tịch UBND cấp xã",
    Authority.PROVINCE_CHAIR: "Chủ tịch UBND tỉnh",
    Authority.MINISTER: "Bộ trưởng, thủ trưởng cơ quan trung ương",
    Authority.PRIME_MINISTER: "Thủ tướng Chính phủ",
    Authority.PRESIDENT: "Chủ tịch nước",
    NominationStatus.DRAFT: "Nháp",
    NominationStatus.SUBMITTED: "Đã trình",
    NominationStatus.RETURNED: "Trả lại để bổ sung",
    NominationStatus.VOTED: "Đã bỏ phiếu",
    NominationStatus.APPROVED: "Đã khen thưởng",
    NominationStatus.REJECTED: "Không được khen",
    NominationStatus.REVOKED: "Đã thu hồi",
    InitiativeLevel.GRASSROOTS: "Cấp cơ sở",
    InitiativeLevel.PROVINCIAL: "Cấp tỉnh, bộ",
    InitiativeLevel.NATIONAL: "Toàn quốc",
    InitiativeKind.INITIATIVE: "Sáng kiến",
    InitiativeKind.RESEARCH: "Đề tài nghiên cứu khoa học",
    AppraisalRating.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    AppraisalRating.GOOD: "Hoàn thành tốt nhiệm vụ",
    AppraisalRating.COMPLETED: "Hoàn thành nhiệm vụ",
    AppraisalRating.NOT_COMPLETED: "Không hoàn thành nhiệm vụ",
    CriterionKind.CRITERION: "Tiêu chí",
    CriterionKind.BONUS: "Điểm thưởng",
    CriterionKind.PENALTY: "Điểm trừ",
    ScorePeriodKind.H1: "6 tháng đầu năm",
    ScorePeriodKind.YEAR: "Cả năm",
    UserRole.CLERK: "Cán bộ nhập liệu",
    UserRole.APPROVER: "Thường trực, phê duyệt",
    UserRole.ADMIN: "Quản trị",
}
