using System.Text;
using Portal.Domain.Text;

namespace Portal.Tests.Domain.Text;

public sealed class LegacyEncodingTests
{
    // Sentences from the seed page (the news page of the Vĩnh Cửu district portal).
    public static TheoryData<string> RealVietnamese => new()
    {
        "Nhằm nâng cao nhận thức, trách nhiệm của các cấp, các ngành, các tổ chức, đơn vị và toàn xã hội về công tác chăm sóc, giáo dục và bảo vệ trẻ em, ngày 29/5, Ban Thường vụ Huyện ủy đã ban hành kế hoạch số 211/KH-HU về việc triển khai thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị",
        "Thứ ba: Rà soát, kiến nghị sửa đổi, bổ sung hoàn thiện chính sách, pháp luật, tiêu chuẩn, quy trình tiếp cận dịch vụ xã hội cơ bản cho trẻ em.",
        "Cơ quan chủ quản: Ủy ban nhân dân huyện Vĩnh Cửu, tỉnh Đồng Nai",
        "TRANG THÔNG TIN ĐIỆN TỬ HUYỆN VĨNH CỬU - ĐỒNG NAI",
        "® Ghi rõ nguồn \" UBND huyện Vĩnh Cửu \" khi bạn phát hành lại thông tin từ website này.",
        "Đổi mới cơ chế, chính sách xã hội hoá, khuyến khích, huy động tổ chức, doanh nghiệp, cá nhân, xã hội tham gia",
        "Màu đỏ Màu xanh nước biển Màu vàng Màu xanh lá cây",
        "Hoà bình, quý khách, quà tặng, mùa xuân, quê hương, khoẻ mạnh, hoãn lại, quãng đường, thuở nhỏ",
        "HOÀ BÌNH, QUÝ KHÁCH, MÙA XUÂN, QUÊ HƯƠNG, LUÔN LUÔN",
        "Ủy ban",
        "Việt Nam",
    };

    public static TheoryData<string> NotVietnamese => new()
    {
        "The district portal publishes plans, decisions and directives of the People's Committee.",
        "Microsoft® Windows® and Office© are trademarks.",
        "© 2024 UBND huyện Vĩnh Cửu",
        "Nhà vô địch Raphaël Varane ghi bàn ở phút cuối trận đấu với đội tuyển Đức.",
        "Đoàn công tác đã làm việc với ông Müller tại Zürich trong hai ngày.",
        "",
        "29/5 - 25/12/2023",
    };

    [Theory]
    [MemberData(nameof(RealVietnamese))]
    public void Real_vietnamese_in_nfc_is_not_flagged(string text)
    {
        Assert.Equal(LegacyEncoding.None, VietnameseText.DetectLegacyEncoding(text));
    }

    [Theory]
    [MemberData(nameof(RealVietnamese))]
    public void Real_vietnamese_in_nfd_is_not_flagged(string text)
    {
        Assert.False(VietnameseText.LooksLikeLegacyEncoding(text.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [MemberData(nameof(NotVietnamese))]
    public void English_symbols_and_stray_foreign_names_are_not_flagged(string text)
    {
        Assert.False(VietnameseText.LooksLikeLegacyEncoding(text));
    }

    [Theory]
    [InlineData("Uû ban nh©n d©n")]
    [InlineData("Céng hoµ x· héi chñ nghÜa ViÖt Nam")]
    [InlineData("§éc lËp - Tù do - H¹nh phóc")]
    [InlineData("QuyÕt ®Þnh vÒ viÖc ban hµnh kÕ ho¹ch")]
    public void Hand_written_tcvn3_mojibake_is_flagged_as_tcvn3(string text)
    {
        Assert.Equal(LegacyEncoding.Tcvn3, VietnameseText.DetectLegacyEncoding(text));
    }

    [Theory]
    [InlineData("UÛy ban nhaân daân")]
    [InlineData("Vieät Nam")]
    [InlineData("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")]
    [InlineData("ngöôøi daân trong nöôùc")]
    public void Hand_written_vni_mojibake_is_flagged_as_vni(string text)
    {
        Assert.Equal(LegacyEncoding.Vni, VietnameseText.DetectLegacyEncoding(text));
    }

    [Theory]
    [MemberData(nameof(RealVietnamese))]
    public void Real_sentences_encoded_as_tcvn3_are_flagged_as_tcvn3(string text)
    {
        var mojibake = LegacyFontEncoder.ToTcvn3(text);

        Assert.Equal(LegacyEncoding.Tcvn3, VietnameseText.DetectLegacyEncoding(mojibake));
    }

    [Theory]
    [MemberData(nameof(RealVietnamese))]
    public void Real_sentences_encoded_as_vni_are_flagged_as_vni(string text)
    {
        var mojibake = LegacyFontEncoder.ToVni(text);

        Assert.Equal(LegacyEncoding.Vni, VietnameseText.DetectLegacyEncoding(mojibake));
    }

    [Fact]
    public void The_test_encoders_reproduce_known_mojibake()
    {
        Assert.Equal("Uû ban nh©n d©n", LegacyFontEncoder.ToTcvn3("Uỷ ban nhân dân"));
        Assert.Equal("UÛy ban nhaân daân", LegacyFontEncoder.ToVni("Ủy ban nhân dân"));
        Assert.Equal("Vieät Nam", LegacyFontEncoder.ToVni("Việt Nam"));
        Assert.Equal("ngöôøi", LegacyFontEncoder.ToVni("người"));
    }

    [Fact]
    public void A_legacy_paragraph_pasted_into_a_unicode_page_is_flagged()
    {
        var page = "Tin tức huyện Vĩnh Cửu. " + LegacyFontEncoder.ToTcvn3(
            "Ban Thường vụ Huyện uỷ đã ban hành kế hoạch triển khai thực hiện chỉ thị của Bộ Chính trị về công tác chăm sóc trẻ em.");

        Assert.True(VietnameseText.LooksLikeLegacyEncoding(page));
    }
}
