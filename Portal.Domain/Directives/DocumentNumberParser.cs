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

    public const string JoinedWarning = "Spaces inside a code removed";

    public static DocumentNumberParts Parse(string text, ICollection<string> warnings)
    {
        var parts = ParseLayout(text, warnings);
        if (parts.System != DocumentNumberSystem.Unknown || !SpaceInsideCode().IsMatch(text))
        {
            return parts;
        }

        // "23/2015/TTLT-BGD ĐT-BNV": a code broken by a space, as pages retype the number. Read joined only when the
        // joined text fits a scheme; otherwise keep the first reading (unknown, stored as entered).
        var retry = new List<string>();
        var joined = ParseLayout(SpaceInsideCode().Replace(text, string.Empty), retry);
        if (joined.System == DocumentNumberSystem.Unknown)
        {
            return parts;
        }

        warnings.Remove(UnknownWarning);
        warnings.Add(JoinedWarning);
        foreach (var warning in retry)
        {
            warnings.Add(warning);
        }

        return joined;
    }

    private static DocumentNumberParts ParseLayout(string text, ICollection<string> warnings)
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

            return new(DocumentNumberSystem.Party, Number(party), null, partyType, Issuer(party.Groups["issuer"].Value, warnings), null);
        }

        if (LegacyLayout().Match(text) is { Success: true } legacy
            && !DocumentTypes.TryCanonicalize(legacy.Groups["issuer"].Value, out _, out _))
        {
            return new(DocumentNumberSystem.Legacy, Number(legacy), null, null, Issuer(legacy.Groups["issuer"].Value, warnings), null);
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

        return new(DocumentNumberSystem.StateLegal, number, year, type, Issuer(segments, warnings), null);
    }

    private static DocumentNumberParts ParseSlashFirst(int number, string[] segments, ICollection<string> warnings)
    {
        if (!DocumentTypes.TryCanonicalize(segments[0], out _, out _))
        {
            // No type code: a công văn, issuer then drafting unit.
            return segments[0].Any(char.IsLetter)
                ? new(DocumentNumberSystem.StateLetter, number, null, null, Issuer(segments[0], warnings), string.Join('-', segments[1..]).ToUpperInvariant())
                : Unknown(warnings);
        }

        var type = TypeCode(segments[0], warnings)!;
        var issuer = Issuer(segments, warnings);
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

    private static string Issuer(string[] segments, ICollection<string> warnings) => Issuer(string.Join('-', segments[1..]), warnings);

    private static string Issuer(string issuer, ICollection<string> warnings)
    {
        var canonical = DocumentIssuers.Canonicalize(issuer);
        if (DocumentIssuers.ReadsUAsW(issuer))
        {
            warnings.Add($"Issuer {issuer} read as {canonical} (Ư typed for W in TW, Trung ương)");
        }

        return canonical;
    }

    private static int Number(Match match) => int.Parse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Year(Match match) => int.Parse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    // Codes are Latin letters (Đ included, lower case in mixed-case codes; Ư as typed in TƯ for TW) and digits (QH15);
    // older ministry codes join words with '&' (BGD&ĐT, BLĐTB&XH, BNN&PTNT), never at either end.
    private const string Letters = "[A-Za-zĐđƯư0-9]+";
    private const string Segment = Letters + "(?:&" + Letters + ")*";

    [GeneratedRegex($"^(?<number>[0-9]{{1,9}})/(?<year>[0-9]{{4}})/(?<rest>{Segment}(?:-{Segment})*)$", RegexOptions.CultureInvariant)]
    private static partial Regex WithYear();

    [GeneratedRegex($"^(?<number>[0-9]{{1,9}})/(?<rest>{Segment}(?:-{Segment})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashFirst();

    [GeneratedRegex($"^(?<number>[0-9]{{1,9}})-(?<type>{Segment})/(?<issuer>{Segment}(?:-{Segment})*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartyLayout();

    [GeneratedRegex("^(?<number>[0-9]{1,9})-(?<issuer>[A-Za-zĐđ]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyLayout();

    // A space between two letters of a code (the normaliser already took the spaces around '/' and '-').
    [GeneratedRegex(@"(?<=[/-][^ ]*[A-Za-zĐđƯư&]) (?=[A-Za-zĐđƯư&])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceInsideCode();

    // Laws and resolutions of the National Assembly (QH15) and its Standing Committee (UBTVQH14).
    [GeneratedRegex("^(?:UBTV)?QH[0-9]{1,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalAssembly();
}
