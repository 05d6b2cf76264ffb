using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Settings;

namespace Portal.Bench.Seed;

/// <summary>Fills the footer the way a live district portal has it: a dozen links and banners that are showing now.</summary>
internal static class SettingsSeeder
{
    private static readonly (string Title, string Url)[] Links =
    [
        ("Cổng thông tin điện tử tỉnh Đồng Nai", "https://dongnai.gov.vn/"),
        ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
        ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
        ("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Đồng Nai", "https://dichvucong.dongnai.gov.vn/"),
        ("Báo Đồng Nai", "https://baodongnai.com.vn/"),
        ("Đài Phát thanh - Truyền hình Đồng Nai", "https://dnrtv.org.vn/"),
        ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
        ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/"),
        ("Công báo Chính phủ", "https://congbao.chinhphu.vn/"),
        ("Bộ Thông tin và Truyền thông", "https://mic.gov.vn/"),
        ("Sở Thông tin và Truyền thông tỉnh Đồng Nai", "https://stttt.dongnai.gov.vn/"),
        ("Thư điện tử công vụ tỉnh Đồng Nai", "https://mail.dongnai.gov.vn/"),
        ("Hệ thống quản lý văn bản và điều hành", "https://qlvb.dongnai.gov.vn/"),
        ("Tạp chí Cộng sản", "https://tapchicongsan.org.vn/"),
    ];

    public static async Task SeedAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var settings = await db.Settings.SingleAsync(s => s.Id == SiteSettings.SingletonId, ct);
        settings.Links = Links.Select((l, i) => new SiteLink { Title = l.Title, Url = l.Url, Order = i + 1 }).ToList();
        settings.Banners =
        [
            .. settings.Banners,
            new() { Title = "Chuyển đổi số - Động lực phát triển kinh tế - xã hội", ImageUrl = "https://vinhcuu.dongnai.gov.vn/banner/chuyen-doi-so.jpg", LinkUrl = "https://dichvucong.dongnai.gov.vn/", StartsAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            new() { Title = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", ImageUrl = "https://vinhcuu.dongnai.gov.vn/banner/hoc-tap-bac.jpg", StartsAt = new DateTime(2023, 5, 19, 0, 0, 0, DateTimeKind.Utc) },
        ];
        settings.Version++;
        settings.UpdatedAt = nowUtc;
        await db.SaveChangesAsync(ct);
    }
}
