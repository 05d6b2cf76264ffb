namespace Portal.Bench.Limit;

/// <summary>
/// Captures Portal's answers to the random loads' targets, so that the limit can replay them: every target of the
/// lists given (a path a line; <c>articles.tsv</c> lines are id and slug, fetched by id and stored under both paths)
/// is requested once from the running Portal, anonymously, four at a time. Writes <c>captured.bin</c> (the responses)
/// and, per list, the targets that answered 200 — the ones the loads draw from. See bench/README.md.
/// </summary>
internal static class Capture
{
    private static readonly HashSet<string> ServerHeaders = new(StringComparer.OrdinalIgnoreCase) { "Date", "Server", "Transfer-Encoding", "Age" };

    public static async Task<int> RunAsync(string baseUrl, string folder, IEnumerable<string> lists)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var captured = new List<(string[] Targets, Reply Reply)>();
        var gate = new Lock();
        foreach (var list in lists)
        {
            var lines = File.ReadLines(Path.Combine(folder, list)).Where(l => l.Length > 0).ToList();
            var ok = new string?[lines.Count];
            var slugs = new string?[lines.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, lines.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            {
                var fields = lines[i].Split('\t');
                var targets = fields.Length == 2 ? new[] { "/api/v1/articles/" + fields[0], "/api/v1/articles/" + fields[1] } : [fields[0]];
                using var response = await http.GetAsync(targets[0], ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                if ((int)response.StatusCode != 200)
                {
                    return;
                }

                var headers = response.Headers.Concat(response.Content.Headers)
                    .Where(h => !ServerHeaders.Contains(h.Key))
                    .Select(h => KeyValuePair.Create(h.Key, new Microsoft.Extensions.Primitives.StringValues(h.Value.ToArray())))
                    .ToArray();
                lock (gate)
                {
                    captured.Add((targets, new Reply(200, headers, body)));
                }

                ok[i] = targets[0];
                slugs[i] = targets.Length == 2 ? targets[1] : null;
            });

            var name = Path.GetFileNameWithoutExtension(list);
            await File.WriteAllLinesAsync(Path.Combine(folder, name + ".ok"), ok.OfType<string>());
            if (slugs.Any(s => s is not null))
            {
                await File.WriteAllLinesAsync(Path.Combine(folder, name + "-slug.ok"), slugs.OfType<string>());
            }

            Console.Error.WriteLine($"{list}: {ok.Count(o => o is not null)} of {lines.Count} answered 200");
        }

        await using var file = File.Create(Path.Combine(folder, "captured.bin"));
        await using var writer = new BinaryWriter(file);
        writer.Write(captured.Count);
        foreach (var (targets, reply) in captured)
        {
            writer.Write(targets.Length);
            foreach (var t in targets)
            {
                writer.Write(t);
            }

            writer.Write(reply.Headers.Length);
            foreach (var (name, value) in reply.Headers)
            {
                writer.Write(name);
                writer.Write(value.ToString());
            }

            writer.Write(reply.Body.Length);
            writer.Write(reply.Body.Span);
        }

        return 0;
    }

    /// <summary>Reads <c>captured.bin</c> into <paramref name="replies"/> under each target's GET key.</summary>
    public static void Load(string folder, Dictionary<string, Reply> replies, Func<string, string> key)
    {
        var path = Path.Combine(folder, "captured.bin");
        if (!File.Exists(path))
        {
            return;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var targets = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToArray();
            var headers = Enumerable.Range(0, reader.ReadInt32())
                .Select(_ => KeyValuePair.Create(reader.ReadString(), new Microsoft.Extensions.Primitives.StringValues(reader.ReadString())))
                .ToArray();
            var reply = new Reply(200, headers, reader.ReadBytes(reader.ReadInt32()));
            foreach (var target in targets)
            {
                replies[key(target)] = reply;
            }
        }
    }
}
