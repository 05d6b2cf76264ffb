namespace Portal.Domain.Directives;

/// <summary>
/// A document number (số ký hiệu) as entered, with its parsed parts, canonical form, search key and
/// warnings. Schemes: State and công văn (Decree 30/2020/NĐ-CP Appendix I, III), Party (Guidance
/// 36-HD/VPTW, 2018), National Assembly, legacy. Anything else is kept as entered with a warning,
/// never rejected. Two values are equal when their raw text is: every other member derives from it.
/// </summary>
public sealed record DocumentNumber
{
    private DocumentNumber(string raw, string normalized, DocumentNumberParts parts, IReadOnlyList<string> warnings)
    {
        Raw = raw;
        System = parts.System;
        Number = parts.Number;
        Year = parts.Year;
        Type = parts.Type;
        Issuer = parts.Issuer;
        Unit = parts.Unit;
        Canonical = parts.Canonical(normalized);
        SearchKey = parts.SearchKey(normalized);
        Warnings = warnings;
    }

    /// <summary>The text exactly as entered.</summary>
    public string Raw { get; }

    /// <summary>The scheme the number follows.</summary>
    public DocumentNumberSystem System { get; }

    /// <summary>The running number (211 in 211/KH-UBND), unless unknown.</summary>
    public int? Number { get; }

    /// <summary>The year of a legal normative or National Assembly number (2020 in 30/2020/NĐ-CP).</summary>
    public int? Year { get; }

    /// <summary>The canonical type code (KH, QĐ, QĐi, TTr), or null for công văn, National Assembly, legacy and unknown.</summary>
    public string? Type { get; }

    /// <summary>The issuer code(s), joint issuers joined by '-': UBND, CP, TW, BTCTU-BDVTU, QH15, HĐBT.</summary>
    public string? Issuer { get; }

    /// <summary>The drafting unit of a công văn (VX in 2457/UBND-VX).</summary>
    public string? Unit { get; }

    /// <summary>The canonical string (08-QĐi/TW, 211/KH-UBND); for an unknown number, the normalised input.</summary>
    public string Canonical { get; }

    /// <summary>Lower case, no marks, đ → d, no separators, number unpadded: 211/KH-HU, 211-KH/HU and "211 kh hu" give "211khhu".</summary>
    public string SearchKey { get; }

    /// <summary>What was corrected or could not be checked, in English, for the editor.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Parses a document number. Rejects only text no number can hold: empty, over 100 characters,
    /// line breaks, control characters, <c>&lt;</c>, <c>&gt;</c>, <c>"</c>.
    /// </summary>
    public static DocumentNumberParse Parse(string? input)
    {
        if (DocumentNumberNormalizer.Reject(input) is { } error)
        {
            return DocumentNumberParse.Failure(error);
        }

        var warnings = new List<string>();
        var normalized = DocumentNumberNormalizer.Normalize(input!, warnings);
        var parts = DocumentNumberParser.Parse(normalized, warnings);
        return DocumentNumberParse.Success(new DocumentNumber(input!, normalized, parts, warnings.AsReadOnly()));
    }

    /// <summary>The search key for text typed in a search box ("211 kh hu"), matching <see cref="SearchKey"/>.</summary>
    public static string SearchKeyOf(string? query)
    {
        var parse = Parse(query);
        return parse.Succeeded ? parse.Number.SearchKey : DocumentNumberParts.KeyOf(query ?? string.Empty);
    }

    /// <summary>
    /// Whether this number's type code agrees with the declared document type on the issue date
    /// (see <see cref="DocumentTypes.AgreesWith"/>); null when the number carries no type code or
    /// the declared type is not in the catalogue.
    /// </summary>
    public bool? TypeAgreesWith(string declaredType, DateOnly issuedOn) =>
        Type is null ? null : DocumentTypes.AgreesWith(Type, System, declaredType, issuedOn);

    /// <inheritdoc />
    public bool Equals(DocumentNumber? other) =>
        other is not null && string.Equals(Raw, other.Raw, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Raw);

    /// <summary>The canonical string.</summary>
    public override string ToString() => Canonical;
}
