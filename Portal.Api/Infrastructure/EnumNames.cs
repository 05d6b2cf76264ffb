namespace Portal.Api.Infrastructure;

/// <summary>Reads enum values from query strings and routes by name only, as the JSON converter does.</summary>
internal static class EnumNames
{
    /// <summary>True when <paramref name="text"/> is a member's name in any case; numbers ("1") and undefined values are refused.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
