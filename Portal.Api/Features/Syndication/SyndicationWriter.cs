using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Portal.Domain.Common;

namespace Portal.Api.Features.Syndication;

/// <summary>The two formats Portal publishes.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
}

/// <summary>One entry of an outgoing feed, whatever it was made from.</summary>
/// <param name="Id">The content's id: the entry's guid is <c>urn:uuid:{id}</c> (isPermaLink="false"), stable across slug changes.</param>
/// <param name="Title">Plain text.</param>
/// <param name="Summary">Plain text, or null.</param>
/// <param name="Html">Sanitised HTML body, or null.</param>
/// <param name="Author">By-line, or null.</param>
/// <param name="Category">Category or field name, or null.</param>
/// <param name="Link">Absolute URL of the public page.</param>
/// <param name="PublishedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
internal sealed record FeedEntry(Guid Id, string Title, string? Summary, string? Html, string? Author, string? Category, Uri Link, DateTime PublishedAt, DateTime UpdatedAt);

/// <summary>
/// Writes RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication's formatters. Dates are in Asia/Ho_Chi_Minh
/// (+07:00), links absolute, and the output depends only on the content (the channel's date is the newest entry's),
/// so the ETag over the bytes changes exactly when the feed does.
/// </summary>
internal static class SyndicationWriter
{
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DcNs = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    public static string ContentType(FeedFormat format) =>
        format == FeedFormat.Rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";

    /// <summary>The feed's bytes (UTF-8, no BOM).</summary>
    public static byte[] Write(FeedFormat format, string title, string description, string? copyright, Uri site, Uri self, DateTime fallbackUpdatedUtc, IReadOnlyList<FeedEntry> entries)
    {
        // Text that XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF) is dropped rather than failing the whole feed.
        title = Portal.Api.Infrastructure.XmlSafeText.Safe(title);
        description = Portal.Api.Infrastructure.XmlSafeText.Safe(description);
        copyright = copyright is null ? null : Portal.Api.Infrastructure.XmlSafeText.Safe(copyright);
        entries = entries.Select(e => e with
        {
            Title = Portal.Api.Infrastructure.XmlSafeText.Safe(e.Title),
            Summary = e.Summary is null ? null : Portal.Api.Infrastructure.XmlSafeText.Safe(e.Summary),
            Html = e.Html is null ? null : Portal.Api.Infrastructure.XmlSafeText.Safe(e.Html),
            Author = e.Author is null ? null : Portal.Api.Infrastructure.XmlSafeText.Safe(e.Author),
            Category = e.Category is null ? null : Portal.Api.Infrastructure.XmlSafeText.Safe(e.Category),
        }).ToList();
        var feed = new SyndicationFeed(title, description, site)
        {
            Id = self.AbsoluteUri,
            Language = "vi",
            Generator = "Portal",
            Copyright = copyright is null ? null : new TextSyndicationContent(copyright),
            LastUpdatedTime = VietnamTime.ToLocal(entries.Count == 0 ? fallbackUpdatedUtc : entries.Max(e => Later(e.PublishedAt, e.UpdatedAt))),
            Items = entries.Select(e => Item(e, format)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = title });
        if (format == FeedFormat.Atom)
        {
            feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        }
        else
        {
            feed.ElementExtensions.Add(Extension(AtomNs, "atom", "link", new XAttribute("href", self.AbsoluteUri), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")));
            feed.AttributeExtensions.Add(new XmlQualifiedName("atom", XNamespace.Xmlns.NamespaceName), AtomNs.NamespaceName);
            feed.AttributeExtensions.Add(new XmlQualifiedName("content", XNamespace.Xmlns.NamespaceName), ContentNs.NamespaceName);
            feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XNamespace.Xmlns.NamespaceName), DcNs.NamespaceName);
        }

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static SyndicationItem Item(FeedEntry e, FeedFormat format)
    {
        var item = new SyndicationItem
        {
            Id = $"urn:uuid:{e.Id}",
            Title = new TextSyndicationContent(e.Title),
            PublishDate = VietnamTime.ToLocal(e.PublishedAt),
            LastUpdatedTime = VietnamTime.ToLocal(Later(e.PublishedAt, e.UpdatedAt)),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(e.Link, "text/html"));
        if (e.Category is not null)
        {
            item.Categories.Add(new SyndicationCategory(e.Category));
        }

        if (format == FeedFormat.Atom)
        {
            item.Summary = e.Summary is null ? null : new TextSyndicationContent(e.Summary);
            item.Content = e.Html is null ? null : new TextSyndicationContent(e.Html, TextSyndicationContentKind.Html);
            if (e.Author is not null)
            {
                item.Authors.Add(new SyndicationPerson { Name = e.Author });
            }

            return item;
        }

        // RSS descriptions are HTML: the plain summary is escaped once more so that "<" and "&" stay text.
        item.Summary = new TextSyndicationContent(EscapeHtml(e.Summary ?? ""));
        if (e.Html is not null)
        {
            item.ElementExtensions.Add(Extension(ContentNs, "content", "encoded", e.Html));
        }

        if (e.Author is not null)
        {
            item.ElementExtensions.Add(Extension(DcNs, "dc", "creator", e.Author));
        }

        return item;
    }

    /// <summary>An extension element that keeps its conventional prefix (content:encoded, dc:creator, atom:link).</summary>
    private static XmlReader Extension(XNamespace ns, string prefix, string name, params object[] content) =>
        new XElement(ns + name, [new XAttribute(XNamespace.Xmlns + prefix, ns.NamespaceName), .. content]).CreateReader();

    private static string EscapeHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
