using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Portal.Tests.Infrastructure;

/// <summary>Editor-side helpers: create and publish articles with unique data per test.</summary>
public static class Editing
{
    public static object Article(string title, string? body = null, object? extra = null) => new
    {
        title,
        summary = "Tóm tắt " + title,
        bodyHtml = body ?? "<p>Nội dung " + title + "</p>",
        author = "Hồng Yến",
        tags = new[] { "Trẻ em" },
    };

    public static async Task<JsonNode> CreateArticleAsync(this HttpClient editor, object body)
    {
        var response = await editor.PostJson("/api/v1/articles", body);
        return await response.Json(HttpStatusCode.Created);
    }

    public static async Task<JsonNode> PublishAsync(this HttpClient editor, string id, DateTimeOffset? at = null)
    {
        var response = await editor.PostJson($"/api/v1/articles/{id}/publish", new { publishAt = at });
        return await response.Json();
    }

    public static async Task<HttpResponseMessage> PutWithIfMatchAsync(this HttpClient client, string url, object body, EntityTagHeaderValue? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: Http.Options) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Sends <paramref name="json"/> as a JSON Merge Patch (RFC 7396), with If-Match when <paramref name="etag"/> is given.</summary>
    public static async Task<HttpResponseMessage> MergePatchAsync(
        this HttpClient client, string url, string json, EntityTagHeaderValue? etag = null, string contentType = "application/merge-patch+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, contentType) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return await client.SendAsync(request);
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}";
}
