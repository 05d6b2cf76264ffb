using System.Text;
using Portal.Domain.Directives;
using Portal.Domain.Text;

namespace Portal.Tests.Domain;

/// <summary>The domain text rules against the whole page Portal was modelled on.</summary>
public sealed class SeedPageTests
{
    private static string Page() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "vinh-cuu-news-page.txt"), Encoding.UTF8);

    [Fact]
    public void The_seed_page_mentions_exactly_the_plan_and_the_directive()
    {
        var references = DocumentReferenceFinder.Find(Page());

        Assert.Equal(["211-KH/HU", "28-CT/TW"], references.Select(r => r.Number.Canonical));
        Assert.Equal(["Kế hoạch", "Chỉ thị"], references.Select(r => r.TypeName));
    }

    [Fact]
    public void The_seed_page_is_not_legacy_encoded()
    {
        Assert.Equal(LegacyEncoding.None, VietnameseText.DetectLegacyEncoding(Page()));
    }

    [Fact]
    public void The_seed_page_encoded_in_legacy_fonts_is_flagged()
    {
        Assert.Equal(LegacyEncoding.Tcvn3, VietnameseText.DetectLegacyEncoding(Text.LegacyFontEncoder.ToTcvn3(Page())));
        Assert.Equal(LegacyEncoding.Vni, VietnameseText.DetectLegacyEncoding(Text.LegacyFontEncoder.ToVni(Page())));
    }
}
