using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Portal.Api.Infrastructure;
using Portal.Domain.Feeds;

namespace Portal.Api.Features.Feeds;

/// <summary>
/// Reads feed bytes into an <see cref="XDocument"/> and repairs what real feeds get wrong before
/// System.ServiceModel.Syndication reads them: text wrapped in CDATA and whitespace, entities inside CDATA,
/// markup where text belongs, RSS 0.9x version numbers, HTML entities such as <c>&amp;nbsp;</c> that XML does not
/// know, and too many items. Entities are decoded exactly once: by the XML parser for escaped text, or — for text
/// that a CDATA section kept raw — by reading it as HTML (so <c>DongNai&amp;#x3A; Web portal</c> in CDATA becomes
/// "DongNai: Web portal", while an escaped <c>&amp;amp;amp;</c> stays the literal "&amp;amp;").
/// </summary>
internal static partial class FeedXml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private static readonly HashSet<string> RssText = new(StringComparer.Ordinal)
    {
        "title", "link", "guid", "author", "category", "comments", "pubDate", "lastBuildDate", "copyright", "generator",
        "language", "managingEditor", "webMaster", "docs", "ttl",
    };

    static FeedXml() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // windows-1258 and other legacy code pages

    /// <summary>
    /// Parses <paramref name="bytes"/>; null with <paramref name="error"/> when it is not well-formed XML or its
    /// encoding is unknown. The encoding is chosen as RFC 7303 §3.2 orders it (XML 1.0 Appendix F for the document
    /// itself): a byte-order mark first; then <paramref name="charset"/>, the charset parameter of the HTTP
    /// Content-Type, which overrides the XML declaration; then the declaration's <c>encoding</c>; else UTF-8.
    /// Windows-1258 (Vietnamese) and other legacy code pages come from <see cref="CodePagesEncodingProvider"/>.
    /// </summary>
    public static XDocument? Load(byte[] bytes, string? charset, out string? error)
    {
        error = null;
        string? text = null;
        if (!HasByteOrderMark(bytes) && charset is not null)
        {
            if (EncodingOf(charset) is not { } encoding)
            {
                error = $"The server declared the feed's charset as '{charset}', which is not a known character encoding.";
                return null;
            }

            // Decoded here, the XML declaration's own encoding (if any) is no longer consulted: the server's word wins.
            text = encoding.GetString(bytes);
        }

        try
        {
            return text is null ? Read(XmlReader.Create(new MemoryStream(bytes), Settings)) : Read(XmlReader.Create(new StringReader(text), Settings));
        }
        catch (XmlException ex) when (ex.Message.Contains("undeclared entity", StringComparison.OrdinalIgnoreCase) && (text is not null || DeclaresUtf8(bytes)))
        {
            try
            {
                // HTML named entities (&nbsp; &hellip;) are undeclared in XML: write them as character references.
                var repaired = HtmlEntity().Replace(text ?? Encoding.UTF8.GetString(bytes), m => WebUtility.HtmlDecode(m.Value) is var c && c != m.Value
                    ? $"&#{char.ConvertToUtf32(c, 0)};"
                    : "&amp;" + m.Value[1..]);
                return Read(XmlReader.Create(new StringReader(repaired), Settings));
            }
            catch (XmlException retry)
            {
                error = $"The feed is not well-formed XML: {retry.Message}";
                return null;
            }
        }
        catch (XmlException ex)
        {
            error = $"The feed is not well-formed XML: {ex.Message}";
            return null;
        }
    }

    private static Encoding? EncodingOf(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // UTF-8, UTF-16 and UTF-32 byte-order marks (XML 1.0 Appendix F.1).
    private static bool HasByteOrderMark(byte[] b) =>
        b is [0xEF, 0xBB, 0xBF, ..] or [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..];

    /// <summary>Normalises an RSS document in place; returns the channel's generator.</summary>
    public static string? RepairRss(XElement rss, int maxItems, List<FeedRunError> errors)
    {
        rss.SetAttributeValue("version", "2.0"); // 0.91/0.92 are subsets the 2.0 reader handles
        var channel = rss.Element("channel")!;
        Cap(channel.Elements("item").ToList(), maxItems, errors);
        foreach (var element in channel.Elements().Where(e => e.Name.Namespace == XNamespace.None && RssText.Contains(e.Name.LocalName)))
        {
            element.ReplaceNodes(AsText(element));
        }

        foreach (var child in channel.Elements("item").SelectMany(i => i.Elements()))
        {
            if (child.Name == "description" || child.Name == Content + "encoded")
            {
                child.ReplaceNodes(AsHtml(child));
            }
            else if ((child.Name.Namespace == XNamespace.None && RssText.Contains(child.Name.LocalName)) || child.Name == Dc + "creator")
            {
                child.ReplaceNodes(AsText(child));
            }
        }

        return channel.Element("generator")?.Value;
    }

    /// <summary>Normalises an Atom document in place: titles become plain text; returns the generator.</summary>
    public static string? RepairAtom(XElement feed, int maxItems, List<FeedRunError> errors)
    {
        Cap(feed.Elements(Atom + "entry").ToList(), maxItems, errors);
        foreach (var title in feed.Elements(Atom + "title").Concat(feed.Elements(Atom + "entry").Elements(Atom + "title")))
        {
            var type = (string?)title.Attribute("type");
            var text = type == "xhtml" ? Collapse(title.Value) : type == "html" ? Collapse(HtmlContent.ToPlainText(title.Value)) : AsText(title);
            title.SetAttributeValue("type", null);
            title.ReplaceNodes(text);
        }

        foreach (var id in feed.Elements(Atom + "entry").Elements(Atom + "id"))
        {
            id.ReplaceNodes(AsText(id));
        }

        return feed.Element(Atom + "generator")?.Value;
    }

    /// <summary>Text content: CDATA read as HTML (entities decoded once, tags dropped), whitespace collapsed.</summary>
    public static string AsText(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XCData cdata => cdata.Value.AsSpan().IndexOfAny('&', '<') >= 0 ? HtmlContent.ToPlainText(cdata.Value) : cdata.Value,
                XText plain => plain.Value,
                XElement child => child.Value,
                _ => "",
            });
        }

        return Collapse(text.ToString());
    }

    /// <summary>Whitespace runs to one space, control characters dropped, trimmed.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', new string(text.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c)).ToArray()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>HTML content: escaped text and CDATA are HTML source already; stray child elements are kept as markup.</summary>
    private static string AsHtml(XElement element) =>
        string.Concat(element.Nodes().Select(n => n switch
        {
            XText text => text.Value,
            XElement child => child.ToString(SaveOptions.DisableFormatting),
            _ => "",
        })).Trim();

    private static void Cap(List<XElement> items, int maxItems, List<FeedRunError> errors)
    {
        if (items.Count <= maxItems)
        {
            return;
        }

        foreach (var extra in items.Skip(maxItems))
        {
            extra.Remove();
        }

        errors.Add(new FeedRunError { Reason = $"The feed has {items.Count} items; only the first {maxItems} were read (Feeds:MaxItems)." });
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1_000_000,
    };

    private static XDocument Read(XmlReader created)
    {
        using var reader = created;
        var doc = XDocument.Load(reader, LoadOptions.None);
        // An XNodeReader reports whitespace between elements as Text, which the syndication readers refuse.
        foreach (var blank in doc.DescendantNodes().OfType<XText>().Where(t => t.Parent?.HasElements == true && string.IsNullOrWhiteSpace(t.Value)).ToList())
        {
            blank.Remove();
        }

        return doc;
    }

    private static bool DeclaresUtf8(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        var declared = EncodingDeclaration().Match(head);
        return !declared.Success || declared.Groups[1].Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z][A-Za-z0-9]{1,31};", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlEntity();

    [GeneratedRegex("""encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingDeclaration();
}
