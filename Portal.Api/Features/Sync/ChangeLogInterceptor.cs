using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Api.Data;
using Portal.Api.Features.Webhooks;
using Portal.Domain.Articles;
using Portal.Domain.Common;
using Portal.Domain.Directives;
using Portal.Domain.Settings;
using Portal.Domain.Sync;

namespace Portal.Api.Features.Sync;

/// <summary>
/// Writes the change log and the webhook outbox in the same SaveChanges (hence the same transaction) as the change
/// itself, whatever code path made it: every tracked write of an article, a directive or the settings is examined
/// for what it did to the public view (<see cref="ContentEvents.Verb"/>).
/// </summary>
internal sealed class ChangeLogInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            await RecordAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db)
        {
            RecordAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext { ChangeLogTransaction: { } tx } db)
        {
            db.ChangeLogTransaction = null;
            await tx.CommitAsync(cancellationToken);
            await tx.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext { ChangeLogTransaction: { } tx } db)
        {
            db.ChangeLogTransaction = null;
            await tx.RollbackAsync(cancellationToken);
            await tx.DisposeAsync();
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private async ValueTask RecordAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is Article or Directive or SiteSettings)
            .ToList();
        if (entries.Count > 0)
        {
            await ChangeLog.SerializeWritersAsync(db, ct);
        }

        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case SiteSettings:
                    await ChangeLog.AppendAsync(db, ContentEvents.SettingsType, "settings", ContentEvents.Changed, now, ct);
                    break;
                case Article a:
                    await RecordContentAsync(db, entry, ContentEvents.ArticleType, a.Id, a.Status, a.PublishedAt, a.DeletedAt, now, ct);
                    break;
                case Directive d:
                    await RecordContentAsync(db, entry, ContentEvents.DirectiveType, d.Id, d.Status, d.PublishedAt, d.DeletedAt, now, ct);
                    break;
            }
        }
    }

    private static async ValueTask RecordContentAsync(
        PortalDbContext db, EntityEntry entry, string type, Guid id, ContentStatus status, DateTime? publishedAt, DateTime? deletedAt, DateTime now, CancellationToken ct)
    {
        var wasVisible = entry.State == EntityState.Modified && IsVisible(
            entry.OriginalValues.GetValue<ContentStatus>(nameof(Article.Status)),
            entry.OriginalValues.GetValue<DateTime?>(nameof(Article.PublishedAt)),
            entry.OriginalValues.GetValue<DateTime?>(nameof(Article.DeletedAt)),
            now);
        var isVisible = IsVisible(status, publishedAt, deletedAt, now);
        var key = id.ToString();
        await ChangeLog.ScheduleAsync(db, type, key, deletedAt is null && status == ContentStatus.Published && publishedAt > now ? publishedAt : null, ct);
        if (ContentEvents.Verb(wasVisible, isVisible, deletedAt is not null) is { } verb)
        {
            var reason = verb == ContentEvents.Unpublished && status == ContentStatus.Archived ? "archived" : verb;
            await ChangeLog.AppendAsync(db, type, key, verb, now, ct, reason);
        }
    }

    private static bool IsVisible(ContentStatus status, DateTime? publishedAt, DateTime? deletedAt, DateTime now) =>
        deletedAt is null && status == ContentStatus.Published && publishedAt <= now;
}

/// <summary>Appends to the change log and the outbox; materialises scheduled publications that came due.</summary>
internal static class ChangeLog
{
    /// <summary>Arbitrary key of the PostgreSQL advisory lock that orders change-log writers.</summary>
    private const long ChangeLogLockKey = 0x504F5254414C; // "PORTAL"

    /// <summary>
    /// On PostgreSQL, sequence values are handed out at insert time but become visible at commit, so two writers could
    /// commit out of order and a sync reader could pass a sequence that is still in flight. A transaction-scoped
    /// advisory lock makes change-log writers commit in sequence order. SQLite needs nothing: it has one writer at a time.
    /// </summary>
    public static async ValueTask SerializeWritersAsync(PortalDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            db.ChangeLogTransaction = await db.Database.BeginTransactionAsync(ct);
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChangeLogLockKey})", ct);
    }

    /// <summary>Adds (tracked, not saved) the change record of <paramref name="verb"/> and one outbox entry per subscriber.</summary>
    public static async ValueTask AppendAsync(PortalDbContext db, string type, string id, string verb, DateTime now, CancellationToken ct, string? reason = null)
    {
        var remove = verb is ContentEvents.Unpublished or ContentEvents.Deleted;
        db.Changes.Add(new ChangeRecord { EntityType = type, EntityId = id, Action = remove ? ChangeAction.Remove : ChangeAction.Upsert, Reason = remove ? reason : null, At = now });
        await Outbox.EnqueueAsync(db, $"{type}.{verb}", type, id, now, ct);
    }

    /// <summary>Records (or clears, when <paramref name="dueAt"/> is null) the pending publication of an item.</summary>
    public static async ValueTask ScheduleAsync(PortalDbContext db, string type, string id, DateTime? dueAt, CancellationToken ct)
    {
        var pending = db.PendingPublications.Local.FirstOrDefault(p => p.EntityType == type && p.EntityId == id)
            ?? await db.PendingPublications.FirstOrDefaultAsync(p => p.EntityType == type && p.EntityId == id, ct);
        if (dueAt is null)
        {
            if (pending is not null)
            {
                db.PendingPublications.Remove(pending);
            }
        }
        else if (pending is null)
        {
            db.PendingPublications.Add(new PendingPublication { EntityType = type, EntityId = id, DueAt = dueAt.Value });
        }
        else
        {
            pending.DueAt = dueAt.Value;
        }
    }

    /// <summary>
    /// Turns publications whose instant has passed into "published" changes, in one transaction. Runs before every
    /// sync read and outbox tick, so scheduled items enter the change log without a background job of their own.
    /// </summary>
    public static async Task MaterializeDueAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        if (!await db.PendingPublications.AnyAsync(p => p.DueAt <= now, ct))
        {
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SerializeWritersAsync(db, ct);
        var due = await db.PendingPublications.Where(p => p.DueAt <= now).OrderBy(p => p.DueAt).ToListAsync(ct);
        foreach (var p in due)
        {
            db.PendingPublications.Remove(p);
            await AppendAsync(db, p.EntityType, p.EntityId, ContentEvents.Published, p.DueAt, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another reader materialised the same rows first; its changes stand.
            await tx.RollbackAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
