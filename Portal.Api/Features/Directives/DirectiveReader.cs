using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>Builds the full directive representation: relations in both directions, attachments and derived validity.</summary>
internal static class DirectiveReader
{
    public static IQueryable<Directive> Load(IQueryable<Directive> directives) => directives.AsNoTracking().Include(d => d.Issuer);

    /// <summary>Any directive that is not deleted, whatever its status, as an editor sees it; null when there is none.</summary>
    public static async Task<DirectiveResponse?> ForEditorAsync(PortalDbContext db, Guid id, HitCounter hits, DateTimeOffset now, CancellationToken ct)
    {
        var directive = await Load(db.Directives.ReadableBy(editor: true, now.UtcDateTime)).FirstOrDefaultAsync(d => d.Id == id, ct);
        return directive is null ? null : await ToResponseAsync(db, directive, editor: true, hits, now, ct);
    }

    /// <summary>
    /// What the parser noticed about the number, plus, for a number outside every known scheme, that the declared type
    /// went unchecked. The type code a number carries is checked against the declared type on every write (422 when they
    /// disagree); a number Portal cannot read has no type code to check, and such numbers are accepted on purpose (old
    /// documents, bodies outside Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW), so the editor is told instead —
    /// in the response to the write and in every later read.
    /// </summary>
    public static IReadOnlyList<string> NumberWarnings(string number, string typeCode, string typeName)
    {
        if (DocumentNumber.Parse(number).Number is not { } parsed)
        {
            return [];
        }

        return parsed.System == DocumentNumberSystem.Unknown
            ? [.. parsed.Warnings, $"The number carries no type code Portal can read, so the declared type {typeCode} ({typeName}) was not checked against it; compare it with the signed document."]
            : parsed.Warnings;
    }

    /// <summary>The representation of <paramref name="d"/>; editors also see relations to directives not yet published.</summary>
    public static async Task<DirectiveResponse> ToResponseAsync(PortalDbContext db, Directive d, bool editor, HitCounter hits, DateTimeOffset now, CancellationToken ct)
    {
        var relations = await RelationsAsync(db, d.Id, editor, now.UtcDateTime, ct);
        var replaced = await db.ReplacedIds(now.UtcDateTime).AnyAsync(r => r == d.Id, ct);
        var attachments = await AttachmentsAsync(db, d.Id, ct);
        var state = Publication.StateAt(d.Status, d.PublishedAt, now.UtcDateTime);
        return new DirectiveResponse(
            d.Id, d.Number, d.NumberCanonical, d.NumberSystem, NumberWarnings(d.Number, d.TypeCode, d.TypeName),
            new DocumentTypeRef(d.TypeCode, d.TypeName),
            new IssuerRef(d.IssuerId, d.IssuerName, d.Issuer?.Code),
            d.IssuedOn, d.EffectiveOn, d.ExpiresOn,
            DirectiveQueries.ValidityOf(d.IssuedOn, d.EffectiveOn, d.ExpiresOn, replaced, VietnamTime.DateOf(now)),
            d.Abstract, d.ContentHtml, d.Signer, d.Field,
            state, d.PublishedAt, d.CreatedAt, d.UpdatedAt,
            d.ViewCount + hits.PendingViews(d.Id, d.ViewCount, state), relations, attachments, d.Version);
    }

    /// <summary>Relations of <paramref name="id"/> to directives the caller may read, outgoing first, then by issue date.</summary>
    public static async Task<IReadOnlyList<RelationResponse>> RelationsAsync(PortalDbContext db, Guid id, bool editor, DateTime nowUtc, CancellationToken ct)
    {
        var readable = db.Directives.ReadableBy(editor, nowUtc);
        var outgoing = await (
            from r in db.DirectiveRelations.AsNoTracking()
            where r.FromId == id
            join o in readable on r.ToId equals o.Id
            select new { r.Kind, Direction = RelationDirection.Outgoing, o.Id, o.Number, o.NumberCanonical, o.TypeName, o.IssuerName, o.IssuedOn, o.Abstract })
            .ToListAsync(ct);
        var incoming = await (
            from r in db.DirectiveRelations.AsNoTracking()
            where r.ToId == id
            join o in readable on r.FromId equals o.Id
            select new { r.Kind, Direction = RelationDirection.Incoming, o.Id, o.Number, o.NumberCanonical, o.TypeName, o.IssuerName, o.IssuedOn, o.Abstract })
            .ToListAsync(ct);
        return outgoing.Concat(incoming)
            .OrderBy(r => r.Direction).ThenByDescending(r => r.IssuedOn).ThenBy(r => r.Id)
            .Select(r => new RelationResponse(r.Kind, r.Direction, new DirectiveSummary(r.Id, r.Number, r.NumberCanonical, r.TypeName, r.IssuerName, r.IssuedOn, r.Abstract)))
            .ToList();
    }

    /// <summary>The directive's files, in the order they were attached.</summary>
    public static async Task<IReadOnlyList<AttachmentResponse>> AttachmentsAsync(PortalDbContext db, Guid directiveId, CancellationToken ct)
    {
        var media = await db.DirectiveAttachments.AsNoTracking()
            .Where(a => a.DirectiveId == directiveId)
            .OrderBy(a => a.AddedAt).ThenBy(a => a.MediaId)
            .Select(a => a.Media!)
            .ToListAsync(ct);
        return media.Select(m => ToAttachment(directiveId, m)).ToList();
    }

    public static AttachmentResponse ToAttachment(Guid directiveId, Portal.Domain.Media.MediaItem m) =>
        new(m.Id, m.FileName, m.ContentType, m.Length, m.Sha256, AttachmentResponse.UrlOf(directiveId, m.Id));
}

/// <summary>A directive as an editor's GET answers it now: what If-Match on its writes is compared with.</summary>
internal sealed class CurrentDirective(PortalDbContext db, HitCounter hits, TimeProvider clock) : Infrastructure.ICurrentRepresentation<Domain.Directives.Directive>
{
    public async Task<object?> OfAsync(Domain.Directives.Directive item, CancellationToken ct) =>
        await DirectiveReader.ForEditorAsync(db, item.Id, hits, clock.GetUtcNow(), ct);
}
