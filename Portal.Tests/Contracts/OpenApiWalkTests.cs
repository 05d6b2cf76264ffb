using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Contracts;

/// <summary>
/// Walks every operation of the committed openapi.json with bodies and query strings it allows or forbids (issue 13
/// item 5): each member of a JSON body missing, null, of the wrong type, oversized, and a member the schema lacks;
/// each query parameter of a GET with a value of the wrong type or oversized — anonymous and with an admin key, path
/// parameters filled with the ids of real (seeded) items. Never a 5xx; every 4xx is application/problem+json; a 400
/// for a wrong type, an unknown member or a value past the schema's maxLength/maxItems names that member in
/// <c>errors</c>. New operations are walked as soon as they are in openapi.json. Requests are bounded (see counts in
/// the test output) so the walk runs on SQLite and PostgreSQL in seconds.
/// </summary>
public sealed class OpenApiWalkTests(ITestOutputHelper output) : IDisposable
{
    private const string Extra = "unexpectedMember";
    private const int LongText = 20_000;
    private readonly PortalApp _app = new();
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private int _requests;

    private static JsonObject Document() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepoRoot(), "openapi.json")))!.AsObject();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Every_json_body_mutation_is_a_4xx_problem_naming_the_member_never_a_5xx()
    {
        var document = Document();
        var operations = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            if (operation["requestBody"]?["content"]?.AsObject() is not { } content
                || content.Select(c => c.Key).FirstOrDefault(k => k.EndsWith("json", StringComparison.Ordinal)) is not { } mediaType)
            {
                continue;
            }

            operations++;
            var schema = Resolve(document, content[mediaType]!["schema"]!);
            var url = await FillPathAsync(path);
            foreach (var (label, body, member) in Mutations(document, schema))
            {
                foreach (var bearer in new[] { null, PortalApp.AdminKey })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                    {
                        Content = new StringContent(body, Encoding.UTF8, mediaType),
                    };
                    if (method is "put" or "patch")
                    {
                        request.Headers.TryAddWithoutValidation("If-Match", "*");
                    }

                    await SendAsync(request, bearer, $"{method.ToUpperInvariant()} {path} {label}{(bearer is null ? " (anonymous)" : "")}", member);
                }
            }
        }

        output.WriteLine($"{operations} operations with a JSON body, {_requests} requests, {_failures.Count} failures.");
        Assert.True(operations >= 10, $"only {operations} operations with a JSON body in openapi.json");
        Assert.True(_failures.Count == 0, string.Join("\n", _failures.Take(40)));
    }

    [Fact]
    public async Task Every_query_parameter_of_a_GET_with_a_wrong_or_oversized_value_is_a_4xx_problem_or_ignored_never_a_5xx()
    {
        var document = Document();
        var parameters = 0;
        foreach (var (path, method, operation) in Operations(document).Where(o => o.Method == "get"))
        {
            var url = await FillPathAsync(path);
            foreach (var parameter in operation["parameters"]?.AsArray().Select(p => p!.AsObject()).Where(p => (string?)p["in"] == "query") ?? [])
            {
                parameters++;
                var name = (string)parameter["name"]!;
                var schema = Resolve(document, parameter["schema"] ?? new JsonObject());
                var wrong = TypeOf(schema) is "string" && schema["format"] is null && schema["enum"] is null ? null : "not-a-" + (TypeOf(schema) ?? "value");
                foreach (var value in new[] { wrong, new string('x', 5000), "%FF" }.OfType<string>())
                {
                    var query = value == "%FF" ? value : Uri.EscapeDataString(value);
                    foreach (var bearer in new[] { null, PortalApp.AdminKey })
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}?{Uri.EscapeDataString(name)}={query}");
                        await SendAsync(request, bearer, $"GET {path}?{name}={(value.Length > 20 ? $"<{value.Length} chars>" : value)}", value == wrong || value == "%FF" ? name : null);
                    }
                }
            }
        }

        output.WriteLine($"{parameters} query parameters, {_requests} requests, {_failures.Count} failures.");
        Assert.True(parameters >= 10, $"only {parameters} query parameters in openapi.json");
        Assert.True(_failures.Count == 0, string.Join("\n", _failures.Take(40)));
    }

    private async Task SendAsync(HttpRequestMessage request, string? bearer, string label, string? mustName)
    {
        _requests++;
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await _app.Client().SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            _failures.Add($"{label}: {status} {Shorten(text)}");
            return;
        }

        if (status < 400)
        {
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add($"{label}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
            return;
        }

        if (status == 400 && mustName is not null)
        {
            var errors = JsonNode.Parse(text)?["errors"]?.AsObject();
            if (errors is null || !errors.Any(e => Names(e.Key, mustName)))
            {
                _failures.Add($"{label}: 400 does not name '{mustName}': {Shorten(text)}");
            }
        }
    }

    private static bool Names(string key, string member) =>
        string.Equals(key, member, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(member + ".", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(member + "[", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("$." + member, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(o => (p.Key, o.Key, o.Value!.AsObject())));

    /// <summary>The path with each <c>{parameter}</c> replaced by the id of a real item of its collection, else a new GUID.</summary>
    private async Task<string> FillPathAsync(string path)
    {
        var url = new StringBuilder();
        foreach (var segment in path.Split('/'))
        {
            if (segment.StartsWith('{'))
            {
                var collection = url.ToString();
                if (!_ids.TryGetValue(collection, out var id))
                {
                    _ids[collection] = id = await FirstIdAsync(collection) ?? Guid.NewGuid().ToString();
                }

                url.Append('/').Append(id);
            }
            else if (segment.Length > 0)
            {
                url.Append('/').Append(segment);
            }
        }

        return url.ToString();
    }

    private async Task<string?> FirstIdAsync(string collection)
    {
        using var response = await _app.Client(PortalApp.AdminKey).GetAsync(new Uri(collection, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var items = json as JsonArray ?? json?["items"] as JsonArray;
        return items?.FirstOrDefault()?["id"]?.ToString();
    }

    private static JsonObject Resolve(JsonObject document, JsonNode schema)
    {
        var node = schema.AsObject();
        for (var i = 0; i < 10 && node["$ref"] is { } reference; i++)
        {
            var name = ((string)reference!).Split('/')[^1];
            node = document["components"]!["schemas"]![name]!.AsObject();
        }

        return node;
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue value => (string?)value,
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    /// <summary>A plausible value of <paramref name="schema"/>: enough shape for the mutation of one member to be the point.</summary>
    private static JsonNode? Sample(JsonObject document, JsonObject schema, int depth)
    {
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        return TypeOf(schema) switch
        {
            "integer" or "number" => 1,
            "boolean" => true,
            "array" when depth < 2 && schema["items"] is { } items => new JsonArray(Sample(document, Resolve(document, items), depth + 1)),
            "array" => new JsonArray(),
            "object" or null when depth < 2 && schema["properties"] is JsonObject => Object(document, schema, depth + 1),
            "object" => new JsonObject(),
            _ => (string?)schema["format"] switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => "2024-06-10",
                "date-time" => "2024-06-10T01:00:00Z",
                "uri" => "https://example.com/portal",
                _ => "Kiểm thử " + Guid.NewGuid().ToString("N")[..8],
            },
        };
    }

    private static JsonObject Object(JsonObject document, JsonObject schema, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            result[name] = Sample(document, Resolve(document, property!), depth);
        }

        return result;
    }

    private static JsonNode WrongType(JsonObject schema) => TypeOf(schema) switch
    {
        "string" => 12345,
        "integer" or "number" => "not-a-number",
        "boolean" => "yes",
        "array" => new JsonObject(),
        _ => "not-an-object",
    };

    /// <summary>The mutated bodies of one schema: label, JSON text, and the member a 400 must name (null when it need not).</summary>
    private static IEnumerable<(string Label, string Body, string? Member)> Mutations(JsonObject document, JsonObject schema)
    {
        var valid = Object(document, schema, 0);
        yield return ("as sampled", valid.ToJsonString(), null);
        yield return ("empty object", "{}", null);
        yield return ("null body", "null", null);
        yield return ("array body", "[]", null);
        var extra = (JsonObject)valid.DeepClone();
        extra[Extra] = "x";
        yield return ($"with '{Extra}'", extra.ToJsonString(), Extra);
        foreach (var (name, node) in schema["properties"]?.AsObject() ?? [])
        {
            var property = Resolve(document, node!);
            JsonObject With(JsonNode? value)
            {
                var body = (JsonObject)valid.DeepClone();
                body[name] = value;
                return body;
            }

            var missing = (JsonObject)valid.DeepClone();
            missing.Remove(name);
            yield return ($"without '{name}'", missing.ToJsonString(), null);
            yield return ($"'{name}': null", With(null).ToJsonString(), null);
            yield return ($"'{name}' of the wrong type", With(WrongType(property)).ToJsonString(), name);
            switch (TypeOf(property))
            {
                case "string" when property["enum"] is null:
                    var max = (int?)property["maxLength"];
                    yield return ($"'{name}' oversized", With(new string('a', (max ?? LongText) + 1)).ToJsonString(), max is null ? null : name);
                    break;
                case "array":
                    var maxItems = (int?)property["maxItems"];
                    var item = property["items"] is { } items ? Sample(document, Resolve(document, items), 1) : "x";
                    var many = new JsonArray(Enumerable.Range(0, (maxItems ?? 1000) + 1).Select(_ => item?.DeepClone()).ToArray());
                    yield return ($"'{name}' with {many.Count} items", With(many).ToJsonString(), maxItems is null ? null : name);
                    break;
            }
        }
    }
}
