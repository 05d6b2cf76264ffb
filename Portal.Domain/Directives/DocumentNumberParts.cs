using System.Globalization;
using System.Text;
using Portal.Domain.Text;

namespace Portal.Domain.Directives;

/// <summary>The parsed parts of a document number, and the canonical string and search key they give.</summary>
internal sealed record DocumentNumberParts(
    DocumentNumberSystem System,
    int? Number,
    int? Year,
    string? Type,
    string? Issuer,
    string? Unit)
{
    public static DocumentNumberParts Unknown { get; } = new(DocumentNumberSystem.Unknown, null, null, null, null, null);

    /// <summary>
    /// The canonical string; <paramref name="unknownText"/> for a number outside every scheme.
    /// Numbers below 10 take a leading zero (Decree 30/2020/NĐ-CP Appendix I; Guidance 36-HD/VPTW).
    /// </summary>
    public string Canonical(string unknownText)
    {
        var n = Number?.ToString("00", CultureInfo.InvariantCulture);
        return System switch
        {
            DocumentNumberSystem.State => $"{n}/{Type}-{Issuer}",
            DocumentNumberSystem.StateLegal when Year is null => $"{n}/{Type}-{Issuer}",
            DocumentNumberSystem.StateLegal => $"{n}/{Year}/{Type}-{Issuer}",
            DocumentNumberSystem.NationalAssembly => $"{n}/{Year}/{Issuer}",
            DocumentNumberSystem.StateLetter => $"{n}/{Issuer}-{Unit}",
            DocumentNumberSystem.Party => $"{n}-{Type}/{Issuer}",
            DocumentNumberSystem.Legacy => $"{n}-{Issuer}",
            _ => unknownText,
        };
    }

    /// <summary>
    /// Folded parts with every separator removed and the number unpadded, so the State and Party
    /// layouts of one number, and "211 kh hu" typed in a search box, share a key.
    /// </summary>
    public string SearchKey(string unknownText)
    {
        if (System == DocumentNumberSystem.Unknown)
        {
            return StripLeadingZeros(KeyOf(unknownText));
        }

        var number = Number?.ToString(CultureInfo.InvariantCulture);
        var year = Year?.ToString(CultureInfo.InvariantCulture);
        return KeyOf(string.Concat(number, year, Type, Issuer, Unit));
    }

    internal static string KeyOf(string text)
    {
        var folded = VietnameseText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string StripLeadingZeros(string key)
    {
        var zeros = 0;
        while (zeros + 1 < key.Length && key[zeros] == '0' && char.IsAsciiDigit(key[zeros + 1]))
        {
            zeros++;
        }

        return key[zeros..];
    }
}
