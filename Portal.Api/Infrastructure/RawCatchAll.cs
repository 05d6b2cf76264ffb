using Microsoft.AspNetCore.Http.Features;

namespace Portal.Api.Infrastructure;

/// <summary>
/// A catch-all route value decoded exactly once. The server decodes the path before routing but leaves <c>%2F</c>
/// encoded (so that a slash sent encoded cannot split segments), which makes the routed value ambiguous: <c>%2F</c> in
/// it may have been sent as <c>%2F</c> or as <c>%252F</c>. Decoding it again would turn an encoded percent sign into
/// something else, so the value is taken from the raw request target and decoded once.
/// </summary>
internal static class RawCatchAll
{
    /// <summary>The text after <paramref name="marker"/> in the raw path, percent-decoded once (Kestrel, IIS and HTTP.sys all give the raw target).</summary>
    public static string Decode(HttpContext http, string marker, string routed)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? raw : raw[..query];
        var at = path.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
        // Without a raw target (an in-memory test server) only the encoded slash the server left is decoded.
        return at < 0 ? routed.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : Uri.UnescapeDataString(path[(at + marker.Length)..]);
    }
}
