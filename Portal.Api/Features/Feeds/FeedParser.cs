using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Portal.Domain.Feeds;

namespace Portal.Api.Features.Feeds;

/// <summary>One feed item as read, before it becomes an article.</summary>
/// <param name="Index">1-based position in the feed.</param>
/// <param name="Guid">RSS guid or Atom id, trimmed; null when absent.</param>
/// <param name="Link">The item's absolute http(s) link, or null.</param>
/// <param name="Title">Plain-text title, or null.</param>
/// <param name="SummaryHtml">RSS description or Atom summary, as HTML.</param>
/// <param name="ContentHtml">content:encoded or Atom content, as HTML.</param>
/// <param name="Author">dc:creator, author name or e-mail.</param>
/// <param name="Published">The item's date (NukeViet minutes repaired), or null when it has none.</param>
/// <param name="BadDate">The date text when the item has one that could not be parsed.</param>
internal sealed record ParsedItem(int Index, string? Guid, Uri? Link, string? Title, string? SummaryHtml, string? ContentHtml, string? Author, DateTimeOffset? Published, string? BadDate)
{
    /// <summary>How the run report names the item.</summary>
    public string Label => Guid ?? Link?.AbsoluteUri ?? Title ?? $"item {Index}";
}

/// <summary>A parsed feed: its items in feed order and feed-level problems.</summary>
internal sealed record ParsedFeed(IReadOnlyList<ParsedItem> Items, IReadOnlyList<FeedRunError> Errors);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication after <see cref="FeedXml"/> has repaired the
/// document. The library's date and URI parsing is replaced by lenient callbacks (<see cref="FeedDates"/>): an
/// unparseable date never fails the feed; the item carries it in <see cref="ParsedItem.BadDate"/> instead.
/// </summary>
internal static class FeedParser
{
    private static readonly Uri InvalidUri = new("urn:portal:invalid-uri");

    /// <summary>
    /// Parses a fetched feed, decoded as <see cref="FeedXml.Load"/> says (<paramref name="charset"/>: the Content-Type's
    /// charset parameter, or null); null with <paramref name="error"/> when the document is not a feed at all.
    /// </summary>
    public static ParsedFeed? Parse(byte[] bytes, string? charset, Uri documentUrl, int maxItems, out string? error)
    {
        var doc = FeedXml.Load(bytes, charset, out error);
        if (doc?.Root is not { } root)
        {
            error ??= "The feed is empty.";
            return null;
        }

        var errors = new List<FeedRunError>();
        var isRss = root.Name.LocalName == "rss" && root.Element("channel") is not null;
        if (!isRss && root.Name != FeedXml.Atom + "feed")
        {
            error = $"The document is neither RSS 2.0 nor Atom 1.0 (its root element is <{root.Name.LocalName}>).";
            return null;
        }

        var generator = isRss ? FeedXml.RepairRss(root, maxItems, errors) : FeedXml.RepairAtom(root, maxItems, errors);
        var nukeViet = isRss && IsNukeViet(generator, root);
        var badDates = new List<string>();
        SyndicationFeedFormatter formatter = isRss ? new Rss20FeedFormatter() : new Atom10FeedFormatter();
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset value) =>
        {
            if (FeedDates.Parse(data.DateTimeString) is { } date)
            {
                value = (nukeViet ? date.WithoutNukeVietMinutes() : date).Value;
                return true;
            }

            // The library has no "unparseable" result: a tick count in year 1 points into badDates.
            badDates.Add(data.DateTimeString);
            value = new DateTimeOffset(badDates.Count, TimeSpan.Zero);
            return true;
        };
        formatter.UriParser = (XmlUriData data, out Uri uri) =>
        {
            var text = data.UriString?.Trim() ?? "";
            uri = Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var parsed) || Uri.TryCreate(text.Replace(" ", "%20", StringComparison.Ordinal), UriKind.RelativeOrAbsolute, out parsed)
                ? parsed
                : InvalidUri;
            return true;
        };

        try
        {
            using var reader = doc.CreateReader();
            formatter.ReadFrom(reader);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            error = $"The feed could not be read as {(isRss ? "RSS 2.0" : "Atom 1.0")}: {ex.Message}";
            return null;
        }

        var items = formatter.Feed.Items.Select((item, i) => ToParsed(item, i + 1, isRss, documentUrl, badDates)).ToList();
        return new ParsedFeed(items, errors);
    }

    /// <summary>NukeViet says so in its generator; a feed that does not, but whose every GMT date has minutes equal to its month, is one too.</summary>
    private static bool IsNukeViet(string? generator, System.Xml.Linq.XElement rss)
    {
        if (generator?.Contains("nukeviet", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var dates = rss.Element("channel")!.Elements("item").Select(i => FeedDates.Parse(i.Element("pubDate")?.Value)).Where(d => d is not null).ToList();
        return dates.Count >= 2 && dates.All(d => d!.Value.HasNukeVietMinutes);
    }

    private static ParsedItem ToParsed(SyndicationItem item, int index, bool isRss, Uri documentUrl, List<string> badDates)
    {
        var link = item.Links.FirstOrDefault(l => string.IsNullOrEmpty(l.RelationshipType) || l.RelationshipType == "alternate");
        var date = item.PublishDate != DateTimeOffset.MinValue ? item.PublishDate : item.LastUpdatedTime;
        string? badDate = null;
        DateTimeOffset? published = date == DateTimeOffset.MinValue ? null : date;
        if (date.Year == 1 && date.Ticks is > 0 and var ticks && ticks <= badDates.Count)
        {
            badDate = badDates[(int)ticks - 1];
            published = null;
        }

        return new ParsedItem(
            index,
            Blank(item.Id),
            Absolute(link, documentUrl),
            Blank(item.Title?.Text),
            Html(item.Summary, isRss),
            Extension(item, FeedXml.Content + "encoded") ?? Html(item.Content, isRss),
            Blank(Extension(item, FeedXml.Dc + "creator") ?? item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault()),
            published,
            badDate);
    }

    /// <summary>RSS text is HTML whatever the library calls it; Atom says which it is.</summary>
    private static string? Html(SyndicationContent? content, bool isRss) => content switch
    {
        TextSyndicationContent text when isRss || text.Type is "html" or "xhtml" => Blank(text.Text),
        TextSyndicationContent text => Blank(text.Text) is { } plain ? WebUtility.HtmlEncode(plain).ReplaceLineEndings("<br>") : null,
        _ => null,
    };

    private static Uri? Absolute(SyndicationLink? link, Uri documentUrl)
    {
        if (link?.Uri is null || link.Uri == InvalidUri)
        {
            return null;
        }

        var uri = link.GetAbsoluteUri() ?? new Uri(documentUrl, link.Uri);
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri : null;
    }

    private static string? Extension(SyndicationItem item, System.Xml.Linq.XName name)
    {
        var extension = item.ElementExtensions.FirstOrDefault(e => e.OuterName == name.LocalName && e.OuterNamespace == name.NamespaceName);
        if (extension is null)
        {
            return null;
        }

        using var reader = extension.GetReader();
        return Blank(reader.ReadElementContentAsString());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
