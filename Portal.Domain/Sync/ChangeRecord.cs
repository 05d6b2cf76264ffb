namespace Portal.Domain.Sync;

/// <summary>
/// One entry of the change log behind delta sync (<c>GET /api/v1/sync</c>). <see cref="Seq"/> is a monotonic
/// sequence assigned in the same transaction as the change it records, so a client that resumes after the last
/// sequence it saw can neither skip nor repeat a change. Only changes to what anonymous readers see are logged:
/// an item becoming visible or changing while visible (<see cref="ChangeAction.Upsert"/>) and an item leaving
/// the public view (<see cref="ChangeAction.Remove"/>, a tombstone with its reason). Draft edits are not logged.
/// </summary>
public sealed class ChangeRecord
{
    public long Seq { get; set; }

    /// <summary>article, directive or settings.</summary>
    public string EntityType { get; set; } = "";

    /// <summary>The entity's id ("settings" for the singleton).</summary>
    public string EntityId { get; set; } = "";

    public ChangeAction Action { get; set; }

    /// <summary>For removals: unpublished, archived or deleted.</summary>
    public string? Reason { get; set; }

    /// <summary>UTC instant the change took effect.</summary>
    public DateTime At { get; set; }
}

/// <summary>What a change did to the public view.</summary>
public enum ChangeAction
{
    Upsert,
    Remove,
}

/// <summary>
/// A publication whose instant is still ahead. Scheduled items become visible without a write, so when the clock
/// passes <see cref="DueAt"/> the change log gains their upsert (done lazily by the next sync read or webhook tick).
/// </summary>
public sealed class PendingPublication
{
    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public DateTime DueAt { get; set; }
}
