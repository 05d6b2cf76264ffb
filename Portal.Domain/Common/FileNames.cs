using FluentValidation;

namespace Portal.Domain.Common;

/// <summary>
/// The one rule for file names Portal stores and serves (uploads' multipart filename, <c>coverImage.fileName</c>):
/// NFC-normalised and trimmed, then refused — never silently rewritten — when it holds anything a file system or a
/// download dialog would misread: control or bidi characters, folder separators, <c>&lt;&gt;:"|?*</c>, a name of only
/// dots, a trailing dot, a reserved device name (CON, NUL, COM1…) or more than 255 characters. Vietnamese is kept.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;

    private static readonly HashSet<string> ReservedStems = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(0, 10).SelectMany(n => new[] { $"COM{n}", $"LPT{n}" })], StringComparer.OrdinalIgnoreCase);

    /// <summary>The stored form of <paramref name="name"/>: NFC, surrounding white space removed.</summary>
    public static string Normalize(string name) => Text.VietnameseText.Nfc(name).Trim();

    /// <summary>Why <paramref name="name"/> (already <see cref="Normalize">normalised</see>) cannot be a file name, or null when it can.</summary>
    public static string? Refusal(string name)
    {
        if (name.Length > MaxLength)
        {
            return $"A file name may have at most {MaxLength} characters.";
        }

        if (!Rules.HasNoControlCharacters(name))
        {
            return "A file name must not contain control characters, invalid code points or bidirectional controls.";
        }

        if (name.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // U+FFFD stands in for bytes that were not valid UTF-8 (or an escaped lone surrogate): the real name is lost.
            return "A file name must be valid UTF-8; this one had bytes that are not (shown as U+FFFD).";
        }

        if (name.IndexOfAny(['/', '\\', '<', '>', ':', '"', '|', '?', '*']) >= 0)
        {
            return "A file name must not contain folder separators or any of < > : \" | ? * (send the name alone, e.g. \"Kế hoạch 211.pdf\").";
        }

        if (name.Trim('.').Length == 0 || name.EndsWith('.'))
        {
            return "A file name must not be only dots or end with a dot.";
        }

        return ReservedStems.Contains(name.Split('.')[0].TrimEnd())
            ? $"'{name.Split('.')[0]}' is a reserved device name and cannot be a file name."
            : null;
    }

    /// <summary>The FluentValidation form of <see cref="Refusal"/> for optional file names.</summary>
    public static IRuleBuilderOptions<T, string?> FileName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Refusal(v) is null).WithMessage((_, v) => Refusal(v!) ?? "");
}
