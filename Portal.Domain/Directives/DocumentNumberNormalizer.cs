using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Text;

namespace Portal.Domain.Directives;

/// <summary>
/// Cleans a document number as pasted from portals, scans and Word files before it is matched
/// (DOMAIN.md "Rules for the parser"): HTML entities, NFC, look-alike letters, dash and slash variants,
/// invisible characters, spaces around separators and a leading "Số:".
/// </summary>
internal static partial class DocumentNumberNormalizer
{
    public const int MaxLength = 100;

    public const string CyrillicWarning = "Cyrillic look-alike characters replaced with Latin letters";

    public const string YearSlashWarning = "'/' missing after the year supplied";

    private const string Dashes = "_\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\uFE58\uFE63\uFF0D";
    private const string Slashes = "\\\u2044\u2215\u29F8\uFF0F";
    private const string Invisible = "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

    // Cyrillic letters that look like Latin ones, as OCR and some keyboards produce them.
    private const string Cyrillic = "АВЕКМНОРСТУХІаеорсхукмнтві";
    private const string Latin = "ABEKMHOPCTYXIaeopcxykmhtbi";

    /// <summary>Null when <paramref name="raw"/> can be a document number, else why not.</summary>
    public static string? Reject(string? raw)
    {
        if (raw is null || raw.All(c => char.IsWhiteSpace(c) || Invisible.Contains(c, StringComparison.Ordinal)))
        {
            return "must not be empty";
        }

        if (raw.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        return RejectCharacters(raw.Trim()) ?? RejectCharacters(WebUtility.HtmlDecode(raw.Trim()));
    }

    /// <summary>The cleaned text; adds a warning when look-alike letters were replaced.</summary>
    public static string Normalize(string raw, ICollection<string> warnings)
    {
        var decoded = VietnameseText.Nfc(WebUtility.HtmlDecode(raw.Trim()));
        var builder = new StringBuilder(decoded.Length);
        var replacedCyrillic = false;
        foreach (var c in decoded)
        {
            var cyrillic = Cyrillic.IndexOf(c, StringComparison.Ordinal);
            replacedCyrillic |= cyrillic >= 0;
            builder.Append(c switch
            {
                _ when Invisible.Contains(c, StringComparison.Ordinal) => string.Empty,
                _ when char.IsWhiteSpace(c) => " ",
                _ when cyrillic >= 0 => Latin[cyrillic].ToString(),
                // Eth (Ð ð) and African D (Ɖ ɖ) look like Đ đ; Windows-1252 shows Windows-1258's Đ as Ð.
                '\u00D0' or '\u0189' => "\u0110",
                '\u00F0' or '\u0256' => "\u0111",
                _ when Dashes.Contains(c, StringComparison.Ordinal) => "-",
                _ when Slashes.Contains(c, StringComparison.Ordinal) => "/",
                _ => c.ToString(),
            });
        }

        if (replacedCyrillic)
        {
            warnings.Add(CyrillicWarning);
        }

        var text = Whitespace().Replace(StrokedD().Replace(builder.ToString(), m => m.Value[0] == 'D' ? "Đ" : "đ"), " ").Trim();
        if (NumberPrefix().Match(text) is { Success: true } prefix)
        {
            if (prefix.Groups["words"].Success)
            {
                warnings.Add($"Words before the number left out: {prefix.Value.Trim()}");
            }

            text = text[prefix.Length..];
        }

        text = SpacedSeparator().Replace(text, "$1");
        if (YearWithoutSlash().IsMatch(text))
        {
            // "31/2013TT-BGDĐT", "44/2007 QĐ-BGDĐT": the year runs into the type code.
            warnings.Add(YearSlashWarning);
            text = YearWithoutSlash().Replace(text, "$1/");
        }

        return text;
    }

    private static string? RejectCharacters(string text)
    {
        if (VietnameseText.HasInvalidCodePoints(text))
        {
            return "must not contain invalid Unicode (unpaired surrogates, U+FFFE, U+FFFF)";
        }

        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return "must not contain a line break";
            }

            if (char.IsControl(c))
            {
                return "must not contain control characters";
            }

            if (c is '<' or '>' or '"')
            {
                return $"must not contain '{c}'";
            }
        }

        return null;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    // "Số:", "Số", "số", "SỐ", "So:" before the digits, as copied from the heading of a document, and the document's
    // kind before it as a sentence cites it ("Chỉ thị số 05-CT/TW", "Quyết định số 44/QĐ-BGDĐT"): up to four words.
    [GeneratedRegex(@"^(?<words>(?:\p{L}+ ){1,4})?s(?:ố|o)\s*[:.]?\s*(?=[0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"\s*([/-])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedSeparator();

    // n/yyyy then letters with no '/' between them (a space at most): the legal-normative layout with its slash lost.
    [GeneratedRegex(@"^([0-9]{1,9}/(?:19|20)[0-9]{2}) ?(?=[A-Za-zĐđ])", RegexOptions.CultureInvariant)]
    private static partial Regex YearWithoutSlash();

    // D followed by a combining stroke overlay (U+0335 short, U+0336 long), which NFC leaves as two characters.
    [GeneratedRegex("[Dd][\u0335\u0336]", RegexOptions.CultureInvariant)]
    private static partial Regex StrokedD();
}
