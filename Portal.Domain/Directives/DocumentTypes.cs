using Portal.Domain.Text;

namespace Portal.Domain.Directives;

/// <summary>
/// Catalogue of document type codes used inside document numbers. State codes: Decree 30/2020/NĐ-CP
/// Appendix III (complete), plus the Circular 01/2011/TT-BNV codes it replaced on 05/03/2020.
/// Legal normative codes: the Law on Promulgation of Legal Documents. Party codes: Guidance 36-HD/VPTW (2018).
/// Codes are canonicalised from this table, never with ToUpper, and Đ is never folded to D in a code.
/// </summary>
public static class DocumentTypes
{
    /// <summary>Decree 30/2020/NĐ-CP took effect; the old codes GN, TTh, UQ, NP ended the day before.</summary>
    public static readonly DateOnly Decree30EffectiveDate = new(2020, 3, 5);

    /// <summary>Guidance 36-HD/VPTW (03/4/2018) gave the Party's Quy định its own code QĐi; before, it was QĐ.</summary>
    public static readonly DateOnly PartyRegulationCodeDate = new(2018, 4, 3);

    private const string Decree30 = "Decree 30/2020/NĐ-CP Appendix III";
    private const string Circular01 = "Circular 01/2011/TT-BNV (replaced by Decree 30/2020/NĐ-CP)";
    private const string LegalNormative = "Law on Promulgation of Legal Documents";
    private const string Guidance36 = "Guidance 36-HD/VPTW (2018)";

    private static readonly IReadOnlyList<DocumentNumberSystem> State = [DocumentNumberSystem.State];
    private static readonly IReadOnlyList<DocumentNumberSystem> Legal = [DocumentNumberSystem.StateLegal];
    private static readonly IReadOnlyList<DocumentNumberSystem> Party = [DocumentNumberSystem.Party];
    private static readonly IReadOnlyList<DocumentNumberSystem> StateAndParty = [DocumentNumberSystem.State, DocumentNumberSystem.Party];
    private static readonly IReadOnlyList<DocumentNumberSystem> Everywhere =
        [DocumentNumberSystem.State, DocumentNumberSystem.StateLegal, DocumentNumberSystem.Party];

    /// <summary>Every catalogue entry.</summary>
    public static IReadOnlyList<DocumentType> All { get; } =
    [
        new("NQ", "Nghị quyết", Everywhere, $"{Decree30}; {Guidance36}"),
        new("QĐ", "Quyết định", Everywhere, $"{Decree30}; {Guidance36}"),
        new("CT", "Chỉ thị", Everywhere, $"{Decree30}; {Guidance36}"),
        new("QC", "Quy chế", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("QyĐ", "Quy định", State, Decree30),
        new("TC", "Thông cáo", State, Decree30),
        new("TB", "Thông báo", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("HD", "Hướng dẫn", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("CTr", "Chương trình", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("KH", "Kế hoạch", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("PA", "Phương án", State, Decree30),
        new("ĐA", "Đề án", State, Decree30),
        new("DA", "Dự án", State, Decree30),
        new("BC", "Báo cáo", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("BB", "Biên bản", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("TTr", "Tờ trình", StateAndParty, $"{Decree30}; {Guidance36}"),
        new("HĐ", "Hợp đồng", State, Decree30),
        new("CĐ", "Công điện", State, Decree30),
        new("BGN", "Bản ghi nhớ", State, Decree30),
        new("BTT", "Bản thỏa thuận", State, Decree30),
        new("GUQ", "Giấy ủy quyền", State, Decree30),
        new("GM", "Giấy mời", State, Decree30),
        new("GGT", "Giấy giới thiệu", State, Decree30),
        new("GNP", "Giấy nghỉ phép", State, Decree30),
        new("PG", "Phiếu gửi", State, Decree30),
        new("PC", "Phiếu chuyển", State, Decree30),
        new("PB", "Phiếu báo", State, Decree30),
        new("SY", "Bản sao y", State, Decree30),
        new("TrS", "Bản trích sao", State, Decree30),
        new("SL", "Bản sao lục", State, Decree30),
        new("GN", "Bản ghi nhớ", State, Circular01, ValidBefore: Decree30EffectiveDate),
        new("TTh", "Bản thỏa thuận", State, Circular01, ValidBefore: Decree30EffectiveDate),
        new("UQ", "Giấy ủy quyền", State, Circular01, ValidBefore: Decree30EffectiveDate),
        new("NP", "Giấy nghỉ phép", State, Circular01, ValidBefore: Decree30EffectiveDate),
        new("NĐ", "Nghị định", Legal, LegalNormative),
        new("TT", "Thông tư", Legal, LegalNormative),
        new("TTLT", "Thông tư liên tịch", Legal, LegalNormative),
        new("NQLT", "Nghị quyết liên tịch", Legal, LegalNormative),
        new("VBHN", "Văn bản hợp nhất", Legal, LegalNormative),
        new("KL", "Kết luận", Party, Guidance36),
        new("QĐi", "Quy định", Party, Guidance36, ValidFrom: PartyRegulationCodeDate),
        new("QĐ", "Quy định", Party, Guidance36, ValidBefore: PartyRegulationCodeDate),
        new("CV", "Công văn", Party, Guidance36),
        new("TT", "Thông tri", Party, Guidance36),
    ];

    private static readonly Dictionary<string, string> CanonicalByCode =
        All.Select(t => t.Code).Distinct(StringComparer.Ordinal).ToDictionary(c => c, c => c, StringComparer.OrdinalIgnoreCase);

    // An ASCII spelling (QD for QĐ) is read only when exactly one code folds to it.
    private static readonly Dictionary<string, string> CanonicalByAsciiSpelling = All
        .Select(t => t.Code)
        .Distinct(StringComparer.Ordinal)
        .Where(c => c.Contains('Đ', StringComparison.Ordinal))
        .GroupBy(c => c.Replace('Đ', 'D'), StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() == 1 && !CanonicalByCode.ContainsKey(g.Key))
        .ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The canonical spelling of <paramref name="code"/> (any case: "qđ", "ttr", "QDI"), or null when
    /// it is not a type code. An ASCII "QD"/"ND"/"CD" reads as QĐ/NĐ/CĐ, but "HD" stays HD and "DA" stays DA.
    /// </summary>
    public static string? Canonicalize(string code) => TryCanonicalize(code, out var canonical, out _) ? canonical : null;

    /// <summary>Catalogue entries for <paramref name="code"/> (any case), empty when it is not a type code.</summary>
    public static IReadOnlyList<DocumentType> Find(string code) =>
        Canonicalize(code) is { } canonical
            ? All.Where(t => string.Equals(t.Code, canonical, StringComparison.Ordinal)).ToList()
            : [];

    /// <summary>
    /// The entry <paramref name="code"/> names in numbers of <paramref name="system"/> (TT: Thông tư in State numbers,
    /// Thông tri in Party ones), else its first entry; null when it is not a type code.
    /// </summary>
    public static DocumentType? For(string code, DocumentNumberSystem system)
    {
        var entries = Find(code);
        return entries.FirstOrDefault(t => t.IsUsedBy(system)) ?? (entries.Count > 0 ? entries[0] : null);
    }

    /// <summary>True when <paramref name="code"/> is a type code that numbers of <paramref name="system"/> carry.</summary>
    public static bool IsUsedBy(string code, DocumentNumberSystem system) => Find(code).Any(t => t.IsUsedBy(system));

    /// <summary>
    /// Whether a number's type code agrees with the document type it was declared as, on its issue date.
    /// <paramref name="declaredType"/> is a code ("QĐ", "QyĐ") or a name ("Quy định"). Agreement means both
    /// name the same kind of document: Party QĐ was also Quy định before 03/4/2018 (Guidance 36-HD/VPTW)
    /// and GN, TTh, UQ, NP stopped being State codes on 05/03/2020 (Decree 30/2020/NĐ-CP).
    /// Null when either side is not in the catalogue, so the caller cannot tell.
    /// </summary>
    public static bool? AgreesWith(string numberTypeCode, DocumentNumberSystem system, string declaredType, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(numberTypeCode);
        ArgumentNullException.ThrowIfNull(declaredType);
        var numberEntries = Find(numberTypeCode);
        var declaredKinds = DeclaredKinds(declaredType, issuedOn);
        if (numberEntries.Count == 0 || declaredKinds.Count == 0)
        {
            return null;
        }

        // A code from the wrong scheme (KL in a State number) still names a kind of document.
        var inSystem = numberEntries.Where(t => t.IsUsedBy(system)).ToList();
        var numberKinds = (inSystem.Count > 0 ? inSystem : numberEntries)
            .Where(t => t.IsValidOn(issuedOn))
            .Select(t => t.Name);
        return numberKinds.Any(declaredKinds.Contains);
    }

    internal static bool TryCanonicalize(string code, out string canonical, out bool readAsciiD)
    {
        ArgumentNullException.ThrowIfNull(code);
        readAsciiD = false;
        if (CanonicalByCode.TryGetValue(code, out var exact))
        {
            canonical = exact;
            return true;
        }

        if (CanonicalByAsciiSpelling.TryGetValue(code, out var ascii))
        {
            canonical = ascii;
            readAsciiD = true;
            return true;
        }

        canonical = string.Empty;
        return false;
    }

    private static HashSet<string> DeclaredKinds(string declaredType, DateOnly issuedOn)
    {
        var entries = Find(declaredType.Trim());
        if (entries.Count > 0)
        {
            // A declared code names a kind; use its meaning on the date, or any meaning it ever had.
            var valid = entries.Where(t => t.IsValidOn(issuedOn)).ToList();
            return (valid.Count > 0 ? valid : entries).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        }

        var folded = VietnameseText.Fold(declaredType);
        return All.Where(t => string.Equals(VietnameseText.Fold(t.Name), folded, StringComparison.Ordinal))
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
    }
}
