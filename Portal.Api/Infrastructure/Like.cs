namespace Portal.Api.Infrastructure;

/// <summary>Escaping for SQL LIKE patterns so user text is matched literally.</summary>
internal static class Like
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
