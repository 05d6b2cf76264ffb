using System.Globalization;
using Portal.Domain.Text;

namespace Portal.Domain.Directives;

/// <summary>
/// When two directives may not share a number. State numbers (and công văn, legal normative, legacy and
/// unrecognised ones) restart every calendar year for each issuer (Decree 30/2020/NĐ-CP art. 15 and Appendix I),
/// so the same number may recur in another year or from another body. Party numbers run per issuer, type and
/// committee term (Guidance 36-HD/VPTW); Portal does not know terms yet, so a Party number is unique per issuer
/// and issue date — the type is part of the number. Spellings that fold to the same search key are one number.
/// </summary>
public static class DirectiveUniqueness
{
    /// <summary>The key a unique index holds: two directives with the same key are duplicates.</summary>
    /// <param name="number">The parsed number.</param>
    /// <param name="issuerId">The catalogue issuer, when known.</param>
    /// <param name="issuerName">The printed issuer name, used when there is no catalogue issuer.</param>
    /// <param name="issuedOn">The issue date (a calendar date in Vietnam).</param>
    public static string KeyOf(DocumentNumber number, Guid? issuerId, string issuerName, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(number);
        var issuer = issuerId is { } id ? id.ToString("N") : "name:" + VietnameseText.Fold(issuerName ?? "");
        var period = number.System == DocumentNumberSystem.Party
            ? issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : issuedOn.Year.ToString(CultureInfo.InvariantCulture);
        var scheme = number.System == DocumentNumberSystem.Party ? "party" : "state";
        return string.Join('|', scheme, number.SearchKey, issuer, period);
    }

    /// <summary>Describes the period a number is unique in, for a 409's message.</summary>
    public static string PeriodOf(DocumentNumber number, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.System == DocumentNumberSystem.Party
            ? "on " + issuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " (Party numbers run per issuer, type and term)"
            : "in " + issuedOn.Year.ToString(CultureInfo.InvariantCulture) + " (State numbers restart every calendar year, Decree 30/2020/NĐ-CP)";
    }
}
