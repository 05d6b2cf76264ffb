using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.Common;

/// <summary>
/// The one rule for time read from outside (JSON bodies, query parameters), so that a request means the same on every
/// server whatever its time zone or culture: an instant carries its UTC offset or Z (RFC 3339 §5.6
/// <c>date-time</c>, e.g. <c>2024-06-04T08:00:00+07:00</c>, <c>2024-06-04T01:00:00Z</c>); a date is exactly
/// <c>YYYY-MM-DD</c> (ISO 8601 extended calendar date). Anything else — no offset (which .NET would read in the
/// server's zone), <c>04/06/2024</c> (which the invariant culture reads month-first), a date where an instant is due
/// or the reverse — is refused, never guessed.
/// </summary>
public static partial class IsoTime
{
    /// <summary>What an instant must look like, for error messages.</summary>
    public const string InstantForm = "an instant with its UTC offset or Z (RFC 3339), e.g. 2024-06-04T08:00:00+07:00 or 2024-06-04T01:00:00Z";

    /// <summary>What a date must look like, for error messages.</summary>
    public const string DateForm = "a calendar date as YYYY-MM-DD (ISO 8601), e.g. 2024-06-04";

    private static readonly string[] InstantFormats = ["yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'"];

    /// <summary>Reads an RFC 3339 date-time (offset or Z required; 'T' and 'Z' in either case; up to 7 fraction digits).</summary>
    public static bool TryParseInstant([NotNullWhen(true)] string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Instant().IsMatch(text))
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        return DateTimeOffset.TryParseExact(upper, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Reads a calendar date written exactly as YYYY-MM-DD.</summary>
    public static bool TryParseDate([NotNullWhen(true)] string? text, out DateOnly value)
    {
        value = default;
        return text is not null && Date().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    // [0-9], not \d: \d also matches other scripts' digits.
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,7})?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
