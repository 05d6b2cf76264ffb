using System.Globalization;
using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// Normalisation, search folding, slugs and legacy-font detection for Vietnamese text.
/// Rules from DOMAIN.md "Vietnamese text": NFC everywhere, đ folded explicitly because it has
/// no Unicode decomposition, and TCVN3 (ABC) / VNI mojibake flagged rather than published.
/// </summary>
public static class VietnameseText
{
    /// <summary>Longest slug <see cref="Slugify"/> returns.</summary>
    public const int MaxSlugLength = 80;

    /// <summary>
    /// Returns <paramref name="s"/> in Unicode Normalization Form C. Text holding code points that cannot be
    /// normalised (unpaired surrogates, the noncharacters U+FFFE and U+FFFF) is returned as it is: validation rejects
    /// it (<see cref="HasInvalidCodePoints"/>), and search folding drops those code points.
    /// </summary>
    public static string Nfc(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return HasInvalidCodePoints(s) || s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// True when <paramref name="s"/> holds code points no text should carry: unpaired surrogates and the
    /// noncharacters U+FFFE/U+FFFF (.NET refuses to normalise them and XML 1.0 cannot represent them).
    /// </summary>
    public static bool HasInvalidCodePoints(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '\uFFFE' or '\uFFFF')
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes what <see cref="HasInvalidCodePoints"/> objects to; used where input is searched, not stored.</summary>
    public static string WithoutInvalidCodePoints(string s)
    {
        if (!HasInvalidCodePoints(s))
        {
            return s;
        }

        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                builder.Append(c).Append(s[++i]);
            }
            else if (!char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Null-safe <see cref="Nfc(string)"/>: null stays null.</summary>
    public static string? NfcOrNull(string? s) => s is null ? null : Nfc(s);

    /// <summary>
    /// Folds text for search: lower case, no tone or vowel marks, đ → d, single spaces, trimmed.
    /// "Đồng Nai" → "dong nai"; "hoà" and "hòa" both → "hoa". SQLite folds ASCII only and FTS5
    /// never folds đ, so a pre-folded column is what makes "tre em" find "trẻ em".
    /// </summary>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var lower = Nfc(WithoutInvalidCodePoints(s)).ToLowerInvariant().Replace('đ', 'd');
        var builder = new StringBuilder(lower.Length);
        var pendingSpace = false;
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (IsMark(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Makes a URL slug: đ/Đ → d, marks dropped, lower case, runs of anything but [a-z0-9] → '-',
    /// at most <see cref="MaxSlugLength"/> characters, cut at a hyphen where possible.
    /// May return an empty string; the caller decides what to do then.
    /// </summary>
    public static string Slugify(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var decomposed = WithoutInvalidCodePoints(s).Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (IsMark(c))
            {
                continue;
            }

            var lower = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length <= MaxSlugLength ? slug : Truncate(slug);
    }

    /// <summary>
    /// True when <paramref name="s"/> looks like text typed in a legacy TCVN3 (ABC) or VNI font and
    /// pasted as Windows-1252, e.g. "Uû ban nh©n d©n" or "UÛy ban nhaân daân".
    /// </summary>
    public static bool LooksLikeLegacyEncoding(string s) => DetectLegacyEncoding(s) != LegacyEncoding.None;

    /// <summary>Which legacy Vietnamese font encoding <paramref name="s"/> appears to be in, if any.</summary>
    public static LegacyEncoding DetectLegacyEncoding(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return LegacyEncodingDetector.Detect(s);
    }

    internal static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string Truncate(string slug)
    {
        // A hyphen right after the cut means the cut already falls on a word boundary.
        if (slug[MaxSlugLength] == '-')
        {
            return slug[..MaxSlugLength];
        }

        var lastHyphen = slug.LastIndexOf('-', MaxSlugLength - 1);
        return lastHyphen > 0 ? slug[..lastHyphen] : slug[..MaxSlugLength].TrimEnd('-');
    }
}
