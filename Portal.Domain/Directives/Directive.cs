using Portal.Domain.Common;

namespace Portal.Domain.Directives;

/// <summary>
/// An official document (văn bản chỉ đạo điều hành). Decree 42/2022/NĐ-CP art. 4.1.a requires a portal to show
/// its type (loại văn bản), issuing body (cơ quan ban hành), number and symbol (số ký hiệu), issue date
/// (ngày ban hành), effective date (ngày hiệu lực), abstract (trích yếu) and a downloadable file.
/// Document dates are calendar dates in Asia/Ho_Chi_Minh, stored as dates, never as instants.
/// </summary>
public sealed class Directive : IPublishable
{
    public Guid Id { get; set; }

    /// <summary>The số ký hiệu exactly as entered, e.g. "211/KH-HU".</summary>
    public string Number { get; set; } = "";

    /// <summary>The canonical form of the number, e.g. "211-KH/HU" for a Party plan written State-style.</summary>
    public string NumberCanonical { get; set; } = "";

    /// <summary>Folded key (lower case, đ→d, no separators) so any written form finds the document.</summary>
    public string NumberKey { get; set; } = "";

    /// <summary>Numbering scheme: state, state-legal, state-letter, national-assembly, party, legacy or unknown.</summary>
    public string NumberSystem { get; set; } = "";

    /// <summary>Type code as in the number's table casing (KH, CT, QĐ, QyĐ…).</summary>
    public string TypeCode { get; set; } = "";

    /// <summary>Type name (loại văn bản), e.g. "Kế hoạch".</summary>
    public string TypeName { get; set; } = "";

    public Guid? IssuerId { get; set; }

    public IssuingBody? Issuer { get; set; }

    /// <summary>Issuing body's name as printed (cơ quan ban hành), kept even if the catalogue entry is renamed.</summary>
    public string IssuerName { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Trích yếu: the one-sentence abstract.</summary>
    public string Abstract { get; set; } = "";

    /// <summary>Sanitised HTML content (e.g. the plan's tasks).</summary>
    public string? ContentHtml { get; set; }

    /// <summary>Người ký.</summary>
    public string? Signer { get; set; }

    /// <summary>Lĩnh vực.</summary>
    public string? Field { get; set; }

    public ContentStatus Status { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public int Version { get; set; } = 1;

    public long ViewCount { get; set; }

    public string SearchText { get; set; } = "";

    public List<DirectiveRelation> Relations { get; set; } = [];

    public bool IsVisibleAt(DateTime nowUtc) => DeletedAt is null && Status == ContentStatus.Published && PublishedAt <= nowUtc;
}

/// <summary>How one document relates to another (<see cref="Directive.Relations"/> holds the outgoing ones).</summary>
public enum RelationKind
{
    /// <summary>Triển khai thực hiện: e.g. a district plan implementing a Politburo directive.</summary>
    Implements,

    /// <summary>Sửa đổi, bổ sung.</summary>
    Amends,

    /// <summary>Thay thế: the target is no longer in force.</summary>
    Replaces,

    /// <summary>Hướng dẫn.</summary>
    Guides,
}

/// <summary>A directed link between two directives.</summary>
public sealed class DirectiveRelation
{
    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    public Directive? To { get; set; }

    public RelationKind Kind { get; set; }
}

/// <summary>
/// A cơ quan ban hành. Bodies have validity periods: districts were abolished in the 2025 local-government
/// reform and some provinces merged, so a body may end and name a successor while its documents survive.
/// </summary>
public sealed class IssuingBody
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Code as used in numbers, e.g. "HU", "TW", "UBND".</summary>
    public string Code { get; set; } = "";

    /// <summary>central, province, district or commune.</summary>
    public string Level { get; set; } = "";

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public Guid? SuccessorId { get; set; }
}
