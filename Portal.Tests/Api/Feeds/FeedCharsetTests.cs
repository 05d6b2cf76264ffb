using System.Globalization;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api.Feeds;

/// <summary>
/// The charset a feed arrives in (issue 13 item 7), as RFC 7303 §3.2 and XML 1.0 Appendix F order the evidence: a
/// byte-order mark, then the charset parameter of the HTTP Content-Type (over the XML declaration), then the
/// declaration's encoding, else UTF-8. Feeds are the Đồng Nai portal's real one (TestData/feeds) re-encoded.
/// </summary>
public sealed class FeedCharsetTests
{
    private const string EnglishTitle = "Standing Deputy Secretary of Dong Nai CPC Ton Ngoc Hanh works with Phuoc Long, Phuoc Binh wards";

    // The item's title as the portal's Vietnamese edition words it: every tone and đ, so a wrong decoding shows.
    private const string VietnameseTitle = "Phó Bí thư Thường trực Tỉnh ủy Đồng Nai Tôn Ngọc Hạnh làm việc với phường Phước Long, Phước Bình";

    static FeedCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The real feed with its XML declaration naming no encoding (or <paramref name="declaration"/>) and <paramref name="title"/>.</summary>
    private static string DongNai(string declaration = "<?xml version=\"1.0\"?>", string title = VietnameseTitle) =>
        FeedTesting.Fixture("dongnai-news-2026-05-04.rss.xml")
            .Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", declaration, StringComparison.Ordinal)
            .Replace(EnglishTitle, title, StringComparison.Ordinal);

    /// <summary>
    /// Vietnamese as Windows-1258 writes it: the code page has the letters â ê ô ơ ư ă đ but the five tones only as
    /// combining marks, so "ồ" is ô followed by U+0300.
    /// </summary>
    private static byte[] Windows1258(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder();
        var tones = new StringBuilder();
        var result = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323' ? tones : letters).Append(c);
                continue;
            }

            result.Append(letters.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
            letters.Clear().Append(c);
            tones.Clear();
        }

        result.Append(letters.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
        return Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(result.ToString());
    }

    private static async Task<string> TitleAfterImportAsync(FeedScene scene, byte[] body, string contentType)
    {
        var (server, _, admin, token) = scene;
        server.ServeBytes($"/{token}.rss", body, contentType);
        var source = await admin.CreateSourceAsync(server.Url($"/{token}.rss"));
        var report = await admin.ImportOkAsync(source);
        Assert.Empty(report["errors"]!.AsArray());
        var found = Assert.Single(await admin.FindArticlesAsync("Ton Ngoc Hanh"));
        return (await admin.ArticleAsync(found.Text("id"))).Text("title");
    }

    [Theory]
    [InlineData("application/rss+xml; charset=windows-1258")]
    [InlineData("application/rss+xml; charset=\"Windows-1258\"")]
    [InlineData("text/xml;charset=windows-1258")]
    public async Task A_windows_1258_feed_is_decoded_with_the_charset_the_server_declares(string contentType)
    {
        await using var scene = await FeedScene.StartAsync();

        var title = await TitleAfterImportAsync(scene, Windows1258(DongNai()), contentType);

        Assert.Equal(VietnameseTitle, title);
    }

    [Fact]
    public async Task An_iso_8859_1_feed_is_decoded_with_the_charset_the_server_declares()
    {
        await using var scene = await FeedScene.StartAsync();
        var feed = DongNai(title: "Ton Ngoc Hanh à la Région Île-de-France, Zürich et São Paulo");

        var title = await TitleAfterImportAsync(scene, Encoding.Latin1.GetBytes(feed), "application/rss+xml; charset=ISO-8859-1");

        Assert.Equal("Ton Ngoc Hanh à la Région Île-de-France, Zürich et São Paulo", title);
    }

    [Theory]
    [InlineData("application/rss+xml")]
    [InlineData("application/rss+xml; charset=utf-16")]
    [InlineData("application/rss+xml; charset=utf-8")]
    public async Task A_utf_16_feed_with_a_byte_order_mark_is_read_whatever_the_charset_parameter_says(string contentType)
    {
        await using var scene = await FeedScene.StartAsync();
        var feed = DongNai("<?xml version=\"1.0\" encoding=\"utf-16\"?>");

        var title = await TitleAfterImportAsync(scene, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(feed)], contentType);

        Assert.Equal(VietnameseTitle, title);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>")]
    public async Task The_charset_parameter_wins_over_an_xml_declaration_that_disagrees(string declaration)
    {
        await using var scene = await FeedScene.StartAsync();

        var title = await TitleAfterImportAsync(scene, Windows1258(DongNai(declaration)), "application/rss+xml; charset=windows-1258");

        Assert.Equal(VietnameseTitle, title);
    }

    [Fact]
    public async Task Without_a_charset_parameter_the_xml_declaration_decides()
    {
        await using var scene = await FeedScene.StartAsync();
        var feed = DongNai("<?xml version=\"1.0\" encoding=\"windows-1258\"?>");

        var title = await TitleAfterImportAsync(scene, Windows1258(feed), "application/rss+xml");

        Assert.Equal(VietnameseTitle, title);
    }

    [Theory]
    [InlineData("x-no-such-charset")]
    [InlineData("utf-9")]
    public async Task An_unknown_charset_is_a_failed_run_naming_it(string charset)
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, _, admin, token) = scene;
        server.ServeBytes($"/{token}.rss", Encoding.UTF8.GetBytes(FeedTesting.Fixture("dongnai-news-2026-05-04.rss.xml")), $"application/rss+xml; charset={charset}");
        var source = await admin.CreateSourceAsync(server.Url($"/{token}.rss"));

        var report = (await admin.ImportAsync(source)).Expect("failed");

        Assert.Contains(report["errors"]!.AsArray(), e => e!["reason"]!.GetValue<string>().Contains(charset, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_with_no_title_link_guid_or_date_is_skipped_and_reported_not_published_as_new()
    {
        await using var scene = await FeedScene.StartAsync();
        var (server, _, admin, token) = scene;
        server.Serve($"/{token}.rss", FeedTesting.Rss(
            "<item><description><![CDATA[<p>Bài viết " + token + " không có tiêu đề, liên kết, guid hay ngày.</p>]]></description></item>",
            FeedTesting.Item($"Có tiêu đề {token}", "guid-" + token, null, "Tue, 05 May 2026 08:30:00 +0700", "<p>Bài có tiêu đề.</p>")));
        var source = await admin.CreateSourceAsync(server.Url($"/{token}.rss"));

        var report = await admin.ImportOkAsync(source);

        Assert.Equal(1, report.Number("created"));
        Assert.Equal(1, report.Number("skipped"));
        var error = Assert.Single(report["errors"]!.AsArray());
        Assert.Equal(1, error!["index"]!.GetValue<int>());
        Assert.Contains("no title, link, guid or date", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await admin.FindArticlesAsync(token));
    }
}
