namespace Portal.Domain.Directives;

/// <summary>
/// One entry of the type-code catalogue (<see cref="DocumentTypes"/>): a code as its table spells it
/// (<c>QyĐ</c>, <c>CTr</c>, <c>QĐi</c>), the Vietnamese name of the document type, the numbering systems
/// that use it, the rule it comes from, and — for codes that changed — the dates it was valid.
/// The same code may appear twice with different names (Party <c>TT</c> is Thông tri, State <c>TT</c> Thông tư).
/// </summary>
/// <param name="Code">Canonical code, mixed case as in the source table.</param>
/// <param name="Name">Vietnamese name of the document type, e.g. "Kế hoạch".</param>
/// <param name="Systems">Numbering systems whose numbers carry this code.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="ValidFrom">First day the code had this meaning, when it has a start.</param>
/// <param name="ValidBefore">Day the code stopped having this meaning (exclusive), when it has an end.</param>
public sealed record DocumentType(
    string Code,
    string Name,
    IReadOnlyList<DocumentNumberSystem> Systems,
    string Source,
    DateOnly? ValidFrom = null,
    DateOnly? ValidBefore = null)
{
    /// <summary>True when numbers of <paramref name="system"/> use this code.</summary>
    public bool IsUsedBy(DocumentNumberSystem system) => Systems.Contains(system);

    /// <summary>True when the code had this meaning on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is not { } from || date >= from) && (ValidBefore is not { } before || date < before);
}
