namespace Portal.Bench.Seed;

/// <summary>
/// Phrases typical of a district portal's news (tin tức - sự kiện): the bodies that act, what they act on, when and
/// where, and how reports phrase results. Sentences are assembled from these by <see cref="TextGenerator"/>.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Subjects =
    [
        "UBND huyện", "Ban Thường vụ Huyện ủy", "Thường trực HĐND huyện", "Ủy ban MTTQ Việt Nam huyện",
        "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Trung tâm Y tế huyện", "Công an huyện",
        "Ban Chỉ huy Quân sự huyện", "Hội Liên hiệp Phụ nữ huyện", "Huyện đoàn", "Hội Nông dân huyện",
        "Hội Cựu chiến binh huyện", "Phòng Tài nguyên và Môi trường", "Phòng Nông nghiệp và Phát triển nông thôn",
        "Phòng Lao động - Thương binh và Xã hội", "Phòng Kinh tế - Hạ tầng", "Phòng Nội vụ", "Phòng Tư pháp",
        "Ban Tuyên giáo Huyện ủy", "Ban Dân vận Huyện ủy", "Ủy ban Kiểm tra Huyện ủy", "Liên đoàn Lao động huyện",
        "Bảo hiểm xã hội huyện", "Chi cục Thuế khu vực", "UBND xã Thạnh Phú", "UBND xã Phú Lý", "UBND xã Tân An",
        "UBND thị trấn Vĩnh An", "Đảng ủy xã Trị An", "UBND xã Hiếu Liêm", "UBND xã Mã Đà", "UBND xã Bình Lợi",
    ];

    public static readonly string[] Verbs =
    [
        "tổ chức", "triển khai", "tăng cường", "đẩy mạnh", "kiểm tra", "tổng kết", "sơ kết", "phát động",
        "hướng dẫn", "tập huấn", "tuyên truyền", "đánh giá", "rà soát", "chỉ đạo", "phối hợp thực hiện",
        "nâng cao hiệu quả", "quán triệt", "giám sát", "thực hiện", "đôn đốc",
    ];

    public static readonly string[] Objects =
    [
        "công tác cải cách hành chính", "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
        "công tác phòng, chống dịch bệnh", "chuyển đổi số trong cơ quan nhà nước",
        "công tác chăm sóc, giáo dục và bảo vệ trẻ em",
        "phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa", "công tác phòng cháy, chữa cháy",
        "công tác bảo đảm trật tự an toàn giao thông", "công tác bảo vệ môi trường",
        "kế hoạch phát triển kinh tế - xã hội", "công tác tuyển chọn và gọi công dân nhập ngũ",
        "chính sách bảo hiểm xã hội, bảo hiểm y tế", "công tác giảm nghèo bền vững", "công tác quản lý đất đai",
        "phòng, chống tác hại của thuốc lá", "công tác thi đua, khen thưởng",
        "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "dịch vụ công trực tuyến",
        "công tác dân vận chính quyền", "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
        "công tác bảo đảm an toàn thực phẩm", "kỳ thi tốt nghiệp trung học phổ thông", "công tác tiếp công dân",
        "công tác phổ biến, giáo dục pháp luật", "phong trào thể dục thể thao quần chúng",
        "công tác phòng, chống ma túy", "công tác xây dựng Đảng và hệ thống chính trị",
        "chương trình chuyển đổi cơ cấu cây trồng, vật nuôi", "công tác quản lý trật tự xây dựng",
        "cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam", "công tác đền ơn đáp nghĩa",
        "việc cấp giấy chứng nhận quyền sử dụng đất", "công tác phòng, chống tham nhũng, tiêu cực",
    ];

    public static readonly string[] Occasions =
    [
        "năm 2024", "năm 2025", "6 tháng đầu năm", "quý III", "giai đoạn 2021 - 2025", "nhiệm kỳ 2020 - 2025",
        "trên địa bàn huyện", "tại các xã, thị trấn", "năm học 2024 - 2025", "dịp Tết Nguyên đán",
        "tháng hành động vì trẻ em", "trong tình hình mới", "tại xã Phú Lý", "tại thị trấn Vĩnh An",
    ];

    /// <summary>Periods that read after "Trong" as well as at the end of a title.</summary>
    public static readonly string[] Periods =
    [
        "năm 2024", "năm 2025", "6 tháng đầu năm", "quý III", "giai đoạn 2021 - 2025", "năm học 2024 - 2025",
        "tháng cao điểm", "đợt thi đua đặc biệt", "9 tháng đầu năm",
    ];

    public static readonly string[] Gifts =
    [
        "phần quà", "suất học bổng", "sổ tiết kiệm", "căn nhà tình nghĩa", "thẻ bảo hiểm y tế", "xe đạp",
    ];

    public static readonly string[] Outcomes =
    [
        "nâng cao nhận thức của cán bộ, đảng viên và Nhân dân",
        "tạo chuyển biến tích cực trong thực hiện nhiệm vụ chính trị của địa phương",
        "góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội",
        "cải thiện đời sống vật chất và tinh thần của người dân",
        "nâng cao chất lượng phục vụ người dân và doanh nghiệp",
        "củng cố niềm tin của Nhân dân đối với cấp ủy, chính quyền",
        "thúc đẩy phát triển kinh tế - xã hội bền vững",
        "hoàn thành các chỉ tiêu Nghị quyết Đại hội Đảng bộ huyện đề ra",
    ];

    public static readonly string[] Purposes =
    [
        "kịp thời tháo gỡ khó khăn, vướng mắc ở cơ sở", "bảo đảm tiến độ và chất lượng công việc",
        "phát huy vai trò của người đứng đầu", "huy động sự tham gia của cả hệ thống chính trị",
        "tạo sự đồng thuận trong Nhân dân", "rút ngắn thời gian giải quyết hồ sơ",
    ];

    public static readonly string[] Units =
    [
        "hộ gia đình", "lượt người", "hồ sơ", "tuyến đường", "mô hình", "cuộc tuyên truyền", "học sinh",
        "doanh nghiệp", "cán bộ, công chức", "ha cây trồng", "thủ tục hành chính",
    ];

    public static readonly string[] People =
    [
        "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thị Hồng", "Hoàng Văn Thắng", "Võ Thị Thu Hà",
        "Đặng Quốc Bảo", "Bùi Thị Lan", "Đỗ Thanh Phong", "Huỳnh Ngọc Ánh", "Ngô Đức Trí", "Dương Thị Kim Yến",
    ];

    public static readonly string[] Positions =
    [
        "Phó Bí thư Thường trực Huyện ủy", "Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện",
        "Chủ tịch Ủy ban MTTQ Việt Nam huyện", "Trưởng phòng Văn hóa và Thông tin", "Giám đốc Trung tâm Y tế huyện",
        "Trưởng Ban Tuyên giáo Huyện ủy", "Bí thư Đảng ủy xã",
    ];

    public static readonly string[] Authors =
    [
        "Hồng Yến", "Minh Châu", "Thanh Tâm", "Quốc Việt", "Ngọc Hân", "Phương Thảo", "Đức Anh", "Kim Ngân",
        "Văn Lợi", "Bảo Trân", "Hải Đăng", "Thu Trang",
    ];

    public static readonly string[] Tags =
    [
        "Cải cách hành chính", "Nông thôn mới", "Chuyển đổi số", "Trẻ em", "An toàn giao thông", "Môi trường",
        "Giáo dục", "Y tế", "Quốc phòng", "An ninh trật tự", "Văn hóa", "Thể thao", "Du lịch", "Giảm nghèo",
        "Đất đai", "Xây dựng Đảng", "Dân vận", "Thi đua khen thưởng", "Phòng chống thiên tai", "Lao động việc làm",
        "Bảo hiểm xã hội", "Thanh niên", "Phụ nữ", "Cựu chiến binh", "Doanh nghiệp", "Nông nghiệp", "Dịch vụ công",
        "Pháp luật", "Người cao tuổi", "Đền ơn đáp nghĩa",
    ];

    public static readonly string[] Categories =
    [
        "Tin tức - Sự kiện", "Chính trị", "Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh",
        "Cải cách hành chính", "Chuyển đổi số", "Giáo dục - Đào tạo", "Y tế - Sức khỏe", "Nông nghiệp - Nông thôn mới",
        "Thông báo", "Hoạt động của lãnh đạo",
    ];
}
