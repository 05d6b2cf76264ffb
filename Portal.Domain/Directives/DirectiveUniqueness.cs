using System.Globalization;
using Portal.Domain.Text;

namespace Portal.Domain.Directives;

/// <summary>
/// When two directives may not share a number. State numbers (and công văn, legal normative, legacy and
/// unrecognised ones) restart every calendar year for each issuer (Nghị định 30/2020/NĐ-CP art. 15 and Appendix I),
/// so the same number may recur in another year or from another body. Party numbers run from 01 for each type of
/// document through a committee's whole term (Hướng dẫn 36-HD/VPTW, 2018), and Portal does not record terms: a Party
/// number (its type code is part of it) is unique per issuer and calendar year. Within a term that is weaker than the
/// rule, never stricter in practice: a number recurs only after numbering restarts at a congress, and the new term's
/// numbers reach the old term's last ones of that same year only years later. Spellings that fold to the same search
/// key are one number.
/// <para>
/// The issuer is the cơ quan ban hành as printed on the document (<see cref="Directive.IssuerName"/>, folded: case and
/// marks do not count), whichever way the editor gave it: a catalogue id alone (the name is then the catalogue's), a
/// name alone, or both. Keying by the catalogue id when there was one and by the name otherwise let one document be
/// entered twice, once each way. The printed name is the document's own: renaming the catalogue entry later changes
/// no key. Two directives linked to one catalogue body under differently printed names are still one issuer; the
/// writer checks that as well (<c>DirectiveWriter.DuplicateAsync</c>).
/// </para>
/// </summary>
public static class DirectiveUniqueness
{
    /// <summary>The key a unique index holds: two directives with the same key are duplicates.</summary>
    /// <param name="number">The parsed number.</param>
    /// <param name="issuerName">The issuer's name as printed on the document (the catalogue name when only an id was given).</param>
    /// <param name="issuedOn">The issue date (a calendar date in Vietnam).</param>
    public static string KeyOf(DocumentNumber number, string issuerName, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(number);
        var issuer = "name:" + VietnameseText.Fold(issuerName ?? "");
        var period = issuedOn.Year.ToString(CultureInfo.InvariantCulture);
        var scheme = number.System == DocumentNumberSystem.Party ? "party" : "state";
        return string.Join('|', scheme, number.SearchKey, issuer, period);
    }

    /// <summary>
    /// The key of a directive that was stored as a duplicate before the rule caught it and has to give its key to the
    /// directive created first: unique to the directive, and no number has it. Its next save computes its real key again
    /// (and is a 409 while the other directive holds it).
    /// </summary>
    public static string HeldBackKeyOf(Guid directiveId) => "duplicate|" + directiveId.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Describes the period a number is unique in, for a 409's message.</summary>
    public static string PeriodOf(DocumentNumber number, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.System == DocumentNumberSystem.Party
            ? "in " + issuedOn.Year.ToString(CultureInfo.InvariantCulture) + " (Party numbers run per issuer and type through a committee term, Hướng dẫn 36-HD/VPTW)"
            : "in " + issuedOn.Year.ToString(CultureInfo.InvariantCulture) + " (State numbers restart every calendar year, Decree 30/2020/NĐ-CP)";
    }
}
