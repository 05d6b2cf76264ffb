using Portal.Domain.Settings;

namespace Portal.Api.Data.Seed;

/// <summary>The footer, theme and banner of the Vĩnh Cửu portal page, as site settings.</summary>
internal static class SettingsSeed
{
    public static SiteSettings Create(DateTime nowUtc) => new()
    {
        SiteName = "TRANG THÔNG TIN ĐIỆN TỬ HUYỆN VĨNH CỬU - ĐỒNG NAI",
        GoverningAgency = "Ủy ban nhân dân huyện Vĩnh Cửu, tỉnh Đồng Nai",
        ResponsiblePerson = "Bà Nguyễn Thị Dung - Phó Chủ tịch UBND huyện Vĩnh Cửu",
        StandingAgency = "Phòng Văn hóa và Thông tin",
        Address = "Khu phố 2, thị trấn Vĩnh An, huyện Vĩnh Cửu, tỉnh Đồng Nai.",
        Phone = "(0251).3861114",
        Fax = "(0251).3861114",
        Email = "ubnd-vc@dongnai.gov.vn",
        RepublishNotice = "Ghi rõ nguồn \"UBND huyện Vĩnh Cửu\" khi bạn phát hành lại thông tin từ website này.",
        // The page prints "Liên kết webiste"; the typo is corrected here.
        LinksTitle = "Liên kết website",
        // The page names four themes; their hex values are Portal's choice (the page's CSS did not survive).
        ThemeColours =
        [
            new() { Key = "do", Name = "Màu đỏ", Hex = "#C8102E", IsDefault = true },
            new() { Key = "xanh-nuoc-bien", Name = "Màu xanh nước biển", Hex = "#0B5CAD" },
            new() { Key = "vang", Name = "Màu vàng", Hex = "#F2B705" },
            new() { Key = "xanh-la-cay", Name = "Màu xanh lá cây", Hex = "#1E8E3E" },
        ],
        // Shown on the page next to the 04/6/2024 article; displayed May-June 2024 (Asia/Ho_Chi_Minh).
        Banners =
        [
            new()
            {
                Title = "Kỷ niệm 134 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2024)",
                StartsAt = new DateTime(2024, 4, 30, 17, 0, 0, DateTimeKind.Utc),
                EndsAt = new DateTime(2024, 6, 30, 17, 0, 0, DateTimeKind.Utc),
            },
        ],
        // The page's link list did not survive in its text; the provincial portal is the one link every district portal carries.
        Links =
        [
            new() { Title = "Cổng thông tin điện tử tỉnh Đồng Nai", Url = "https://dongnai.gov.vn/", Order = 1 },
        ],
        UpdatedAt = nowUtc,
    };
}
