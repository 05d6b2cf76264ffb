using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>Builds the full directive representation: relations in both directions and derived validity.</summary>
internal static class DirectiveReader
{
    public static async Task<DirectiveResponse> ToResponseAsync(PortalDbContext db, Directive d, HitCounter hits, DateTimeOffset now, CancellationToken ct)
    {
        var relations = await RelationsAsync(db, d.Id, now.UtcDateTime, ct);
        var replaced = await db.DirectiveRelations.AnyAsync(r => r.ToId == d.Id && r.Kind == RelationKind.Replaces, ct);
        return new DirectiveResponse(
            d.Id, d.Number, d.NumberCanonical, d.NumberSystem,
            new DocumentTypeRef(d.TypeCode, d.TypeName),
            new IssuerRef(d.IssuerId, d.IssuerName, d.Issuer?.Code),
            d.IssuedOn, d.EffectiveOn, d.ExpiresOn,
            DirectiveQueries.ValidityOf(d.IssuedOn, d.EffectiveOn, d.ExpiresOn, replaced, VietnamTime.DateOf(now)),
            d.Abstract, d.ContentHtml, d.Signer, d.Field,
            Publication.StateAt(d.Status, d.PublishedAt, now.UtcDateTime), d.PublishedAt, d.CreatedAt, d.UpdatedAt,
            d.ViewCount + hits.PendingViews(d.Id, d.ViewCount), relations, d.Version);
    }

    /// <summary>Relations of <paramref name="id"/> to visible directives, outgoing first, then by issue date.</summary>
    public static async Task<IReadOnlyList<RelationResponse>> RelationsAsync(PortalDbContext db, Guid id, DateTime nowUtc, CancellationToken ct)
    {
        var visible = db.Directives.VisibleAt(nowUtc);
        var outgoing = await (
            from r in db.DirectiveRelations.AsNoTracking()
            where r.FromId == id
            join o in visible on r.ToId equals o.Id
            select new { r.Kind, Direction = RelationDirection.Outgoing, o.Id, o.Number, o.NumberCanonical, o.TypeName, o.IssuerName, o.IssuedOn, o.Abstract })
            .ToListAsync(ct);
        var incoming = await (
            from r in db.DirectiveRelations.AsNoTracking()
            where r.ToId == id
            join o in visible on r.FromId equals o.Id
            select new { r.Kind, Direction = RelationDirection.Incoming, o.Id, o.Number, o.NumberCanonical, o.TypeName, o.IssuerName, o.IssuedOn, o.Abstract })
            .ToListAsync(ct);
        return outgoing.Concat(incoming)
            .OrderBy(r => r.Direction).ThenByDescending(r => r.IssuedOn).ThenBy(r => r.Id)
            .Select(r => new RelationResponse(r.Kind, r.Direction, new DirectiveSummary(r.Id, r.Number, r.NumberCanonical, r.TypeName, r.IssuerName, r.IssuedOn, r.Abstract)))
            .ToList();
    }
}
