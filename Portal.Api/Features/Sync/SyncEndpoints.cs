using System.ComponentModel.DataAnnotations;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Articles;
using Portal.Api.Features.Directives;
using Portal.Api.Features.Hits;
using Portal.Api.Features.Settings;
using Portal.Api.Infrastructure;
using Portal.Domain.Settings;
using Portal.Domain.Sync;

namespace Portal.Api.Features.Sync;

/// <summary>Delta-sync parameters.</summary>
/// <param name="Cursor">The nextCursor of the previous page; omit to start from the beginning.</param>
/// <param name="Types">Comma-separated subset of article, directive, settings; default all.</param>
/// <param name="Limit">Change records scanned per page, 1-500, default 100.</param>
public sealed record SyncQuery(
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "types")] string? Types,
    [FromQuery(Name = "limit")][Range(1, SyncEndpoints.MaxLimit)] int? Limit);

/// <summary>/api/v1/sync — delta sync over articles, directives and settings, for integrators.</summary>
internal static class SyncEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    private static readonly string[] Types = [ContentEvents.ArticleType, ContentEvents.DirectiveType, ContentEvents.SettingsType];

    public static IEndpointRouteBuilder MapSync(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sync", Get)
            .WithTags("Sync")
            .WithName("Sync")
            .WithSummary("Delta sync: what changed in the public view since a cursor")
            .WithDescription("No cursor: pages through every change from the beginning, so a new client ends up with the whole published state. With a cursor: only what changed since, including tombstones for items unpublished, archived or deleted — also when filtered by type. Each item appears once per page at its latest change. Built on a monotonic change sequence written in the same transaction as each change.")
            .WithETag();
        return app;
    }

    public static async Task<Results<Ok<SyncPage>, ValidationProblem>> Get(
        [AsParameters] SyncQuery query, PortalDbContext db, TimeProvider clock, HitCounter hits, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var after = ParseCursor(query.Cursor, errors);
        var wanted = ParseTypes(query.Types, errors);
        var limit = query.Limit;
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"'limit' must be between 1 and {MaxLimit}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNow();
        await ChangeLog.MaterializeDueAsync(db, now.UtcDateTime, ct);
        var snapshot = await db.Changes.MaxAsync(c => (long?)c.Seq, ct) ?? 0;
        var take = limit ?? DefaultLimit;
        var rows = await db.Changes.AsNoTracking()
            .Where(c => c.Seq > after && c.Seq <= snapshot && wanted.Contains(c.EntityType))
            .OrderBy(c => c.Seq).Take(take + 1).ToListAsync(ct);
        var hasMore = rows.Count > take;
        rows = rows.Take(take).ToList();
        var next = hasMore ? rows[^1].Seq : snapshot;

        // An item changed again later (up to the snapshot) is delivered at its latest change only.
        var ids = rows.Select(r => r.EntityId).Distinct().ToList();
        var latest = await db.Changes.AsNoTracking()
            .Where(c => c.Seq <= snapshot && ids.Contains(c.EntityId))
            .GroupBy(c => new { c.EntityType, c.EntityId })
            .Select(g => new { g.Key.EntityType, g.Key.EntityId, Seq = g.Max(c => c.Seq) })
            .ToListAsync(ct);
        var items = new List<SyncItem>();
        foreach (var row in rows.Where(r => latest.Any(l => l.EntityType == r.EntityType && l.EntityId == r.EntityId && l.Seq == r.Seq)))
        {
            if (await ItemAsync(db, row, hits, now, ct) is { } item)
            {
                items.Add(item);
            }
        }

        return TypedResults.Ok(new SyncPage(items, FormatCursor(next), hasMore));
    }

    private static async Task<SyncItem?> ItemAsync(PortalDbContext db, ChangeRecord row, HitCounter hits, DateTimeOffset now, CancellationToken ct)
    {
        if (row.Action == ChangeAction.Remove)
        {
            return new SyncItem(row.Seq, SyncKind.Tombstone, row.EntityType, row.EntityId, row.At, row.Reason, null, null, null);
        }

        // The current public representation; an item that has since left the public view is covered by a later change.
        var nowUtc = now.UtcDateTime;
        switch (row.EntityType)
        {
            case ContentEvents.ArticleType:
                var article = await ArticleRepresentation.ByIdAsync(db, Guid.Parse(row.EntityId), editor: false, hits, nowUtc, ct);
                return article is null ? null : Upsert(row) with { Article = article };
            case ContentEvents.DirectiveType:
                var directive = await db.Directives.AsNoTracking().VisibleAt(nowUtc).Include(d => d.Issuer).FirstOrDefaultAsync(d => d.Id == Guid.Parse(row.EntityId), ct);
                return directive is null ? null : Upsert(row) with { Directive = await DirectiveReader.ToResponseAsync(db, directive, editor: false, hits, now, ct) };
            default:
                var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
                if (settings is null)
                {
                    return null;
                }

                settings.Banners = settings.Banners.Where(b => b.IsActiveAt(nowUtc)).ToList();
                return Upsert(row) with { Settings = SettingsMapper.ToResponse(settings) };
        }
    }

    private static SyncItem Upsert(ChangeRecord row) => new(row.Seq, SyncKind.Upsert, row.EntityType, row.EntityId, null, null, null, null, null);

    /// <summary>Cursors are opaque to clients: base64url of "v1:{seq}".</summary>
    public static string FormatCursor(long seq) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"v1:{seq.ToString(CultureInfo.InvariantCulture)}"));

    private static long ParseCursor(string? cursor, QueryErrors errors)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("v1:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return seq;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        errors.Add("cursor", "'cursor' is not a cursor this API issued; start again without one.");
        return 0;
    }

    private static string[] ParseTypes(string? types, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(types))
        {
            return Types;
        }

        var parts = types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var bad in parts.Where(p => !Types.Contains(p, StringComparer.Ordinal)))
        {
            errors.Add("types", $"'{bad}' is not a type; use article, directive and/or settings.");
        }

        return parts;
    }
}
