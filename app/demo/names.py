"""Names, units and texts of the demo database (:mod:`app.demo`), and the draw of a name and a CCCD.

Everything here is fictional: the units are shaped like a Vietnamese province's departments and the
persons are drawn from common names, weighted by how often Vietnamese families carry them.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

PROVINCE = "Tây Ninh"
UBND_NAME = "Ủy ban nhân dân tỉnh Tây Ninh"
UBND_SIGNER = ("Lê Quang Thái", "PHÓ CHỦ TỊCH", "KT.")  # fictional vice-chair

# Family names with rough weights (per cent of the population; the south has more Huỳnh and Võ).
FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 36.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Huỳnh", 4.0), ("Hoàng", 1.5),
    ("Phan", 4.5), ("Võ", 3.5), ("Vũ", 1.0), ("Đặng", 2.0), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Trương", 1.2), ("Đinh", 0.6), ("Lâm", 0.6),
    ("Mai", 0.4), ("Tô", 0.3), ("Châu", 0.4), ("Thái", 0.3), ("Cao", 0.4), ("La", 0.2), ("Đoàn", 0.5),
)  # fmt: skip

MIDDLE_MALE: tuple[tuple[str, float], ...] = (
    ("Văn", 30), ("Hữu", 6), ("Đức", 6), ("Minh", 10), ("Quốc", 7), ("Thanh", 6), ("Công", 5),
    ("Hoàng", 4), ("Trung", 3), ("Tấn", 5), ("Quang", 4), ("Thành", 4), ("Xuân", 3), ("Ngọc", 3),
)  # fmt: skip
MIDDLE_FEMALE: tuple[tuple[str, float], ...] = (
    ("Thị", 40), ("Ngọc", 10), ("Thu", 6), ("Thanh", 6), ("Kim", 6), ("Thúy", 4), ("Mỹ", 4),
    ("Bích", 3), ("Hồng", 4), ("Phương", 3), ("Hoài", 2), ("Diễm", 2),
)  # fmt: skip

GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang",
    "Khoa", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Quân",
    "Sang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Việt",
    "Vinh", "Vũ", "Kiên", "Hậu",
)  # fmt: skip
GIVEN_FEMALE = (
    "Anh", "Châu", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huyền",
    "Lan", "Linh", "Loan", "Mai", "My", "Ngân", "Nga", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo",
    "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Yến", "Liên",
)  # fmt: skip

# Names entered by their parts (family, middle, given, male?): compound given names, which a split
# by position gets wrong, and the two-word royal family names.
EXPLICIT_NAMES: tuple[tuple[str, str, str, bool], ...] = (
    ("Nguyễn", "Thị", "Bảo Ngọc", False),
    ("Trần", "", "Minh Thư", False),
    ("Lê", "Thị", "Thanh Tâm", False),
    ("Phạm", "Hoàng", "Gia Huy", True),
    ("Võ", "", "Quốc Bảo", True),
    ("Huỳnh", "Ngọc", "Anh Thư", False),
    ("Tôn Thất", "", "Thiện", True),
    ("Tôn Thất", "Quang", "Huy", True),
    ("Tôn Nữ", "Thị", "Hà", False),
)
# Typed as one string: the split must keep "Tôn Thất" together.
TYPED_NAMES: tuple[tuple[str, bool], ...] = (("Tôn Thất Bách", True), ("Tôn Thất Minh Khoa", True))

# Province codes of the CCCD (first three digits): mostly born in Tây Ninh, some in nearby provinces.
CCCD_PROVINCES: tuple[tuple[str, float], ...] = (
    ("072", 70), ("080", 8), ("079", 8), ("074", 4), ("083", 3), ("040", 2), ("038", 2), ("046", 2), ("001", 1),
)  # fmt: skip


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def draw_name(rng: random.Random, female: bool) -> str:
    """A full name: family name by frequency, a gender-appropriate middle and given name."""
    middle = _weighted(rng, MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice([g for g in (GIVEN_FEMALE if female else GIVEN_MALE) if g != middle])
    return f"{_weighted(rng, FAMILY_NAMES)} {middle} {given}"


def draw_cccd(rng: random.Random, birth: dt.date, female: bool, used: set[str]) -> str:
    """A CCCD not in ``used``: province of birth, century and gender digit, birth year, six digits."""
    while True:
        century = (0 if birth.year < 2000 else 2) + int(female)
        cccd = f"{_weighted(rng, CCCD_PROVINCES)}{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
        if cccd not in used:
            used.add(cccd)
            return cccd


# Divisions: (code suffix, name, head title, deputy title, staff positions).
_VP = ("VP", "Văn phòng Sở", "Chánh Văn phòng", "Phó Chánh Văn phòng", ("Chuyên viên", "Văn thư", "Kế toán"))
_TTRA = (
    "TTRA",
    "Thanh tra Sở",
    "Chánh Thanh tra",
    "Phó Chánh Thanh tra",
    ("Thanh tra viên", "Thanh tra viên chính"),
)
_KHTC = ("KHTC", "Phòng Kế hoạch - Tài chính", "Trưởng phòng", "Phó Trưởng phòng", ("Kế toán", "Chuyên viên"))
_STAFF = ("Chuyên viên", "Chuyên viên", "Chuyên viên chính")


def _div(code: str, name: str) -> tuple[str, str, str, str, tuple[str, ...]]:
    return (code, name, "Trưởng phòng", "Phó Trưởng phòng", _STAFF)


# Departments: code, name, bloc code, field of work (for texts), leader titles, divisions.
DEPARTMENTS: tuple[dict[str, Any], ...] = (
    dict(code="STC", name="Sở Tài chính", bloc="KTKT", field="quản lý tài chính, ngân sách",
         divisions=(_VP, _TTRA, _div("NS", "Phòng Quản lý ngân sách"), _div("GCS", "Phòng Quản lý giá và công sản"))),
    dict(code="SXD", name="Sở Xây dựng", bloc="KTKT", field="quy hoạch, xây dựng và phát triển đô thị",
         divisions=(_VP, _TTRA, _div("QLXD", "Phòng Quản lý xây dựng"), _div("QHKT", "Phòng Quy hoạch - Kiến trúc"))),
    dict(code="SCT", name="Sở Công Thương", bloc="KTKT", field="phát triển công nghiệp, thương mại",
         divisions=(_VP, _TTRA, _div("QLTM", "Phòng Quản lý thương mại"), _div("QLCN", "Phòng Quản lý công nghiệp"))),
    dict(code="SNNMT", name="Sở Nông nghiệp và Môi trường", bloc="KTKT", field="nông nghiệp, tài nguyên và môi trường",
         divisions=(_VP, _KHTC, _div("TTBV", "Phòng Trồng trọt và Bảo vệ thực vật"), _div("QLDD", "Phòng Quản lý đất đai"))),
    dict(code="SKHCN", name="Sở Khoa học và Công nghệ", bloc="KTKT", field="khoa học, công nghệ và đổi mới sáng tạo",
         divisions=(_VP, _div("QLKH", "Phòng Quản lý khoa học"), _div("QLCNG", "Phòng Quản lý công nghệ và Thị trường công nghệ"), _TTRA)),
    dict(code="SGTVT", name="Sở Giao thông vận tải", bloc="KTKT", field="giao thông, vận tải",
         divisions=(_VP, _TTRA, _div("QLVT", "Phòng Quản lý vận tải, phương tiện và người lái"), _div("KCHT", "Phòng Quản lý kết cấu hạ tầng giao thông"))),
    dict(code="BQLKKT", name="Ban Quản lý Khu kinh tế tỉnh", bloc="KTKT", field="thu hút đầu tư vào khu kinh tế, khu công nghiệp",
         head="Trưởng ban", deputy="Phó Trưởng ban",
         divisions=(("VP", "Văn phòng Ban", "Chánh Văn phòng", "Phó Chánh Văn phòng", _STAFF), _div("QLDN", "Phòng Quản lý doanh nghiệp"), _div("QHXD", "Phòng Quản lý quy hoạch và xây dựng"))),
    dict(code="SKHDT", name="Sở Kế hoạch và Đầu tư", bloc="KTKT", field="kế hoạch, đầu tư và đăng ký doanh nghiệp",
         divisions=(_VP, _TTRA, _div("DKKD", "Phòng Đăng ký kinh doanh"), _div("THQH", "Phòng Tổng hợp, quy hoạch"))),
    dict(code="STTTT", name="Sở Thông tin và Truyền thông", bloc="KTKT", field="thông tin, truyền thông và chuyển đổi số",
         divisions=(_VP, _div("CDS", "Phòng Bưu chính, Viễn thông và Chuyển đổi số"), _div("TTBC", "Phòng Thông tin - Báo chí - Xuất bản"), _TTRA)),
    dict(code="XSKT", name="Công ty TNHH MTV Xổ số kiến thiết Tây Ninh", bloc="KTKT", level="enterprise",
         field="kinh doanh xổ số, nộp ngân sách", head="Giám đốc", deputy="Phó Giám đốc",
         divisions=(("TCHC", "Phòng Tổ chức - Hành chính", "Trưởng phòng", "Phó Trưởng phòng", ("Nhân viên", "Chuyên viên")),
                    ("KHKD", "Phòng Kế hoạch - Kinh doanh", "Trưởng phòng", "Phó Trưởng phòng", ("Nhân viên", "Chuyên viên")),
                    ("KTTV", "Phòng Kế toán - Tài vụ", "Kế toán trưởng", "Phó Trưởng phòng", ("Kế toán",)))),
    dict(code="QDTPT", name="Quỹ Đầu tư phát triển tỉnh Tây Ninh", bloc="KTKT", level="enterprise",
         field="tín dụng đầu tư phát triển", head="Giám đốc", deputy="Phó Giám đốc",
         divisions=(("HCTH", "Phòng Hành chính - Tổng hợp", "Trưởng phòng", "Phó Trưởng phòng", _STAFF),
                    ("TD", "Phòng Tín dụng", "Trưởng phòng", "Phó Trưởng phòng", ("Chuyên viên", "Chuyên viên chính")),
                    ("KT", "Phòng Kế toán", "Kế toán trưởng", "Phó Trưởng phòng", ("Kế toán",)))),
    dict(code="SNV", name="Sở Nội vụ", bloc="VHXH", field="tổ chức bộ máy, công chức, viên chức và thi đua, khen thưởng",
         divisions=(_VP, _TTRA, _div("TCBM", "Phòng Tổ chức bộ máy và Công chức, viên chức"), ("TDKT", "Ban Thi đua - Khen thưởng", "Trưởng ban", "Phó Trưởng ban", _STAFF))),
    dict(code="SYT", name="Sở Y tế", bloc="VHXH", field="chăm sóc, bảo vệ sức khỏe nhân dân",
         divisions=(_VP, _TTRA, _div("NVY", "Phòng Nghiệp vụ Y"), _div("NVD", "Phòng Nghiệp vụ Dược"))),
    dict(code="SGDDT", name="Sở Giáo dục và Đào tạo", bloc="VHXH", field="giáo dục và đào tạo",
         divisions=(_VP, _TTRA, _div("GDTH", "Phòng Giáo dục Trung học"), _div("GDMN", "Phòng Giáo dục Mầm non - Tiểu học"))),
    dict(code="SVHTTDL", name="Sở Văn hóa, Thể thao và Du lịch", bloc="VHXH", field="văn hóa, thể thao và du lịch",
         divisions=(_VP, _TTRA, _div("QLVH", "Phòng Quản lý văn hóa và Gia đình"), _div("QLDL", "Phòng Quản lý du lịch"))),
    dict(code="SLDTBXH", name="Sở Lao động - Thương binh và Xã hội", bloc="VHXH", field="lao động, người có công và an sinh xã hội",
         divisions=(_VP, _TTRA, _div("LDVL", "Phòng Lao động - Việc làm"), _div("NCC", "Phòng Người có công"))),
    dict(code="BDT", name="Ban Dân tộc tỉnh", bloc="VHXH", field="công tác dân tộc", head="Trưởng ban", deputy="Phó Trưởng ban",
         divisions=(("VP", "Văn phòng Ban", "Chánh Văn phòng", "Phó Chánh Văn phòng", _STAFF), _div("CSDT", "Phòng Chính sách dân tộc"))),
)  # fmt: skip

BLOCS = (
    ("KTKT", "Khối Kinh tế - Kỹ thuật"),
    ("VHXH", "Khối Văn hóa - Xã hội"),
)
# (head, deputy) per bloc and year: the deputy of one year becomes the next year's head.
BLOC_LEADERS = {
    ("KTKT", 2024): ("SCT", "SXD"),
    ("KTKT", 2025): ("SXD", "STC"),
    ("VHXH", 2024): ("SYT", "SNV"),
    ("VHXH", 2025): ("SNV", "SGDDT"),
}

# (name, kind, year, start, end, description); dates as (month, day) of the year, end may be next year.
CAMPAIGNS = (
    ("Phong trào thi đua yêu nước năm 2024", "regular", 2024, (2024, 1, 2), (2024, 12, 31),
     "Thi đua hoàn thành thắng lợi các chỉ tiêu phát triển kinh tế - xã hội năm 2024 của tỉnh."),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "thematic", 2024, (2024, 2, 1), (2024, 12, 15),
     "Gắn việc học tập và làm theo Bác với thực hiện nhiệm vụ chuyên môn, xây dựng cơ quan văn hóa."),
    ("Tây Ninh chung sức xây dựng nông thôn mới", "thematic", 2024, (2024, 3, 1), (2025, 12, 31),
     "Huy động các sở, ngành đồng hành cùng các xã xây dựng nông thôn mới nâng cao, kiểu mẫu."),
    ("Phong trào thi đua yêu nước năm 2025", "regular", 2025, (2025, 1, 2), (2025, 12, 31),
     "Thi đua hoàn thành thắng lợi kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025."),
    ("Cải cách hành chính, chuyển đổi số", "thematic", 2025, (2025, 3, 1), (2025, 11, 30),
     "Thi đua đơn giản hóa thủ tục hành chính, cung cấp dịch vụ công trực tuyến toàn trình."),
    ("Thi đua lập thành tích chào mừng 80 năm Cách mạng tháng Tám và Quốc khánh 2/9", "thematic", 2025,
     (2025, 4, 1), (2025, 8, 31), "Đợt thi đua cao điểm chào mừng kỷ niệm 80 năm Quốc khánh (1945 - 2025)."),
)  # fmt: skip

INITIATIVE_TITLES = (
    "Giải pháp rút ngắn thời gian giải quyết thủ tục hành chính trong lĩnh vực {field}",
    "Ứng dụng phần mềm quản lý văn bản và điều hành trong xử lý hồ sơ công việc tại {unit}",
    "Xây dựng cơ sở dữ liệu số phục vụ công tác {field}",
    "Quy trình phối hợp kiểm tra, giám sát lĩnh vực {field} giữa các phòng chuyên môn",
    "Số hóa hồ sơ lưu trữ và tra cứu trực tuyến tại {unit}",
    "Giải pháp nâng cao tỷ lệ hồ sơ trực tuyến toàn trình trong lĩnh vực {field}",
    "Bộ mẫu biểu điện tử thống nhất cho báo cáo định kỳ về {field}",
    "Ứng dụng bản đồ số trong theo dõi, quản lý {field}",
    "Giải pháp tiết kiệm chi thường xuyên, thực hành tiết kiệm tại {unit}",
    "Mô hình «Cơ quan không giấy tờ» tại {unit}",
    "Cẩm nang hỏi - đáp pháp luật về {field} cho cán bộ cơ sở",
    "Giải pháp theo dõi tiến độ thực hiện nhiệm vụ UBND tỉnh giao bằng bảng điều khiển số",
)
RESEARCH_TITLES = (
    "Đề tài: Đánh giá hiệu quả chính sách hỗ trợ về {field} trên địa bàn tỉnh Tây Ninh giai đoạn 2021 - 2025",
    "Đề tài: Nghiên cứu giải pháp chuyển đổi số trong {field} tỉnh Tây Ninh",
)

ACHIEVEMENTS = {
    "ldtt": (
        "Hoàn thành tốt nhiệm vụ được giao năm {year}; chấp hành tốt chủ trương của Đảng, chính sách, pháp luật "
        "của Nhà nước; có tinh thần đoàn kết, tương trợ, tích cực tham gia các phong trào thi đua của {unit}."
    ),
    "cstdcs": (
        "Hoàn thành xuất sắc nhiệm vụ năm {year}; tham mưu hiệu quả công tác {field}. {initiative}"
        "Là tấm gương tiêu biểu về tinh thần trách nhiệm, được tập thể tín nhiệm."
    ),
    "cstdcs_initiative": "Có sáng kiến «{title}» được công nhận và áp dụng hiệu quả tại đơn vị. ",
    "ttldtt": (
        "Tập thể hoàn thành tốt nhiệm vụ năm {year}; trên 70% cá nhân đạt danh hiệu Lao động tiên tiến; "
        "nội bộ đoàn kết, không có cá nhân bị kỷ luật."
    ),
    "ttldxs": (
        "Hoàn thành xuất sắc nhiệm vụ năm {year}; 100% cá nhân hoàn thành nhiệm vụ, có cá nhân đạt Chiến sĩ thi "
        "đua cơ sở; tham mưu UBND tỉnh nhiều cơ chế, chính sách về {field}."
    ),
    "co": (
        "Dẫn đầu {bloc} năm {year} với {points} điểm; hoàn thành vượt mức các chỉ tiêu về {field}; "
        "được các đơn vị trong khối suy tôn đề nghị tặng Cờ thi đua."
    ),
    "bk_person": (
        "Có thành tích xuất sắc trong công tác {field} năm {year}; {ground}; góp phần vào sự phát triển "
        "kinh tế - xã hội của tỉnh."
    ),
    "bk_unit": "Xếp thứ {rank} {bloc} năm {year} ({points} điểm); {ground}.",
    "gk": "Có thành tích tiêu biểu trong phong trào «{campaign}» năm {year} tại {unit}.",
}

EXEMPLAR_STORIES = (
    (
        "Người «số hóa» hồ sơ của {unit}",
        "Trong hai năm, {name} đã cùng đồng nghiệp số hóa hơn 12.000 hồ sơ lưu trữ, giúp người dân tra cứu trực tuyến "
        "thay vì đến trực tiếp cơ quan.",
    ),
    (
        "Tận tụy với người dân vùng biên",
        "{name} nhiều năm bám cơ sở ở các xã biên giới, hướng dẫn người dân thực hiện thủ tục và tiếp cận chính sách.",
    ),
    (
        "Sáng kiến nhỏ, hiệu quả lớn",
        "Từ một bảng tính theo dõi tiến độ, {name} xây dựng công cụ giúp {unit} giảm một nửa số nhiệm vụ trễ hạn.",
    ),
    (
        "Nữ cán bộ vượt khó, giỏi việc nước, đảm việc nhà",
        "Vừa chăm lo gia đình, {name} vẫn luôn dẫn đầu về tiến độ xử lý hồ sơ, đạt danh hiệu Chiến sĩ thi"
        " đua cơ sở năm 2024.",
    ),
    (
        "Học Bác từ những việc làm hằng ngày",
        "{name} kiên trì thực hiện «ba không» khi tiếp dân: không hẹn lại, không để hồ sơ trễ hạn, không phiền hà.",
    ),
    (
        "Người truyền lửa cho phong trào thi đua",
        "{name} là hạt nhân tổ chức các phong trào thi đua, vận động đoàn viên đóng góp xây nhà tình nghĩa.",
    ),
    (
        "Tập thể tiên phong chuyển đổi số",
        "{unit} đưa toàn bộ thủ tục thuộc thẩm quyền lên dịch vụ công trực tuyến toàn trình, tỷ lệ đúng hạn đạt 100%.",
    ),
    (
        "Tập thể đoàn kết, đồng lòng vì nông thôn mới",
        "{unit} nhận đỡ đầu hai xã, hỗ trợ xây dựng đường giao thông nông thôn và mô hình sinh kế cho hộ nghèo.",
    ),
)
CONFERENCE = "Hội nghị điển hình tiên tiến tỉnh Tây Ninh năm 2025"

# Scoring table: (code, group, name, max points, kind, floor share).
CRITERIA = (
    ("I.1", "I. Thực hiện nhiệm vụ chuyên môn", "Hoàn thành các chỉ tiêu, nhiệm vụ được UBND tỉnh giao trong năm", 30, "criterion", 0.85),
    ("I.2", "I. Thực hiện nhiệm vụ chuyên môn", "Tham mưu ban hành văn bản, cơ chế, chính sách thuộc lĩnh vực quản lý", 20, "criterion", 0.85),
    ("II.1", "II. Công tác thi đua, khen thưởng", "Tổ chức phát động, triển khai các phong trào thi đua", 10, "criterion", None),
    ("II.2", "II. Công tác thi đua, khen thưởng", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", 5, "criterion", None),
    ("II.3", "II. Công tác thi đua, khen thưởng", "Thực hiện chế độ thông tin, báo cáo công tác thi đua, khen thưởng", 5, "criterion", None),
    ("III.1", "III. Xây dựng Đảng, đoàn thể", "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh", 10, "criterion", None),
    ("III.2", "III. Xây dựng Đảng, đoàn thể", "Hoạt động của Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh", 5, "criterion", None),
    ("IV.1", "IV. Cải cách hành chính, chuyển đổi số", "Chỉ số cải cách hành chính, giải quyết thủ tục hành chính đúng hạn", 10, "criterion", 0.85),
    ("IV.2", "IV. Cải cách hành chính, chuyển đổi số", "Ứng dụng công nghệ thông tin, chuyển đổi số", 5, "criterion", None),
    ("B.1", "Điểm thưởng", "Được tặng Cờ thi đua của Chính phủ/tỉnh năm trước", 10, "bonus", None),
    ("T.1", "Điểm trừ", "Chậm nộp báo cáo, để xảy ra sai phạm", 10, "penalty", None),
)  # fmt: skip

# Awards looked up by the folded start of their name (and target, level, authority), so the demo
# follows whatever codes the catalogue file uses.
AWARDS = {
    "ldtt": ("lao dong tien tien", "individual", None, None),
    "cstdcs": ("chien si thi dua co so", "individual", None, None),
    "ttldtt": ("tap the lao dong tien tien", "collective", None, None),
    "ttldxs": ("tap the lao dong xuat sac", "collective", None, None),
    "co": ("co thi dua", "collective", "provincial", None),
    "bk_cn": ("bang khen", "individual", "provincial", "province_chair"),
    "bk_tt": ("bang khen", "collective", "provincial", "province_chair"),
    "gk_cn": ("giay khen", "individual", None, "unit_head"),
    "gk_tt": ("giay khen", "collective", None, "unit_head"),
}

# The UBND decisions of each award year: (number, signed on, summary, award keys it grants).
PROVINCE_DECISIONS = {
    2024: (("15/QĐ-UBND", (2025, 1, 10), "Về việc tặng Cờ thi đua và danh hiệu Tập thể lao động xuất sắc năm 2024",
            ("co", "ttldxs")),
           ("16/QĐ-UBND", (2025, 1, 10), "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2024",
            ("bk_tt", "bk_cn"))),
    2025: (("2915/QĐ-UBND", (2025, 12, 24), "Về việc tặng danh hiệu Tập thể lao động xuất sắc và Bằng khen năm 2025",
            ("ttldxs", "bk_tt", "bk_cn")),),  # the flags wait for the year-end review in January
}  # fmt: skip

REASONS = {
    "warned": "Không đủ điều kiện: cá nhân bị kỷ luật cảnh cáo năm 2024 (Quyết định số 45/QĐ-SGTVT); tập thể có "
              "thành viên bị kỷ luật từ cảnh cáo trở lên không được xét danh hiệu.",
    "dept_return": "Bổ sung quyết định công nhận sáng kiến và báo cáo thành tích có xác nhận của thủ trưởng đơn vị.",
    "low_vote": "Không đạt tỷ lệ phiếu đồng ý tối thiểu 80% tổng số thành viên Hội đồng ({votes}/{size}).",
    "province_return": "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; bổ sung biên bản họp Hội đồng "
                       "Thi đua - Khen thưởng của Sở.",
    "province_reject": "Hội đồng không thống nhất đề nghị (9/13 thành viên đồng ý): thành tích chưa có phạm vi ảnh "
                       "hưởng trong toàn tỉnh.",
    "revoke_2024": "Kê khai không trung thực thành tích (phát hiện qua thanh tra công vụ tháng 4/2025); thu hồi theo "
                   "Điều 93 Luật Thi đua, khen thưởng năm 2022.",
    "revoke_2025": "Cá nhân đang trong thời gian xem xét kỷ luật (từ 20/11/2025), khen thưởng không đúng đối tượng "
                   "(Điều 4 Nghị định 152/2025/NĐ-CP).",
    "warning": "Vi phạm quy định về thời hạn thẩm định hồ sơ dự án.",
    "review": "Đang xem xét kỷ luật theo kết luận thanh tra số 112/KL-TTr.",
}  # fmt: skip
GROUNDS = {
    "unit_twice": "hai năm liên tục hoàn thành xuất sắc nhiệm vụ",
    "campaign": "thành tích tiêu biểu trong phong trào «{campaign}»",
    "cstdcs_twice": "2 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (2024, 2025)",
}
