using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Portal.Tests.Infrastructure;

/// <summary>The body of a directive create or update; defaults make a valid district plan.</summary>
public sealed record DirectiveBody(
    string? Number,
    string? TypeCode,
    string? IssuerId,
    string? IssuerName = null,
    string? IssuedOn = "2024-05-29",
    string? EffectiveOn = null,
    string? ExpiresOn = null,
    string? Abstract = "Kế hoạch triển khai thực hiện chỉ thị",
    string? ContentHtml = null,
    string? Signer = null,
    string? Field = null);

/// <summary>Makes each test's own directives and issuers through the API.</summary>
public static class DirectiveData
{
    private static int _next = 100;

    /// <summary>A running number no other test in this process uses.</summary>
    public static int NextNumber() => Interlocked.Increment(ref _next);

    /// <summary>A token to put in an abstract, so a test can find exactly its own directives with <c>q</c>.</summary>
    public static string Token() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates an issuing body of its own for the test and returns its id.</summary>
    public static async Task<string> IssuerAsync(HttpClient editor, string code = "UBND", string level = "district")
    {
        var response = await editor.PostJson("/api/v1/issuing-bodies", new { name = $"Ủy ban nhân dân thử nghiệm {Token()}", code, level });
        return (await response.Json(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    /// <summary>Creates a directive (a draft) and returns its representation.</summary>
    public static async Task<JsonNode> CreateAsync(HttpClient editor, DirectiveBody body) =>
        await (await editor.PostJson("/api/v1/directives", body)).Json(HttpStatusCode.Created);

    /// <summary>Creates a directive and publishes it now.</summary>
    public static async Task<JsonNode> PublishedAsync(HttpClient editor, DirectiveBody body)
    {
        var created = await CreateAsync(editor, body);
        return await PublishAsync(editor, created["id"]!.GetValue<string>());
    }

    public static async Task<JsonNode> PublishAsync(HttpClient editor, string id, object? body = null) =>
        await (await editor.PostJson($"/api/v1/directives/{id}/publish", body ?? new { })).Json();

    /// <summary>The directives the editor can list whose text contains <paramref name="token"/>.</summary>
    public static async Task<int> CountAsync(HttpClient client, string token) =>
        (await (await client.GetAsync($"/api/v1/directives?q={token}")).Json())["totalItems"]!.GetValue<int>();

    /// <summary>A request with an If-Match header.</summary>
    public static HttpRequestMessage WithIfMatch(HttpMethod method, string url, EntityTagHeaderValue etag, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.IfMatch.Add(etag);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Http.Options);
        }

        return request;
    }
}
