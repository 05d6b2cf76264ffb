using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>
/// A query parameter holding an instant, read by <see cref="IsoTime"/>'s rule (offset or Z required, RFC 3339) and
/// never by the framework's <c>DateTimeOffset</c> binding, which takes any form the invariant culture knows
/// (<c>04/06/2024</c> month-first) and reads a missing offset as UTC. A value that breaks the rule is a 400 naming the
/// parameter (<see cref="Problems"/>). openapi.json shows it as <c>string</c>, format <c>date-time</c>.
/// </summary>
/// <param name="Value">The instant.</param>
public readonly record struct QueryInstant(DateTimeOffset Value) : IParsable<QueryInstant>
{
    /// <inheritdoc />
    public static QueryInstant Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"The value must be {IsoTime.InstantForm}.");

    /// <inheritdoc />
    public static bool TryParse(string? s, IFormatProvider? provider, out QueryInstant result)
    {
        var ok = IsoTime.TryParseInstant(s, out var value);
        result = new QueryInstant(value);
        return ok;
    }
}

/// <summary>
/// A query parameter holding a calendar date, exactly <c>YYYY-MM-DD</c> (<see cref="IsoTime"/>): the framework's
/// <c>DateOnly</c> binding would read <c>04/06/2024</c> month-first (6 April, not 4 June as a Vietnamese reader means).
/// A value that breaks the rule is a 400 naming the parameter. openapi.json shows it as <c>string</c>, format <c>date</c>.
/// </summary>
/// <param name="Value">The date.</param>
public readonly record struct QueryDate(DateOnly Value) : IParsable<QueryDate>
{
    /// <inheritdoc />
    public static QueryDate Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"The value must be {IsoTime.DateForm}.");

    /// <inheritdoc />
    public static bool TryParse(string? s, IFormatProvider? provider, out QueryDate result)
    {
        var ok = IsoTime.TryParseDate(s, out var value);
        result = new QueryDate(value);
        return ok;
    }
}
