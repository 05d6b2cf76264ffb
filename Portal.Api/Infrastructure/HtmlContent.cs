using AngleSharp.Html.Parser;
using AngleSharp.Css.Dom;
using Ganss.Xss;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Body HTML policy, enforced by HtmlSanitizer (a maintained library) with an allow-list that suits news:
/// paragraphs, headings, lists, tables, links, images, figure/figcaption and emphasis. Link targets and image
/// sources must be http or https (or relative to the portal); scripts, styles, event handlers and iframes go.
/// </summary>
public sealed class HtmlContent
{
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
        "a", "img", "figure", "figcaption",
        "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q", "span", "div",
    ];

    private static readonly string[] Attributes =
    [
        "href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "scope", "headers", "start", "reversed", "type", "lang", "dir", "data-media-id",
    ];

    private static readonly HtmlParser Parser = new();

    private readonly HtmlSanitizer _sanitizer;

    public HtmlContent()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.RemovingTag += (_, e) =>
        {
            // The contents of script-like elements are code, not text: drop them with the tag.
            if (e.Tag.LocalName is "script" or "style" or "iframe" or "object" or "embed" or "template" or "noscript" or "svg" or "math")
            {
                e.Tag.TextContent = "";
            }
        };
    }

    /// <summary>The sanitised form of <paramref name="html"/>.</summary>
    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Clean(_sanitizer.Sanitize(html));

    /// <summary>The sanitised form of <paramref name="html"/> with relative links and image sources made absolute against <paramref name="baseUrl"/> (imported content).</summary>
    public string Sanitize(string? html, Uri baseUrl) => string.IsNullOrWhiteSpace(html) ? "" : Clean(_sanitizer.Sanitize(html, baseUrl.AbsoluteUri));

    // Entities such as &#1; or &#xFFFF; decode to characters no stored text may hold; drop them after parsing.
    private static string Clean(string html) =>
        XmlSafeText.Safe(Portal.Domain.Text.VietnameseText.WithoutInvalidCodePoints(html)).Trim();

    /// <summary>The text of an HTML fragment, with block boundaries as spaces (for search and reference finding).</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var block in body.QuerySelectorAll("p,br,li,h2,h3,h4,h5,h6,td,th,figcaption,div,blockquote,dt,dd,tr"))
        {
            block.Append(document.CreateTextNode(" "));
        }

        return body.TextContent;
    }
}
