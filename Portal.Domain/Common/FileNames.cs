using System.Globalization;
using System.Text;
using FluentValidation;

namespace Portal.Domain.Common;

/// <summary>
/// The one rule for file names Portal stores and serves (uploads' multipart filename, <c>coverImage.fileName</c>):
/// NFC-normalised and trimmed, then refused — never silently rewritten — when it holds anything a file system or a
/// download dialog would misread: control, bidi or invisible characters (<see cref="FirstInvisible"/>), folder
/// separators, <c>&lt;&gt;:"|?*</c>, a name of only dots, a trailing dot, a reserved device name (CON, NUL, COM1, COM¹…)
/// or more than 255 characters. Vietnamese is kept.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;

    // Windows' reserved device names: the digits 0-9 and the superscripts ¹ ² ³, which Windows also reads as digits
    // there ("COM¹.pdf" opens the port). CONIN$ and CONOUT$ are the console's.
    private static readonly HashSet<string> ReservedStems = new(
        [
            "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            .. "0123456789\u00B9\u00B2\u00B3".SelectMany(n => new[] { $"COM{n}", $"LPT{n}" }),
        ],
        StringComparer.OrdinalIgnoreCase);

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

        if (FirstInvisible(name) is { } invisible)
        {
            return $"A file name must not contain invisible characters (zero-width spaces and joiners, a byte-order mark, variation selectors, line or paragraph separators and other format characters); this one holds U+{invisible.Value:X4}.";
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

    /// <summary>
    /// The first code point of <paramref name="name"/> that shows nothing or is meant to be ignored: Unicode format
    /// characters (category Cf: U+200B zero-width space, U+200C/U+200D joiners, U+2060 word joiner, U+FEFF byte-order
    /// mark, U+00AD soft hyphen, tag characters…), line and paragraph separators (Zl, Zp), and the other
    /// Default_Ignorable_Code_Points (UAX #44: variation selectors, the combining grapheme joiner, Hangul fillers…).
    /// Two names that look the same must not be two different files.
    /// </summary>
    public static Rune? FirstInvisible(string name)
    {
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || IsDefaultIgnorable(rune.Value))
            {
                return rune;
            }
        }

        return null;
    }

    // Default_Ignorable_Code_Point (DerivedCoreProperties.txt) outside category Cf, and its unassigned reserved ranges.
    private static bool IsDefaultIgnorable(int c) => c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or 0x2065 or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8)
        or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>The FluentValidation form of <see cref="Refusal"/> for optional file names.</summary>
    public static IRuleBuilderOptions<T, string?> FileName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Refusal(v) is null).WithMessage((_, v) => Refusal(v!) ?? "");
}
