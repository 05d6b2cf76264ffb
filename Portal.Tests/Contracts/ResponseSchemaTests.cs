using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Tests.Api;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts;

/// <summary>
/// The API document is exact for what clients generate from it: every GET operation in openapi.json is called,
/// anonymously and as an admin, on data whose optional parts are null (an article without category or cover, a
/// draft never published, a sync tombstone) and set; each answer's status must be documented, a documented header
/// (ETag, Location) present, and the JSON body valid against the documented schema: every <c>required</c> member
/// present, null only where <c>nullable</c>, no member the schema does not declare, enums and types respected.
/// </summary>
public sealed class ResponseSchemaTests : IDisposable
{
    private readonly PortalApp _app = FeedTesting.App();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Every_GET_answers_exactly_what_the_document_declares()
    {
        var document = JsonNode.Parse(await _app.Client().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var admin = _app.Client(PortalApp.AdminKey);
        var values = await MakeDataAsync(admin);
        var anonymous = _app.Client();
        var errors = new List<string>();
        var checkedCount = 0;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not JsonObject operation)
            {
                continue;
            }

            foreach (var url in Urls(template, operation, values))
            {
                foreach (var (who, client) in new[] { ("anonymous", anonymous), ("admin", admin) })
                {
                    using var response = await client.GetAsync(url);
                    errors.AddRange(await CheckAsync(document, operation, response, $"GET {url} ({who})"));
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 40, $"only {checkedCount} responses were checked");
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void The_checker_refuses_a_missing_required_member_an_undeclared_one_and_a_null_that_is_not_nullable()
    {
        var document = JsonNode.Parse("""
            {"components":{"schemas":{
              "Ref":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false},
              "Shape":{"type":"object","additionalProperties":false,"required":["id","ref","maybe"],"properties":{
                "id":{"type":"string"},
                "ref":{"allOf":[{"$ref":"#/components/schemas/Ref"}]},
                "maybe":{"type":"object","allOf":[{"$ref":"#/components/schemas/Ref"}],"nullable":true}}}}}}
            """)!.AsObject();
        var schema = new JsonObject { ["$ref"] = "#/components/schemas/Shape" };

        Assert.Empty(Validate(document, schema, JsonNode.Parse("""{"id":"x","ref":{"a":"b"},"maybe":null}""")));
        Assert.Contains(Validate(document, schema, JsonNode.Parse("""{"ref":{"a":"b"},"maybe":null}""")), e => e.Contains("'id'", StringComparison.Ordinal));
        Assert.Contains(Validate(document, schema, JsonNode.Parse("""{"id":"x","ref":null,"maybe":null}""")), e => e.Contains("$.ref", StringComparison.Ordinal));
        Assert.Contains(Validate(document, schema, JsonNode.Parse("""{"id":"x","ref":{"a":"b"},"maybe":null,"extra":1}""")), e => e.Contains("extra", StringComparison.Ordinal));
        Assert.Contains(Validate(document, schema, JsonNode.Parse("""{"id":1,"ref":{"a":"b"},"maybe":{"a":"c"}}""")), e => e.Contains("$.id", StringComparison.Ordinal));
        document["components"]!["schemas"]!["Shape"]!["required"] = new JsonArray("id", "ref");
        Assert.Contains(Validate(document, schema, JsonNode.Parse("""{"id":"x","ref":{"a":"b"},"maybe":null}""")), e => e.Contains("maybe is always written", StringComparison.Ordinal));
    }

    // One of each resource, with the optional parts null on some and set on others; values by the path segment
    // that precedes a parameter ("articles" → {id}), so a new GET under a known resource is covered without listing it.
    private static async Task<Dictionary<string, List<string>>> MakeDataAsync(HttpClient admin)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string value) => (values.TryGetValue(key, out var list) ? list : values[key] = []).Add(value);

        var category = await (await admin.PostJson("/api/v1/categories", new { name = Editing.Unique("Tin tức"), slug = "tin-" + DirectiveData.Token() })).Json(HttpStatusCode.Created);
        Add("categories", category["id"]!.GetValue<string>());
        Add("categories/{slug}", category["slug"]!.GetValue<string>());

        using var image = new MultipartFormDataContent { { new ByteArrayContent(MediaTests.Png(4, 4)) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "anh.png" } };
        var media = await (await admin.PostAsync("/api/v1/media", image)).Json(HttpStatusCode.Created);
        Add("media", media["id"]!.GetValue<string>());

        // Bare (no category, no cover, published), full (both), a draft never published, one unpublished (a tombstone in sync).
        var bare = await admin.CreateArticleAsync(Editing.Article(Editing.Unique("Tin không ảnh")));
        await admin.PublishAsync(bare["id"]!.GetValue<string>());
        var full = await admin.CreateArticleAsync(new
        {
            title = Editing.Unique("Tin có ảnh"),
            bodyHtml = "<p>Nội dung</p>",
            categoryId = category["id"]!.GetValue<string>(),
            coverImage = new { mediaId = media["id"]!.GetValue<string>(), caption = "Ảnh", altText = "Ảnh minh họa" },
        });
        await admin.PublishAsync(full["id"]!.GetValue<string>());
        var draft = await admin.CreateArticleAsync(Editing.Article(Editing.Unique("Bản nháp")));
        var gone = await admin.CreateArticleAsync(Editing.Article(Editing.Unique("Tin gỡ")));
        await admin.PublishAsync(gone["id"]!.GetValue<string>());
        (await admin.PostJson($"/api/v1/articles/{gone["id"]}/unpublish", new { })).EnsureSuccessStatusCode();
        Add("articles", bare["id"]!.GetValue<string>());
        Add("articles", full["slug"]!.GetValue<string>());
        Add("articles", draft["id"]!.GetValue<string>());

        var issuer = await DirectiveData.IssuerAsync(admin);
        Add("issuing-bodies", issuer);
        var number = $"{DirectiveData.NextNumber()}/KH-UBND";
        var directive = await DirectiveData.PublishedAsync(admin, new DirectiveBody(number, "KH", issuer));
        var directiveId = directive["id"]!.GetValue<string>();
        Add("directives", directiveId);
        Add("by-number", Uri.EscapeDataString(number));
        Add("number", Uri.EscapeDataString(number));
        using var pdf = new MultipartFormDataContent { { new ByteArrayContent(DirectivesAttachmentTests.Pdf()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "ke-hoach.pdf" } };
        var attachment = await (await admin.PostAsync($"/api/v1/directives/{directiveId}/attachments", pdf)).Json(HttpStatusCode.Created);
        Add("attachments", attachment["id"]!.GetValue<string>());

        Add("feed-sources", await admin.CreateSourceAsync("http://127.0.0.1:9/feed.rss", enabled: false));
        var webhook = await (await admin.PostJson("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { "article.published" }, secret = "a-secret-of-enough-length-0123456789" })).Json(HttpStatusCode.Created);
        Add("webhooks", webhook["id"]!.GetValue<string>());
        return values;
    }

    // The concrete URLs for one GET: each path parameter from the values made for the segment before it (or for
    // "segment/{param}" when a segment has several), each required query parameter from the values named like it.
    private static IEnumerable<string> Urls(string template, JsonObject operation, Dictionary<string, List<string>> values)
    {
        var segments = template.Split('/');
        var urls = new List<string> { "" };
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var open = segment.IndexOf('{', StringComparison.Ordinal);
            if (open < 0)
            {
                urls = [.. urls.Select(u => u + "/" + segment)];
                continue;
            }

            var close = segment.IndexOf('}', StringComparison.Ordinal);
            var key = segments[i - 1];
            var found = values.GetValueOrDefault(key + "/" + segment[open..(close + 1)]) ?? values.GetValueOrDefault(key)
                ?? throw new InvalidOperationException($"No test value for {segment} in {template}: add one to MakeDataAsync.");
            urls = [.. urls.SelectMany(u => found.Select(v => u + "/" + segment[..open] + v + segment[(close + 1)..]))];
        }

        var query = (operation["parameters"]?.AsArray() ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => p!["name"]!.GetValue<string>())
            .Select(name => name + "=" + (values.GetValueOrDefault(name)?[0] ?? throw new InvalidOperationException($"No test value for the query parameter {name} of {template}.")))
            .ToList();
        return query.Count == 0 ? urls : urls.Select(u => u + "?" + string.Join('&', query));
    }

    private static async Task<List<string>> CheckAsync(JsonObject document, JsonObject operation, HttpResponseMessage response, string where)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (operation["responses"]![status] is not JsonObject declared)
        {
            return [$"{where}: status {status} is not documented"];
        }

        var errors = new List<string>();
        foreach (var (header, _) in declared["headers"]?.AsObject() ?? [])
        {
            if (!response.Headers.Contains(header) && !response.Content.Headers.Contains(header))
            {
                errors.Add($"{where}: documented header {header} is missing on {status}");
            }
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var content = declared["content"]?.AsObject();
        if (mediaType is null || content is null)
        {
            if (content is not null && response.Content.Headers.ContentLength > 0)
            {
                errors.Add($"{where}: {status} has a body of no declared media type");
            }

            return errors;
        }

        if (content[mediaType] is not JsonObject media)
        {
            return [.. errors, $"{where}: {status} answered {mediaType}, documented: {string.Join(", ", content.Select(c => c.Key))}"];
        }

        if (mediaType.EndsWith("json", StringComparison.Ordinal) && media["schema"] is JsonObject schema)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            errors.AddRange(Validate(document, schema, body).Select(e => $"{where}: {e}"));
        }

        return errors;
    }

    private static List<string> Validate(JsonObject document, JsonObject schema, JsonNode? value)
    {
        var errors = new List<string>();
        Walk(document, schema, value, "$", errors);
        return errors;
    }

    // The subset of OpenAPI 3.0 schemas the document uses: $ref, allOf, nullable, type, properties, required,
    // additionalProperties, items, enum.
    private static void Walk(JsonObject document, JsonObject schema, JsonNode? value, string at, List<string> errors)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            Walk(document, Resolve(document, reference), value, at, errors);
            return;
        }

        var nullable = schema["nullable"]?.GetValue<bool>() == true;
        if (value is null)
        {
            if (!nullable)
            {
                errors.Add($"{at} is null but its schema is not nullable");
            }

            return;
        }

        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            Walk(document, part!.AsObject(), value, at, errors);
        }

        var kind = value.GetValueKind();
        switch (schema["type"]?.GetValue<string>())
        {
            case "object" when kind != JsonValueKind.Object:
            case "array" when kind != JsonValueKind.Array:
            case "string" when kind != JsonValueKind.String:
            case "boolean" when kind is not (JsonValueKind.True or JsonValueKind.False):
            case "number" or "integer" when kind != JsonValueKind.Number:
                errors.Add($"{at} is {kind}, documented as {schema["type"]}");
                return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{at} is {value.ToJsonString()}, not one of the documented values {allowed.ToJsonString()}");
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(document, items, array[i], $"{at}[{i}]", errors);
            }
        }

        if (value is not JsonObject obj || (schema["properties"] is null && schema["additionalProperties"] is null))
        {
            return;
        }

        var properties = schema["properties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!obj.ContainsKey(required!.GetValue<string>()))
            {
                errors.Add($"{at} lacks the required member '{required}'");
            }
        }

        var closed = schema["additionalProperties"]?.GetValueKind() == JsonValueKind.False;
        var requiredNames = (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, member) in obj)
        {
            if (closed && properties?[name] is not null && !requiredNames.Contains(name))
            {
                // Responses write every member (nulls included), so a generated client must not make one optional.
                errors.Add($"{at}.{name} is always written but not required");
            }

            if (properties?[name] is JsonObject declared)
            {
                Walk(document, declared, member, $"{at}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject extra)
            {
                Walk(document, extra, member, $"{at}.{name}", errors);
            }
            else if (closed || properties is not null)
            {
                errors.Add($"{at}.{name} is not declared in the schema");
            }
        }
    }

    private static JsonObject Resolve(JsonObject document, string reference)
    {
        JsonNode node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node[part] ?? throw new InvalidOperationException($"Unresolved reference {reference}");
        }

        return node.AsObject();
    }
}
