using System.Text;
using Portal.Domain.Text;
using Xunit.Abstractions;

namespace Portal.Tests.Domain.Text;

/// <summary>
/// The TCVN3/VNI detector measured on real text (issue 13 item 6): no name, place or quotation of another
/// Latin-script language (TestData/latin-text.tsv) is refused, and every line of the Vĩnh Cửu news page
/// (TestData/vinh-cuu-news-page.txt), encoded through the TCVN3 and VNI byte tables and read as Windows-1252 as a
/// legacy document decoded wrongly looks, is caught. The counts are written to the test output.
/// </summary>
public sealed class LegacyEncodingCorpusTests(ITestOutputHelper output)
{
    private static string[] Columns(string line) => line.Split('\t');

    private static List<(string Language, string Text)> LatinCorpus()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "latin-text.tsv"), Encoding.UTF8);
        Assert.Equal(["language", "text", "source"], Columns(lines[0]));
        return lines.Skip(1).Where(l => l.Length > 0).Select(Columns)
            .Select(c => { Assert.True(c.Length == 3 && c[2].Length > 0, string.Join(" | ", c)); return (c[0], c[1]); })
            .ToList();
    }

    // Lines of the seed page with at least three words: a title, a sentence or a paragraph.
    private static List<string> VietnameseLines() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "vinh-cuu-news-page.txt"), Encoding.UTF8)
            .Select(l => l.Trim())
            .Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 3)
            .Where(l => l.Any(c => c > '\u007F'))
            .ToList();

    [Fact]
    public void No_name_place_or_quotation_of_another_latin_script_language_is_refused()
    {
        var corpus = LatinCorpus();
        var refused = corpus.Where(r => VietnameseText.DetectLegacyEncoding(r.Text) != LegacyEncoding.None).ToList();

        output.WriteLine($"Latin-script corpus: {corpus.Count} texts in {corpus.Select(r => r.Language).Distinct().Count()} languages, {refused.Count} refused as legacy-font text.");
        Assert.True(corpus.Count >= 150, $"corpus has {corpus.Count} texts");
        Assert.True(refused.Count == 0, "Refused: " + string.Join("; ", refused.Select(r => $"[{r.Language}] {r.Text}")));
    }

    [Fact]
    public void Every_line_of_a_real_vietnamese_page_encoded_as_tcvn3_or_vni_is_caught_and_the_unicode_line_is_not()
    {
        var lines = VietnameseLines();
        var missedTcvn = lines.Select(LegacyFontEncoder.ToTcvn3).Where(l => VietnameseText.DetectLegacyEncoding(l) != LegacyEncoding.Tcvn3).ToList();
        var missedVni = lines.Select(LegacyFontEncoder.ToVni).Where(l => VietnameseText.DetectLegacyEncoding(l) != LegacyEncoding.Vni).ToList();
        var refused = lines.Where(l => VietnameseText.DetectLegacyEncoding(l) != LegacyEncoding.None).ToList();

        output.WriteLine($"Vietnamese page: {lines.Count} lines; caught as TCVN3 {lines.Count - missedTcvn.Count}, as VNI {lines.Count - missedVni.Count}; Unicode lines refused {refused.Count}.");
        Assert.True(lines.Count >= 10, $"only {lines.Count} lines");
        Assert.True(missedTcvn.Count == 0, "Missed as TCVN3: " + string.Join(" | ", missedTcvn));
        Assert.True(missedVni.Count == 0, "Missed as VNI: " + string.Join(" | ", missedVni));
        Assert.True(refused.Count == 0, "Refused: " + string.Join(" | ", refused));
    }

    [Theory]
    [InlineData("Uỷ ban nhân dân tỉnh Đồng Nai")]
    [InlineData("Đội tuyển Việt Nam gặp câu lạc bộ Bayern München")]
    [InlineData("Thủ tướng tiếp Bộ trưởng Ngoại giao Đan Mạch")]
    [InlineData("Quyết định về việc ban hành kế hoạch")]
    public void A_short_vietnamese_title_in_a_legacy_font_is_still_caught(string title)
    {
        Assert.Equal(LegacyEncoding.Tcvn3, VietnameseText.DetectLegacyEncoding(LegacyFontEncoder.ToTcvn3(title)));
        Assert.Equal(LegacyEncoding.Vni, VietnameseText.DetectLegacyEncoding(LegacyFontEncoder.ToVni(title)));
    }
}
