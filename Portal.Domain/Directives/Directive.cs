using Portal.Domain.Common;

namespace Portal.Domain.Directives;

/// <summary>
/// An official document (văn bản chỉ đạo điều hành). Decree 42/2022/NĐ-CP art. 4.1.a requires a portal to show
/// its type (loại văn bản), issuing body (cơ quan ban hành), number and symbol (số ký hiệu), issue date
/// (ngày ban hành), effective date (ngày hiệu lực), abstract (trích yếu) and a downloadable file.
/// Document dates are calendar dates in Asia/Ho_Chi_Minh, stored as dates, never as instants.
/// </summary>
public sealed class Directive : IPublishable, ISearchable
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

    /// <summary>
    /// Cơ quan ban hành as printed on the document: a snapshot taken when the directive is written, never followed by
    /// renames of the catalogue entry (<see cref="Issuer"/>). A document was issued by the body under the name it had
    /// then — the name in its header and on its seal — so a later rename (or merger: see
    /// <see cref="IssuingBody"/>'s successor) must not rewrite what the published document says. Editors correct it
    /// by editing the directive; <see cref="IssuerId"/> keeps it linked to the catalogue entry for filtering.
    /// </summary>
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

    /// <summary>
    /// <see cref="Field"/> folded for search (<see cref="Text.VietnameseText.Fold"/>), null when there is none: what the
    /// directive list's <c>field</c> filter matches, so that it finds the lĩnh vực and nothing else of the document.
    /// </summary>
    public string? FieldSearch { get; set; }

    public ContentStatus Status { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public int Version { get; set; } = 1;

    public long ViewCount { get; set; }

    public string SearchText { get; set; } = "";

    /// <summary>
    /// The number's identity among its issuer's documents (<see cref="DirectiveUniqueness"/>), held by a unique
    /// index so that two concurrent creates cannot both take it; null once the directive is deleted.
    /// </summary>
    public string? UniquenessKey { get; set; }

    public List<DirectiveRelation> Relations { get; set; } = [];

    /// <summary>The document's files (Decree 42/2022/NĐ-CP art. 4.1.a: a downloadable file).</summary>
    public List<DirectiveAttachment> Attachments { get; set; } = [];

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
/// A file of a directive (the signed PDF, the Word original). The bytes and their metadata are a
/// <see cref="Media.MediaItem"/> of kind Document; this link says which directive it belongs to, so the media
/// catalogue stays one table for images and documents alike.
/// </summary>
public sealed class DirectiveAttachment
{
    public Guid DirectiveId { get; set; }

    /// <summary>The media item; also the attachment's id in URLs.</summary>
    public Guid MediaId { get; set; }

    public Media.MediaItem? Media { get; set; }

    /// <summary>When it was attached (UTC); attachments are listed in this order.</summary>
    public DateTime AddedAt { get; set; }
}
