using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api.Syndication;

/// <summary>A Portal whose public site lives at a configured base URL.</summary>
public sealed class PublicSitePortal : IDisposable
{
    public const string BaseUrl = "https://vinhcuu.dongnai.gov.vn";

    public PortalApp App { get; } = new PortalApp().Setting("Portal:PublicBaseUrl", BaseUrl + "/");

    public void Dispose() => App.Dispose();
}

/// <summary>
/// Portal's RSS 2.0 and Atom 1.0 read back with System.ServiceModel.Syndication and, independently, element by
/// element with XDocument: titles, links, dates, guids and Vietnamese text survive; drafts and scheduled items never appear.
/// </summary>
public sealed class SyndicationTests(PublicSitePortal portal) : IClassFixture<PublicSitePortal>
{
    private const string SiteName = "TRANG THÔNG TIN ĐIỆN TỬ HUYỆN VĨNH CỬU - ĐỒNG NAI";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    [Fact]
    public async Task The_RSS_feed_parses_back_losslessly_with_two_readers_and_never_shows_drafts_or_scheduled_articles()
    {
        var (article, token) = await PublishedArticleAsync();
        var response = await portal.App.Client().GetAsync("/api/v1/feeds/articles.rss");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());

        var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(bytes)));
        Assert.Equal(SiteName, feed.Title.Text);
        var item = Assert.Single(feed.Items, i => i.Title.Text.Contains(token, StringComparison.Ordinal));
        Assert.Equal(article.Text("title"), item.Title.Text);
        Assert.Equal($"urn:uuid:{article.Text("id")}", item.Id);
        Assert.Equal(new Uri($"{PublicSitePortal.BaseUrl}/tin-tuc/{article.Text("slug")}"), item.Links.Single().Uri);
        Assert.Equal(PublishedAt(article), item.PublishDate);
        Assert.Equal(TimeSpan.FromHours(7), item.PublishDate.Offset);
        Assert.Equal(article.Text("summary"), WebUtility.HtmlDecode(item.Summary.Text));

        var channel = XDocument.Load(new MemoryStream(bytes)).Root!.Element("channel")!;
        Assert.Equal(SiteName, channel.Element("title")!.Value);
        var element = Assert.Single(channel.Elements("item"), i => i.Element("title")!.Value.Contains(token, StringComparison.Ordinal));
        Assert.Equal(article.Text("title"), element.Element("title")!.Value);
        Assert.Equal($"{PublicSitePortal.BaseUrl}/tin-tuc/{article.Text("slug")}", element.Element("link")!.Value);
        Assert.Equal($"urn:uuid:{article.Text("id")}", element.Element("guid")!.Value);
        Assert.Equal("false", element.Element("guid")!.Attribute("isPermaLink")!.Value);
        var pubDate = element.Element("pubDate")!.Value;
        Assert.EndsWith("+0700", pubDate, StringComparison.Ordinal);
        Assert.Equal(PublishedAt(article), DateTimeOffset.ParseExact(pubDate.Insert(pubDate.Length - 2, ":"), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture));
        Assert.Equal(article.Text("bodyHtml"), element.Element(Content + "encoded")!.Value);
        Assert.Equal(article.Text("summary"), WebUtility.HtmlDecode(element.Element("description")!.Value));
        Assert.DoesNotContain(channel.Elements("item"), i => i.Element("title")!.Value.Contains("Nháp " + token, StringComparison.Ordinal) || i.Element("title")!.Value.Contains("Hẹn giờ " + token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Atom_feed_parses_back_losslessly_with_two_readers_and_never_shows_drafts_or_scheduled_articles()
    {
        var (article, token) = await PublishedArticleAsync();
        var response = await portal.App.Client().GetAsync("/api/v1/feeds/articles.atom");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(bytes)));
        Assert.Equal(SiteName, feed.Title.Text);
        var item = Assert.Single(feed.Items, i => i.Title.Text.Contains(token, StringComparison.Ordinal));
        Assert.Equal(article.Text("title"), item.Title.Text);
        Assert.Equal($"urn:uuid:{article.Text("id")}", item.Id);
        Assert.Equal(new Uri($"{PublicSitePortal.BaseUrl}/tin-tuc/{article.Text("slug")}"), item.Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal(PublishedAt(article), item.PublishDate);
        Assert.Equal(article.Text("bodyHtml"), ((TextSyndicationContent)item.Content).Text);

        var root = XDocument.Load(new MemoryStream(bytes)).Root!;
        Assert.Equal(Atom + "feed", root.Name);
        var entry = Assert.Single(root.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.Contains(token, StringComparison.Ordinal));
        Assert.Equal(article.Text("title"), entry.Element(Atom + "title")!.Value);
        Assert.Equal($"urn:uuid:{article.Text("id")}", entry.Element(Atom + "id")!.Value);
        Assert.Equal($"{PublicSitePortal.BaseUrl}/tin-tuc/{article.Text("slug")}", entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        var published = entry.Element(Atom + "published")!.Value;
        Assert.EndsWith("+07:00", published, StringComparison.Ordinal);
        Assert.Equal(PublishedAt(article), DateTimeOffset.Parse(published, CultureInfo.InvariantCulture));
        Assert.Equal("Hồng Yến", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.DoesNotContain(root.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.Contains("Nháp " + token, StringComparison.Ordinal) || e.Element(Atom + "title")!.Value.Contains("Hẹn giờ " + token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_category_feed_holds_only_that_category_and_an_unknown_category_is_404()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var category = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Chuyên mục") })).Json(HttpStatusCode.Created);
        var token = Guid.NewGuid().ToString("N");
        var inside = await editor.CreateArticleAsync(new { title = $"Trong chuyên mục {token}", bodyHtml = "<p>x</p>", categoryId = category.Text("id") });
        var outside = await editor.CreateArticleAsync(Editing.Article($"Ngoài chuyên mục {token}"));
        await editor.PublishAsync(inside.Text("id"));
        await editor.PublishAsync(outside.Text("id"));
        var client = portal.App.Client();

        foreach (var url in new[] { $"/api/v1/feeds/categories/{category.Text("slug")}.rss", $"/api/v1/feeds/articles.atom?category={category.Text("slug")}" })
        {
            var feed = SyndicationFeed.Load(XmlReader.Create(await client.GetStreamAsync(url)));
            Assert.Equal($"{SiteName} - {category.Text("name")}", feed.Title.Text);
            Assert.Equal([$"Trong chuyên mục {token}"], feed.Items.Select(i => i.Title.Text));
        }

        await (await client.GetAsync("/api/v1/feeds/categories/khong-co.atom")).Problem(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/feeds/articles.rss?category=khong-co")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_directives_feed_lists_published_directives_with_their_number_and_page_link()
    {
        var bytes = await portal.App.Client().GetByteArrayAsync("/api/v1/feeds/directives.rss");

        var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(bytes)));
        var plan = Assert.Single(feed.Items, i => i.Title.Text.Contains("211/KH-HU", StringComparison.Ordinal));
        Assert.StartsWith("Kế hoạch số 211/KH-HU: Triển khai thực hiện Chỉ thị số 28-CT/TW", plan.Title.Text, StringComparison.Ordinal);
        Assert.StartsWith($"{PublicSitePortal.BaseUrl}/van-ban/", plan.Links.Single().Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("urn:uuid:", plan.Id, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(7), plan.PublishDate.Offset);
        var element = Assert.Single(XDocument.Load(new MemoryStream(bytes)).Root!.Element("channel")!.Elements("item"), i => i.Element("title")!.Value.Contains("211/KH-HU", StringComparison.Ordinal));
        Assert.Equal(plan.Links.Single().Uri.AbsoluteUri, element.Element("link")!.Value);
    }

    /// <summary>A published article with Vietnamese text and characters that need escaping, plus a draft and a scheduled one.</summary>
    private async Task<(JsonNode Article, string Token)> PublishedArticleAsync()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = Guid.NewGuid().ToString("N");
        var created = await editor.CreateArticleAsync(new
        {
            title = $"Tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em {token}",
            summary = "Huyện ủy Vĩnh Cửu ban hành Kế hoạch 211/KH-HU <triển khai> Chỉ thị 28 & các văn bản liên quan.",
            bodyHtml = "<p>Ngày 04/6/2024, <strong>Huyện ủy</strong> ban hành kế hoạch.</p>",
            author = "Hồng Yến",
        });
        var article = await editor.PublishAsync(created.Text("id"));
        await editor.CreateArticleAsync(Editing.Article($"Nháp {token}"));
        var scheduled = await editor.CreateArticleAsync(Editing.Article($"Hẹn giờ {token}"));
        await editor.PublishAsync(scheduled.Text("id"), portal.App.Clock.GetUtcNow().AddDays(1));
        return (article, token);
    }

    private static DateTimeOffset PublishedAt(JsonNode article) =>
        new(article["publishedAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.Zero);
}
