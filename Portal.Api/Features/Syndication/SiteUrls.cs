using System.Globalization;

namespace Portal.Api.Features.Syndication;

/// <summary>Public URLs of the portal's pages, bound from the <c>Portal</c> configuration section.</summary>
public sealed class SiteUrlOptions
{
    public const string Section = "Portal";

    /// <summary>The public site's base URL, e.g. <c>https://vinhcuu.dongnai.gov.vn</c>; when empty, the request's scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>An article page: <c>{base}</c>, <c>{slug}</c> and <c>{id}</c> are replaced. Default <c>{base}/tin-tuc/{slug}</c>.</summary>
    public string ArticleUrlTemplate { get; set; } = "{base}/tin-tuc/{slug}";

    /// <summary>A directive page: <c>{base}</c>, <c>{id}</c> and <c>{number}</c> (URL-encoded) are replaced. Default <c>{base}/van-ban/{id}</c>.</summary>
    public string DirectiveUrlTemplate { get; set; } = "{base}/van-ban/{id}";
}

/// <summary>Builds absolute links to the public site for one request.</summary>
internal sealed class SiteUrls(SiteUrlOptions options, HttpRequest request)
{
    /// <summary>The base URL without a trailing slash.</summary>
    public string Base { get; } = (string.IsNullOrWhiteSpace(options.PublicBaseUrl)
        ? $"{request.Scheme}://{request.Host}{request.PathBase}"
        : options.PublicBaseUrl.Trim()).TrimEnd('/');

    public Uri Article(Guid id, string slug) => Fill(options.ArticleUrlTemplate, ("{slug}", Uri.EscapeDataString(slug)), ("{id}", id.ToString()));

    public Uri Directive(Guid id, string number) => Fill(options.DirectiveUrlTemplate, ("{number}", Uri.EscapeDataString(number)), ("{id}", id.ToString()));

    /// <summary>The URL this request was made to (the feed's self link and Atom id).</summary>
    public Uri Self => new(string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}"));

    private Uri Fill(string template, params (string Key, string Value)[] values)
    {
        var url = template.Replace("{base}", Base, StringComparison.Ordinal);
        foreach (var (key, value) in values)
        {
            url = url.Replace(key, value, StringComparison.Ordinal);
        }

        return new Uri(url, UriKind.Absolute);
    }
}
