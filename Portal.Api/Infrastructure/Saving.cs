using Microsoft.EntityFrameworkCore;

namespace Portal.Api.Infrastructure;

/// <summary>How a save ended when another writer may have raced this one.</summary>
internal enum SaveOutcome
{
    Saved,

    /// <summary>The concurrency token (Version) changed underneath: another writer won (412).</summary>
    Stale,

    /// <summary>A unique index refused the row: another item holds the key (409).</summary>
    Duplicate,
}

internal static class Saving
{
    /// <summary>Saves, turning lost races into outcomes instead of exceptions (a race is never a 500).</summary>
    public static async Task<SaveOutcome> TrySaveAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Stale;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return SaveOutcome.Duplicate;
        }
    }
}
