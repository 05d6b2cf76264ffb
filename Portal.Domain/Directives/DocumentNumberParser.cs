using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.Directives;

/// <summary>
/// Reads a normalised document number into its parts. Layouts: State <c>n/TYPE-ISSUER</c> and
/// <c>n/yyyy/TYPE-ISSUER</c>, công văn <c>n/ISSUER-UNIT</c>, National Assembly <c>n/yyyy/QH15</c>
/// (Decree 30/2020/NĐ-CP Appendix I); Party <c>n-TYPE/ISSUER</c> (Guidance 36-HD/VPTW); legacy <c>n-CP</c>.
/// </summary>
internal static partial class DocumentNumberParser
{
    public const string UnknownWarning = "Number is outside every known scheme; stored as entered";

    public static DocumentNumberParts Parse(string text, ICollection<string> warnings)
    {
        if (WithYear().Match(text) is { Success: true } withYear)
        {
            return ParseWithYear(Number(withYear), Year(withYear), withYear.Groups["rest"].Value, warnings);
        }

        if (SlashFirst().Match(text) is { Success: true } slashFirst)
        {
            return ParseSlashFirst(Number(slashFirst), slashFirst.Groups["rest"].Value.Split('-'), warnings);
        }

        if (PartyLayout().Match(text) is { Success: true } party
            && TypeCode(party.Groups["type"].Value, warnings) is { } partyType)
        {
            if (!DocumentTypes.IsUsedBy(partyType, DocumentNumberSystem.Party))
            {
                warnings.Add($"Type code {partyType} is not a Party type code (Guidance 36-HD/VPTW)");
            }

            return new(DocumentNumberSystem.Party, Number(party), null, partyType, DocumentIssuers.Canonicalize(party.Groups["issuer"].Value), null);
        }

        if (LegacyLayout().Match(text) is { Success: true } legacy
            && !DocumentTypes.TryCanonicalize(legacy.Groups["issuer"].Value, out _, out _))
        {
            return new(DocumentNumberSystem.Legacy, Number(legacy), null, null, DocumentIssuers.Canonicalize(legacy.Groups["issuer"].Value), null);
        }

        warnings.Add(UnknownWarning);
        return DocumentNumberParts.Unknown;
    }

    private static DocumentNumberParts ParseWithYear(int number, int year, string rest, ICollection<string> warnings)
    {
        if (NationalAssembly().IsMatch(rest))
        {
            return new(DocumentNumberSystem.NationalAssembly, number, year, null, rest.ToUpperInvariant(), null);
        }

        var segments = rest.Split('-');
        if (segments.Length < 2 || TypeCode(segments[0], warnings) is not { } type)
        {
            warnings.Add(UnknownWarning);
            return DocumentNumberParts.Unknown;
        }

        if (!DocumentTypes.IsUsedBy(type, DocumentNumberSystem.StateLegal))
        {
            warnings.Add($"Type code {type} is not a legal normative type code, yet the number has a year");
        }

        return new(DocumentNumberSystem.StateLegal, number, year, type, Issuer(segments), null);
    }

    private static DocumentNumberParts ParseSlashFirst(int number, string[] segments, ICollection<string> warnings)
    {
        if (!DocumentTypes.TryCanonicalize(segments[0], out _, out _))
        {
            // No type code: a công văn, issuer then drafting unit.
            return segments[0].Any(char.IsLetter)
                ? new(DocumentNumberSystem.StateLetter, number, null, null, DocumentIssuers.Canonicalize(segments[0]), string.Join('-', segments[1..]).ToUpperInvariant())
                : Unknown(warnings);
        }

        var type = TypeCode(segments[0], warnings)!;
        var issuer = Issuer(segments);
        if (DocumentTypes.IsUsedBy(type, DocumentNumberSystem.Party) && DocumentIssuers.IsParty(issuer))
        {
            // News pages write 211-KH/HU as 211/KH-HU; keep the input, offer the Party form.
            var parts = new DocumentNumberParts(DocumentNumberSystem.Party, number, null, type, issuer, null);
            warnings.Add($"Party number written in the State layout; canonical form is {parts.Canonical(string.Empty)}");
            return parts;
        }

        if (DocumentTypes.IsUsedBy(type, DocumentNumberSystem.State))
        {
            return new(DocumentNumberSystem.State, number, null, type, issuer, null);
        }

        if (DocumentTypes.IsUsedBy(type, DocumentNumberSystem.StateLegal))
        {
            warnings.Add($"Legal normative type code {type} without a year");
            return new(DocumentNumberSystem.StateLegal, number, null, type, issuer, null);
        }

        warnings.Add($"Type code {type} is not a State type code (Decree 30/2020/NĐ-CP Appendix III)");
        return new(DocumentNumberSystem.State, number, null, type, issuer, null);
    }

    private static DocumentNumberParts Unknown(ICollection<string> warnings)
    {
        warnings.Add(UnknownWarning);
        return DocumentNumberParts.Unknown;
    }

    private static string? TypeCode(string segment, ICollection<string> warnings)
    {
        if (!DocumentTypes.TryCanonicalize(segment, out var canonical, out var readAsciiD))
        {
            return null;
        }

        if (readAsciiD)
        {
            warnings.Add($"Type code {segment} read as {canonical} (ASCII D typed for Đ)");
        }

        return canonical;
    }

    private static string Issuer(string[] segments) => DocumentIssuers.Canonicalize(string.Join('-', segments[1..]));

    private static int Number(Match match) => int.Parse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Year(Match match) => int.Parse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    // Codes are Latin letters (Đ included, lower case in mixed-case codes) and digits (QH15).
    private const string Segment = "[A-Za-zĐđ0-9]+";

    [GeneratedRegex($"^(?<number>[0-9]{{1,9}})/(?<year>[0-9]{{4}})/(?<rest>{Segment}(?:-{Segment})*)$", RegexOptions.CultureInvariant)]
    private static partial Regex WithYear();

    [GeneratedRegex($"^(?<number>[0-9]{{1,9}})/(?<rest>{Segment}(?:-{Segment})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashFirst();

    [GeneratedRegex($"^(?<number>[0-9]{{1,9}})-(?<type>{Segment})/(?<issuer>{Segment}(?:-{Segment})*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartyLayout();

    [GeneratedRegex("^(?<number>[0-9]{1,9})-(?<issuer>[A-Za-zĐđ]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyLayout();

    // Laws and resolutions of the National Assembly (QH15) and its Standing Committee (UBTVQH14).
    [GeneratedRegex("^(?:UBTV)?QH[0-9]{1,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalAssembly();
}
