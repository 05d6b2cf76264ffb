using System.Text.RegularExpressions;

namespace Portal.Domain.Directives;

/// <summary>
/// Issuer codes inside document numbers: their canonical casing, and which of them are Party bodies
/// (DOMAIN.md "Document numbers"; Guidance 36-HD/VPTW for the Party committees and advisory bodies).
/// </summary>
public static partial class DocumentIssuers
{
    // Issuer codes whose canonical spelling is not all capitals; everything else is an upper-case abbreviation.
    private static readonly Dictionary<string, string> MixedCase = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TTg"] = "TTg",
        ["ThU"] = "ThU",
    };

    private static readonly HashSet<string> PartyCommittees = new(StringComparer.OrdinalIgnoreCase)
    {
        "TW", "TU", "HU", "QU", "ThU", "ĐU", "ĐUK", "CB", "BCSĐ", "ĐĐ", "ĐH",
    };

    /// <summary>Canonical spelling of each dash-separated part of an issuer ("btctu-bdvtu" → "BTCTU-BDVTU").</summary>
    public static string Canonicalize(string issuer) =>
        string.Join('-', issuer.Split('-').Select(CanonicalizePart));

    /// <summary>True when every part of the issuer is a Party committee or one of its advisory bodies.</summary>
    public static bool IsParty(string issuer) =>
        issuer.Split('-').All(part => PartyCommittees.Contains(part) || PartyAdvisoryBody().IsMatch(part));

    /// <summary>
    /// True when the issuer spells Trung ương's TW as typed on a Vietnamese keyboard, TƯ (<c>05-CT/TƯ</c>,
    /// <c>VPTƯ</c>): Telex and VNI turn a typed W into Ư, so the code reads as TW with a warning.
    /// </summary>
    public static bool ReadsUAsW(string issuer) => issuer.Contains("TƯ", StringComparison.OrdinalIgnoreCase);

    private static string CanonicalizePart(string part)
    {
        part = part.Replace("TƯ", "TW", StringComparison.OrdinalIgnoreCase);
        if (MixedCase.TryGetValue(part, out var known))
        {
            return known;
        }

        // Advisory bodies of a town committee keep the committee's mixed case: VPThU, BTGThU.
        var match = PartyAdvisoryBody().Match(part);
        if (match.Success && string.Equals(match.Groups["committee"].Value, "ThU", StringComparison.OrdinalIgnoreCase))
        {
            return match.Groups["body"].Value.ToUpperInvariant() + "ThU";
        }

        return part.ToUpperInvariant();
    }

    // Văn phòng, Ban Tuyên giáo (và Dân vận), Ban Tổ chức, Ban Dân vận, Ban Nội chính, Ủy ban Kiểm tra
    // of the Central, provincial, district, town or Party-bloc committees: VPTW, BTGTU, VPHU, UBKTĐU.
    [GeneratedRegex("^(?<body>VP|BTGDV|BTG|BTC|BDV|BNC|UBKT)(?<committee>TW|TU|HU|QU|ThU|ĐUK|ĐU)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartyAdvisoryBody();
}
