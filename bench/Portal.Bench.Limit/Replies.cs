using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Portal.Bench.Limit;

/// <summary>One captured response: status, headers (without Date and Server, which Kestrel writes) and body.</summary>
internal sealed record Reply(int Status, KeyValuePair<string, StringValues>[] Headers, ReadOnlyMemory<byte> Body);

/// <summary>
/// Captured responses keyed by request: method, raw target and If-None-Match. <c>requests.tsv</c> lists one request a
/// line (name, method, target, If-None-Match); <c>name.head</c> holds the response head as curl -D wrote it and
/// <c>name.body</c> the body.
/// </summary>
internal sealed class Replies(Dictionary<string, Reply> replies)
{
    private static readonly HashSet<string> ServerHeaders = new(StringComparer.OrdinalIgnoreCase) { "Date", "Server", "Transfer-Encoding" };

    public static Replies Load(string folder)
    {
        var replies = new Dictionary<string, Reply>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder, "requests.tsv")))
        {
            var fields = line.Split('\t');
            var head = File.ReadAllLines(Path.Combine(folder, fields[0] + ".head")).Where(l => l.Length > 0).ToArray();
            var headers = head.Skip(1)
                .Select(h => h.Split(':', 2))
                .Where(h => !ServerHeaders.Contains(h[0]))
                .Select(h => KeyValuePair.Create(h[0], new StringValues(h[1].Trim())))
                .ToArray();
            var body = File.ReadAllBytes(Path.Combine(folder, fields[0] + ".body"));
            replies[Key(fields[1], fields[2], fields[3])] = new Reply(int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
        }

        Capture.Load(folder, replies, target => Key("GET", target, ""));
        return new Replies(replies);
    }

    public Task Serve(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        if (!replies.TryGetValue(Key(request.Method, target, request.Headers.IfNoneMatch.ToString()), out var reply))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var response = context.Response;
        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        return reply.Body.IsEmpty ? Task.CompletedTask : response.BodyWriter.WriteAsync(reply.Body).AsTask();
    }

    private static string Key(string method, string target, string ifNoneMatch) => $"{method} {target} {ifNoneMatch}";
}
