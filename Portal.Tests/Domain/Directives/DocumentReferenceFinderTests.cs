using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

public sealed class DocumentReferenceFinderTests
{
    // From the seed page (the news page of the Vĩnh Cửu district portal).
    private const string SeedArticle =
        "Kỷ niệm 134 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2024)\n"
        + "Nhằm nâng cao nhận thức, trách nhiệm của các cấp, các ngành, các tổ chức, đơn vị và toàn xã hội về công tác "
        + "chăm sóc, giáo dục và bảo vệ trẻ em, ngày 29/5, Ban Thường vụ Huyện ủy đã ban hành kế hoạch số 211/KH-HU về "
        + "việc triển khai thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị “về tăng cường công tác chăm "
        + "sóc, giáo dục và bảo vệ trẻ em đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc\" trên địa bàn huyện "
        + "với 3 nhiệm vụ trọng tâm:\n\n04.6.24 Tăng cường công tác chăm sóc giáo dục và bảo vệ trẻ em 1.jpg\n\n"
        + "Thứ nhất: Các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp tập trung "
        + "nghiên cứu, quán triệt sâu sắc Chỉ thị số 28-CT/TW và Kế hoạch của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện "
        + "ủy trong toàn thể cán bộ, đảng viên và Nhân dân; phổ cập giáo dục mầm non cho trẻ em dưới 05 tuổi.\n"
        + "Điện thoại: (0251).3861114; Fax: (0251).3861114; Email: ubnd-vc@dongnai.gov.vn";

    [Fact]
    public void Numbers_with_ampersand_codes_and_TU_horn_are_found_whole()
    {
        var references = DocumentReferenceFinder.Find(
            "<p>Theo Quyết định số 1649/QĐ-BGD&amp;ĐT ngày 14/5/1999, Thông tư 28/2015/TT-BLĐTB&XH và Chỉ thị số 05-CT/TƯ; R&D.</p>");

        Assert.Equal(
            ["1649/QĐ-BGD&ĐT", "28/2015/TT-BLĐTB&XH", "05-CT/TW"],
            references.Select(r => r.Number.Canonical));
    }

    [Fact]
    public void Both_numbers_in_the_seed_article_are_found_once_each()
    {
        var references = DocumentReferenceFinder.Find(SeedArticle);

        Assert.Collection(
            references,
            plan =>
            {
                Assert.Equal("kế hoạch số 211/KH-HU", plan.Text);
                Assert.Equal("Kế hoạch", plan.TypeName);
                Assert.Equal("211/KH-HU", plan.Number.Raw);
                Assert.Equal("211-KH/HU", plan.Number.Canonical);
                Assert.Equal(DocumentNumberSystem.Party, plan.Number.System);
            },
            directive =>
            {
                Assert.Equal("Chỉ thị số 28-CT/TW", directive.Text);
                Assert.Equal("Chỉ thị", directive.TypeName);
                Assert.Equal("28-CT/TW", directive.Number.Canonical);
            });
    }

    [Theory]
    [InlineData("Nghị định 30/2020/NĐ-CP về công tác văn thư", "Nghị định", "30/2020/NĐ-CP")]
    [InlineData("theo Quyết định số 15/QĐ-UBND ngày 3/1/2024 của UBND huyện", "Quyết định", "15/QĐ-UBND")]
    [InlineData("Kế hoạch 211-KH/HU của Ban Thường vụ", "Kế hoạch", "211-KH/HU")]
    [InlineData("THÔNG TƯ LIÊN TỊCH SỐ 55/2005/TTLT-BNV-VPCP", "Thông tư liên tịch", "55/2005/TTLT-BNV-VPCP")]
    [InlineData("Luật số 64/2025/QH15", "Luật", "64/2025/QH15")]
    [InlineData("Công văn số: 2457/UBND-VX ngày 2/4", "Công văn", "2457/UBND-VX")]
    [InlineData("Hướng dẫn 36-HD/VPTW năm 2018", "Hướng dẫn", "36-HD/VPTW")]
    [InlineData("Qui định số 08-QĐi/TW", "Quy định", "08-QĐi/TW")]
    [InlineData("Kết luận  số 01-KL/TW", "Kết luận", "01-KL/TW")]
    [InlineData("Nghị quyết số 12/2023/NQ-HĐND", "Nghị quyết", "12/2023/NQ-HĐND")]
    [InlineData("Thông báo 05-TB/HU.", "Thông báo", "05-TB/HU")]
    [InlineData("Quyết định số 44 /2005/QĐ-UBND ngày 06 / 7 /2005", "Quyết định", "44/2005/QĐ-UBND")]
    public void A_type_name_before_a_number_is_reported_with_it(string text, string typeName, string canonical)
    {
        var reference = Assert.Single(DocumentReferenceFinder.Find(text));

        Assert.Equal(typeName, reference.TypeName);
        Assert.Equal(canonical, reference.Number.Canonical);
    }

    [Theory]
    [InlineData("các văn bản 28-CT/TW và 30/2020/NĐ-CP", 2)]
    [InlineData("211/KH-UBND, 211/KH-UBND và số 211 / KH - UBND", 1)]
    [InlineData("kế hoạch 211/KH-HU, tức 211-KH/HU", 1)]
    public void Bare_numbers_of_a_known_scheme_are_found_once_per_document(string text, int count)
    {
        Assert.Equal(count, DocumentReferenceFinder.Find(text).Count);
    }

    [Fact]
    public void A_later_mention_supplies_the_missing_type_name()
    {
        var reference = Assert.Single(DocumentReferenceFinder.Find("Thực hiện 28-CT/TW; Chỉ thị 28-CT/TW nêu rõ"));

        Assert.Equal("28-CT/TW", reference.Text);
        Assert.Equal("Chỉ thị", reference.TypeName);
    }

    [Theory]
    [InlineData("ngày 25/12/2023 và ngày 29/5")]
    [InlineData("Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2024)")]
    [InlineData("đạt tỷ lệ 3/4, tăng 1/2 so với 2022-2023")]
    [InlineData("Điện thoại: (0251).3861114; Fax: (0251).3861114")]
    [InlineData("04.6.24 Tăng cường công tác 1.jpg")]
    [InlineData("Quốc lộ 1A, tầng 5-A, phòng 2457/UBND-VX")]
    [InlineData("hợp đồng C2025-18-11/HĐ-KHCN")]
    [InlineData("COVID-19 và H5N1")]
    [InlineData("")]
    public void Dates_ratios_phones_and_bare_cong_van_shapes_are_not_references(string text)
    {
        Assert.Empty(DocumentReferenceFinder.Find(text));
    }

    [Fact]
    public void Html_is_reduced_to_text_before_searching()
    {
        const string Html =
            "<p>Thực hiện <strong>Chỉ thị số&nbsp;28-CT&#x002F;TW</strong> ngày 25/12/2023,</p>"
            + "<p>Ban Thường vụ ban hành <a href=\"/van-ban/211\">kế hoạch số 211/KH-HU</a>.</p>"
            + "<script>var x = '99/QĐ-UBND';</script><!-- 98/QĐ-UBND -->";

        var references = DocumentReferenceFinder.Find(Html);

        Assert.Equal(["28-CT/TW", "211-KH/HU"], references.Select(r => r.Number.Canonical));
        Assert.Equal("Chỉ thị số 28-CT/TW", references[0].Text);
    }
}
