using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Tests.Domain.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Requests against /api/v1/settings with If-Match and a chosen content type.</summary>
internal static class SettingsRequests
{
    public const string Url = "/api/v1/settings";

    /// <summary>The Vĩnh Cửu settings as a PUT body, ready to be changed with <see cref="Set"/>.</summary>
    public static JsonObject ValidBody() => JsonSerializer.SerializeToNode(SettingsCommandValidatorTests.Valid(), Http.Options)!.AsObject();

    /// <summary>The current ETag as an admin sees it.</summary>
    public static async Task<string> ETagAsync(HttpClient admin)
    {
        var response = await admin.GetAsync(Url);
        await response.Json();
        return response.Headers.ETag!.ToString();
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, JsonNode body, string? ifMatch) =>
        client.SendSettingsAsync(HttpMethod.Put, body.ToJsonString(), "application/json", ifMatch);

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string patch, string? ifMatch, string contentType = "application/merge-patch+json") =>
        client.SendSettingsAsync(HttpMethod.Patch, patch, contentType, ifMatch);

    private static Task<HttpResponseMessage> SendSettingsAsync(this HttpClient client, HttpMethod method, string body, string contentType, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Sets the member at a path such as <c>themeColours[1].hex</c> to <paramref name="json"/>.</summary>
    public static JsonObject Set(this JsonObject body, string path, string json)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            var open = part.IndexOf('[', StringComparison.Ordinal);
            node = open < 0
                ? node[part]!
                : node[part[..open]]![int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        node[parts[^1]] = JsonNode.Parse(json);
        return body;
    }
}
