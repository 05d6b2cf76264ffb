namespace Portal.Api.Data.Seed;

/// <summary>
/// The content of the page Portal was first modelled on: the news page of the Vĩnh Cửu district portal
/// (Đồng Nai) showing the article of 04/6/2024 on child care, education and protection. Text is verbatim from
/// the page; only its structure (title, lead, paragraphs, figure) was recovered.
/// </summary>
internal static class VinhCuuSeed
{
    public const string Name = "2024-06-vinh-cuu-portal";

    public const string ArticleTitle = "Tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em";

    public const string ArticleAuthor = "Hồng Yến";

    public const string CategoryName = "Tin tức - Sự kiện";

    /// <summary>Only the image's file name survived in the page; the "04.6.24" prefix dates the article.</summary>
    public const string ImageFileName = "04.6.24 Tăng cường công tác chăm sóc giáo dục và bảo vệ trẻ em 1.jpg";

    public const string ImageCaption = "Tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em";

    public const string ImageAlt = "Ảnh minh họa bài viết Tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em";

    /// <summary>Published 04/6/2024; the hour is not on the page, 08:00 Asia/Ho_Chi_Minh (01:00 UTC) is assumed.</summary>
    public static readonly DateTime ArticlePublishedAt = new(2024, 6, 4, 1, 0, 0, DateTimeKind.Utc);

    public const string Lead =
        "Nhằm nâng cao nhận thức, trách nhiệm của các cấp, các ngành, các tổ chức, đơn vị và toàn xã hội về công tác chăm sóc, giáo dục và bảo vệ trẻ em, ngày 29/5, Ban Thường vụ Huyện ủy đã ban hành kế hoạch số 211/KH-HU về việc triển khai thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị “về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc\" trên địa bàn huyện với 3 nhiệm vụ trọng tâm:";

    public const string TaskOne =
        "Thứ nhất: Các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp tập trung nghiên cứu, quán triệt sâu sắc Chỉ thị số 28-CT/TW và Kế hoạch của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy trong toàn thể cán bộ, đảng viên và Nhân dân nhằm nâng cao nhận thức, trách nhiệm đối với sự phát triển của thế hệ tương lai gắn với phát triển đất nước phồn vinh, hạnh phúc. Tập trung lãnh đạo, chỉ đạo quán triệt, cụ thể hóa chủ trương của Đảng về chăm sóc, giáo dục và bảo vệ trẻ em sát với thực tiễn địa phương, đơn vị. Đồng thời, xác định trách nhiệm cụ thể của các cấp ủy đảng, chính quyền, nhất là người đứng đầu trong lãnh đạo, chỉ đạo tổ chức thực hiện công tác chăm sóc, giáo dục và bảo vệ trẻ em; phát triển hệ thống phúc lợi xã hội cơ bản, cung cấp dịch vụ bảo vệ trẻ em chất lượng và hiệu quả; xây dựng và thực hiện các tiêu chí gia đình, nhà trường, xã hội an toàn, lành mạnh, thân thiện với trẻ em; tiếp tục đẩy mạnh thực hiện phổ cập giáo dục mầm non cho trẻ em dưới 05 tuổi. Triển khai có hiệu quả Kế hoạch hành động vì trẻ em, các chiến lược, chương trình về dinh dưỡng, phòng ngừa giảm thiểu trẻ em lao động trái quy định của pháp luật, chăm sóc sức khoẻ tâm thần trẻ em, chăm sóc trẻ em mồ côi và các chương trình, kế hoạch khác có liên quan đến trẻ em; phát triển hệ thống dịch vụ bảo vệ trẻ em, hệ thống tư pháp thân thiện với trẻ em và người chưa thành niên; tăng cường giám sát, kiểm tra, việc thực hiện quyền và giải quyết các vấn đề về trẻ em.";

    public const string TaskTwo =
        "Thứ hai: Đẩy mạnh đa dạng hóa các hình thức tuyên truyền chủ trương, chính sách, pháp luật, kiến thức, kỹ năng chăm sóc, giáo dục và bảo vệ trẻ em. Cung cấp thông tin, tư vấn, hỗ trợ, hướng dẫn, nhân rộng các mô hình bảo đảm thực hiện quyền trẻ em và giải quyết các vấn đề về trẻ em.";

    public const string TaskThree =
        "Thứ ba: Rà soát, kiến nghị sửa đổi, bổ sung hoàn thiện chính sách, pháp luật, tiêu chuẩn, quy trình tiếp cận dịch vụ xã hội cơ bản cho trẻ em. Nghiên cứu, tích hợp, xây dựng Chiến lược quốc gia về phát triển trẻ em mang tính tổng thể, toàn diện. Đổi mới cơ chế, chính sách xã hội hoá, khuyến khích, huy động tổ chức, doanh nghiệp, cá nhân, xã hội tham gia, phối hợp thực hiện tốt các chính sách, mục tiêu, chỉ tiêu, giải pháp, mô hình chăm sóc, giáo dục và bảo vệ trẻ em. Nâng cao hiệu lực quản lý nhà nước, tạo sự đồng bộ trong thực hiện chủ trương, chính sách, pháp luật, bảo đảm trẻ em phải là trung tâm của chính sách, pháp luật, bảo đảm trẻ em phải là trung tâm của chính sách, chiến lược phát triển. Kiện toàn tổ chức bộ máy làm công tác trẻ em theo hướng tinh gọn, hiệu quả. Thực hiện phân cấp, phân quyền, điều phối, phối hợp đối với các cơ quan, đơn vị làm công tác chăm sóc, giáo dục và bảo vệ trẻ em.";

    public const string Closing =
        "Cũng theo kế hoạch, Ban Thường vụ Huyện uỷ đề nghị các cấp ủy trực thuộc huyện, các tổ chức chính trị - xã hội huyện căn cứ chức năng, nhiệm vụ và tình hình thực tế tại cơ quan, đơn vị, địa phương tổ chức nghiên cứu, phổ biến, quán triệt, xây dựng kế hoạch để triển khai thực hiện Chỉ thị số 28-CT/TW và Kế hoạch của Ban Thường vụ Huyện uỷ./.";

    /// <summary>The body: the lead, the figure where the page had it, the three tasks and the closing paragraph.</summary>
    public static string ArticleBodyHtml() => string.Concat(
        P(Lead),
        $"<figure><img alt=\"{ImageAlt}\"><figcaption>{ImageCaption}</figcaption></figure>",
        P(TaskOne), P(TaskTwo), P(TaskThree), P(Closing));

    /// <summary>The plan's three tasks, as the directive's content.</summary>
    public static string PlanContentHtml() => string.Concat("<ol>", Li(TaskOne), Li(TaskTwo), Li(TaskThree), "</ol>");

    public const string PlanNumber = "211/KH-HU";
    public const string PlanIssuer = "Ban Thường vụ Huyện ủy Vĩnh Cửu";
    public static readonly DateOnly PlanIssuedOn = new(2024, 5, 29);
    public const string PlanAbstract = "Triển khai thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc";

    public const string DirectiveNumber = "28-CT/TW";
    public const string DirectiveIssuer = "Bộ Chính trị";
    public static readonly DateOnly DirectiveIssuedOn = new(2023, 12, 25);
    public const string DirectiveAbstract = "về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc";

    private static string P(string text) => $"<p>{Escape(text)}</p>";

    private static string Li(string text) => $"<li>{Escape(text)}</li>";

    // Only the HTML-special characters: Vietnamese letters stay as they are, not as numeric entities.
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
