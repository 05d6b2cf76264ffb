using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>
/// A directive (văn bản) with the fields Decree 42/2022/NĐ-CP art. 4.1.a requires a portal to show. Dates are
/// calendar dates in Asia/Ho_Chi_Minh (<c>YYYY-MM-DD</c>); instants are UTC.
/// </summary>
/// <param name="Id">Opaque id.</param>
/// <param name="Number">Số ký hiệu as entered, e.g. "211/KH-HU".</param>
/// <param name="NumberCanonical">Canonical form, e.g. "211-KH/HU" (Party layout, Guidance 36-HD/VPTW).</param>
/// <param name="NumberSystem">state, state-legal, state-letter, national-assembly, party, legacy or unknown.</param>
/// <param name="NumberWarnings">What the parser noticed about the number as entered, e.g. a Party number written in the State layout (empty when none).</param>
/// <param name="Type">Loại văn bản: code and name.</param>
/// <param name="Issuer">Cơ quan ban hành.</param>
/// <param name="IssuedOn">Ngày ban hành.</param>
/// <param name="EffectiveOn">Ngày hiệu lực, or null.</param>
/// <param name="ExpiresOn">Expiry date, or null.</param>
/// <param name="Validity">Derived at read time: inForce, notYetInForce, expired or replaced.</param>
/// <param name="Abstract">Trích yếu.</param>
/// <param name="ContentHtml">Sanitised HTML content, or null.</param>
/// <param name="Signer">Người ký.</param>
/// <param name="Field">Lĩnh vực.</param>
/// <param name="Status">draft, scheduled, published or archived.</param>
/// <param name="PublishedAt">Publish instant (UTC).</param>
/// <param name="CreatedAt">Creation instant (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
/// <param name="ViewCount">Page views counted so far.</param>
/// <param name="Relations">Links to other directives in both directions.</param>
/// <param name="Attachments">The document's files, oldest first.</param>
/// <param name="Version">Content revision; the ETag is derived from it.</param>
public sealed record DirectiveResponse(
    Guid Id,
    string Number,
    string NumberCanonical,
    string NumberSystem,
    IReadOnlyList<string> NumberWarnings,
    DocumentTypeRef Type,
    IssuerRef Issuer,
    DateOnly IssuedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    Validity Validity,
    string Abstract,
    string? ContentHtml,
    string? Signer,
    string? Field,
    PublicationState Status,
    DateTime? PublishedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long ViewCount,
    IReadOnlyList<RelationResponse> Relations,
    IReadOnlyList<AttachmentResponse> Attachments,
    int Version) : IVersioned;

/// <summary>A directive in a list: no content, no relations; <c>status</c> tells editors' drafts apart.</summary>
public sealed record DirectiveListItem(
    Guid Id,
    string Number,
    string NumberCanonical,
    DocumentTypeRef Type,
    IssuerRef Issuer,
    DateOnly IssuedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    Validity Validity,
    string Abstract,
    string? Field,
    PublicationState Status,
    DateTime? PublishedAt);

/// <summary>Loại văn bản, e.g. { "code": "KH", "name": "Kế hoạch" }.</summary>
public sealed record DocumentTypeRef(string Code, string Name);

/// <summary>
/// Cơ quan ban hành. <c>name</c> is the name printed on the document, as it was issued: renaming the catalogue entry
/// later does not change it. <c>id</c> and <c>code</c> identify the catalogue entry today (null when the directive
/// names no catalogue entry), for links and the list's <c>issuer</c> filter.
/// </summary>
public sealed record IssuerRef(Guid? Id, string Name, string? Code);

/// <summary>
/// A link to another directive. <c>direction</c> is <c>outgoing</c> when this directive is the subject
/// ("this implements that") and <c>incoming</c> when the other one is ("that implements this").
/// </summary>
public sealed record RelationResponse(RelationKind Kind, RelationDirection Direction, DirectiveSummary Directive);

/// <summary>Which end of a relation the directive being read is on.</summary>
public enum RelationDirection
{
    Outgoing,
    Incoming,
}

/// <summary>A short directive reference in relations.</summary>
public sealed record DirectiveSummary(Guid Id, string Number, string NumberCanonical, string TypeName, string IssuerName, DateOnly IssuedOn, string Abstract);

/// <summary>Hiệu lực, derived from dates and relations at read time, never stored.</summary>
public enum Validity
{
    InForce,
    NotYetInForce,
    Expired,
    Replaced,
}

/// <summary>A file of a directive (Decree 42/2022/NĐ-CP art. 4.1.a: the document must be downloadable).</summary>
/// <param name="Id">Attachment id (the media item's id).</param>
/// <param name="FileName">The uploader's file name, Vietnamese intact, e.g. "Kế hoạch 211-KH-HU.pdf".</param>
/// <param name="ContentType">Detected from the bytes: application/pdf, application/msword, DOCX or ODT.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes; also the download's ETag.</param>
/// <param name="Url">Where to download it.</param>
public sealed record AttachmentResponse(Guid Id, string FileName, string ContentType, long Length, string Sha256, string Url)
{
    /// <summary>The download URL of attachment <paramref name="attachmentId"/> of directive <paramref name="directiveId"/>.</summary>
    public static string UrlOf(Guid directiveId, Guid attachmentId) => $"/api/v1/directives/{directiveId}/attachments/{attachmentId}";
}
