using System.Text.Json.Nodes;

namespace Portal.Tests.Infrastructure;

/// <summary>A delta-sync client as an integrator would write one: follows cursors and keeps a local copy.</summary>
public sealed class SyncClient(HttpClient http, string? types = null)
{
    public Dictionary<string, JsonNode> Items { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode> Tombstones { get; } = new(StringComparer.Ordinal);

    public List<long> Seqs { get; } = [];

    public string? Cursor { get; private set; }

    /// <summary>Reads pages until hasMore is false; returns the number of items received.</summary>
    public Task<int> PullAsync(int limit = 3) => PullFromAsync(http, limit);

    /// <summary>Like <see cref="PullAsync"/>, through another client (another Portal instance), keeping this cursor.</summary>
    public async Task<int> PullFromAsync(HttpClient source, int limit = 3)
    {
        var received = 0;
        while (true)
        {
            var (count, hasMore) = await PullPageAsync(source, limit);
            received += count;
            if (!hasMore)
            {
                return received;
            }
        }
    }

    /// <summary>Reads one page through <paramref name="source"/>; returns the items received and whether more are waiting.</summary>
    public async Task<(int Received, bool HasMore)> PullPageAsync(HttpClient source, int limit = 3)
    {
        var url = $"/api/v1/sync?limit={limit}" + (Cursor is null ? "" : $"&cursor={Cursor}") + (types is null ? "" : $"&types={types}");
        var page = await (await source.GetAsync(url)).Json();
        var received = 0;
        foreach (var item in page["items"]!.AsArray())
        {
            var key = $"{item!["type"]}:{item["id"]}";
            Seqs.Add(item["seq"]!.GetValue<long>());
            if (item["kind"]!.GetValue<string>() == "tombstone")
            {
                Items.Remove(key);
                Tombstones[key] = item;
            }
            else
            {
                Items[key] = item;
                Tombstones.Remove(key);
            }

            received++;
        }

        Cursor = page["nextCursor"]!.GetValue<string>();
        return (received, page["hasMore"]!.GetValue<bool>());
    }
}
