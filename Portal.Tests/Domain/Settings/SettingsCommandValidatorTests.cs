using Portal.Domain.Settings;

namespace Portal.Tests.Domain.Settings;

/// <summary>The settings rules: required fields (Decree 15/2020/NĐ-CP art. 99), themes, banners and links.</summary>
public sealed class SettingsCommandValidatorTests
{
    private static readonly SettingsCommandValidator Validator = new();

    public static SettingsCommand Valid() => new(
        "TRANG THÔNG TIN ĐIỆN TỬ HUYỆN VĨNH CỬU - ĐỒNG NAI",
        "Ủy ban nhân dân huyện Vĩnh Cửu, tỉnh Đồng Nai",
        "Bà Nguyễn Thị Dung - Phó Chủ tịch UBND huyện Vĩnh Cửu",
        "Phòng Văn hóa và Thông tin",
        "Khu phố 2, thị trấn Vĩnh An, huyện Vĩnh Cửu, tỉnh Đồng Nai.",
        "(0251).3861114",
        "(0251).3861114",
        "ubnd-vc@dongnai.gov.vn",
        "Ghi rõ nguồn \"UBND huyện Vĩnh Cửu\" khi bạn phát hành lại thông tin từ website này.",
        "Liên kết website",
        [new("do", "Màu đỏ", "#C8102E", true), new("xanh-nuoc-bien", "Màu xanh nước biển", "#0B5CAD", false)],
        [new("Kỷ niệm 134 năm ngày sinh Chủ tịch Hồ Chí Minh", null, "https://dongnai.gov.vn/", new DateTime(2024, 4, 30, 17, 0, 0, DateTimeKind.Utc), new DateTime(2024, 6, 30, 17, 0, 0, DateTimeKind.Utc))],
        [new("Cổng thông tin điện tử tỉnh Đồng Nai", "https://dongnai.gov.vn/", 1)]);

    private static List<string> FailingProperties(SettingsCommand command) =>
        Validator.Validate(command.Normalized()).Errors.Select(e => e.PropertyName).ToList();

    [Fact]
    public void The_Vinh_Cuu_settings_are_valid() => Assert.Empty(FailingProperties(Valid()));

    [Fact]
    public void Each_field_required_by_Decree_15_2020_art_99_is_required()
    {
        Assert.Contains("GoverningAgency", FailingProperties(Valid() with { GoverningAgency = " " }));
        Assert.Contains("ResponsiblePerson", FailingProperties(Valid() with { ResponsiblePerson = null }));
        Assert.Contains("Address", FailingProperties(Valid() with { Address = "" }));
        Assert.Contains("Phone", FailingProperties(Valid() with { Phone = null }));
        Assert.Contains("Email", FailingProperties(Valid() with { Email = "" }));
    }

    [Fact]
    public void A_missing_phone_is_reported_once()
    {
        var errors = Validator.Validate(Valid() with { Phone = null }).Errors;
        Assert.Single(errors, e => e.PropertyName == "Phone");
    }

    [Fact]
    public void Optional_fields_may_be_blank_and_become_null()
    {
        var command = (Valid() with { Fax = "  ", StandingAgency = "", RepublishNotice = null }).Normalized();
        Assert.Empty(Validator.Validate(command).Errors);
        Assert.Null(command.Fax);
        Assert.Null(command.StandingAgency);
    }

    [Fact]
    public void Exactly_one_theme_colour_is_the_default()
    {
        Assert.Contains("ThemeColours", FailingProperties(Valid() with { ThemeColours = [new("do", "Màu đỏ", "#C8102E", true), new("vang", "Màu vàng", "#F2B705", true)] }));
        Assert.Contains("ThemeColours", FailingProperties(Valid() with { ThemeColours = [new("do", "Màu đỏ", "#C8102E", false)] }));
        Assert.Empty(FailingProperties(Valid() with { ThemeColours = [] }));
    }

    [Fact]
    public void A_bad_colour_is_reported_at_its_index() =>
        Assert.Contains("ThemeColours[1].Hex", FailingProperties(Valid() with { ThemeColours = [new("do", "Màu đỏ", "#C8102E", true), new("vang", "Màu vàng", "yellow", false)] }));

    [Fact]
    public void A_banner_period_must_end_after_it_starts()
    {
        var at = new DateTime(2026, 5, 19, 0, 0, 0, DateTimeKind.Utc);
        Assert.Contains("Banners[0].EndsAt", FailingProperties(Valid() with { Banners = [new("Banner", null, null, at, at)] }));
        Assert.Contains("Banners[0].EndsAt", FailingProperties(Valid() with { Banners = [new("Banner", null, null, at, at.AddDays(-1))] }));
        Assert.Empty(FailingProperties(Valid() with { Banners = [new("Banner", null, null, at, null), new("Banner", null, null, null, at)] }));
    }

    [Fact]
    public void Banner_and_link_urls_must_be_http()
    {
        Assert.Contains("Banners[0].LinkUrl", FailingProperties(Valid() with { Banners = [new("Banner", null, "javascript:alert(1)", null, null)] }));
        Assert.Contains("Banners[0].ImageUrl", FailingProperties(Valid() with { Banners = [new("Banner", "/images/banner.png", null, null, null)] }));
        Assert.Contains("Links[0].Url", FailingProperties(Valid() with { Links = [new("Chính phủ", "data:text/html,x", 1)] }));
    }

    [Fact]
    public void A_null_list_entry_is_reported_not_thrown()
    {
        var command = (Valid() with { ThemeColours = [null!], Banners = [null!], Links = [null!] }).Normalized();
        var failing = Validator.Validate(command).Errors.Select(e => e.PropertyName).ToList();
        Assert.Contains("ThemeColours[0]", failing);
        Assert.Contains("Banners[0]", failing);
        Assert.Contains("Links[0]", failing);
    }

    [Fact]
    public void Banner_instants_with_an_offset_are_converted_to_UTC()
    {
        var local = new DateTimeOffset(2026, 5, 19, 0, 0, 0, TimeSpan.FromHours(7));
        var command = (Valid() with { Banners = [new("Banner", null, null, local.LocalDateTime, DateTime.SpecifyKind(new DateTime(2026, 6, 1), DateTimeKind.Unspecified))] }).Normalized();
        Assert.Equal(new DateTime(2026, 5, 18, 17, 0, 0, DateTimeKind.Utc), command.Banners![0].StartsAt);
        Assert.Equal(DateTimeKind.Utc, command.Banners[0].StartsAt!.Value.Kind);
        Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), command.Banners[0].EndsAt);
    }
}
