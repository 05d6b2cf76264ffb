using System.Net;
using System.Text;
using System.Text.Unicode;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Refuses query strings whose percent-escapes are not UTF-8 (RFC 3986 §2.5; the WHATWG URL standard decodes
/// queries as UTF-8). ASP.NET Core decodes such bytes (<c>q=%C3%28</c>, <c>q=%FF</c>) to U+FFFD and goes on, so a
/// search or a filter would silently run on text the client never sent. Every query parameter of every request is
/// checked on the raw query string, before the reader cache, so the answer is the same 400 — naming the parameter —
/// whether or not a response for that URL is cached.
/// </summary>
internal static class QueryEncoding
{
    public static IApplicationBuilder UseUtf8QueryStrings(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (InvalidParameters(context.Request.QueryString.Value) is { Count: > 0 } invalid)
        {
            // The same 400 as every other bad query parameter (QueryErrors), written before any endpoint runs.
            var errors = new QueryErrors();
            foreach (var name in invalid)
            {
                errors.Add(name, $"'{name}' is not valid UTF-8 once its percent-escapes are decoded; encode text as UTF-8 before percent-encoding it.");
            }

            await errors.ToProblem().ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>
    /// The names of the parameters of <paramref name="rawQuery"/> (with or without its leading '?') whose name or
    /// value does not decode to valid UTF-8; empty when every one does. A name that is itself undecodable is reported
    /// as it was sent.
    /// </summary>
    public static IReadOnlyList<string> InvalidParameters(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || !rawQuery.Contains('%', StringComparison.Ordinal))
        {
            return [];
        }

        var invalid = new List<string>();
        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            if (!pair.Contains('%', StringComparison.Ordinal))
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? "" : pair[(equals + 1)..];
            if (IsUtf8(rawName) && IsUtf8(rawValue))
            {
                continue;
            }

            var name = IsUtf8(rawName) ? WebUtility.UrlDecode(rawName) : rawName;
            if (!invalid.Contains(name, StringComparer.Ordinal))
            {
                invalid.Add(name);
            }
        }

        return invalid;
    }

    /// <summary>True when the percent-decoded bytes of <paramref name="raw"/> are well-formed UTF-8.</summary>
    private static bool IsUtf8(string raw)
    {
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var bytes = Encoding.UTF8.GetBytes(raw);
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length));
    }
}
