using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Portal.Api.Infrastructure;
using Portal.Domain.Settings;
using Portal.Domain.Text;

namespace Portal.Api.Features.Settings;

/// <summary>
/// RFC 7396 JSON Merge Patch for the settings: the patch is merged into the current settings written as a
/// <see cref="SettingsCommand"/>, and the result is read back as a command, so PATCH and PUT share one set of rules.
/// </summary>
internal static class SettingsMergePatch
{
    public const string MediaType = "application/merge-patch+json";

    // The app's JSON options, but refusing members the command does not have; one copy per options instance.
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Strict = new();

    public static bool IsMergePatch(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the patch document, which must be a JSON object; otherwise a 400 naming <c>body</c>.</summary>
    public static async Task<(JsonObject? Patch, ValidationProblem? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            // A member given twice is ambiguous (RFC 8259 §4): refused like any other invalid JSON.
            var node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: ct);
            if (node is not JsonObject patch)
            {
                return (null, Problems.Invalid("body", "A merge patch for the settings must be a JSON object, e.g. {\"email\": \"ubnd-vc@dongnai.gov.vn\"}."));
            }

            // A "\ud800" escape parses into a string no UTF-8 writer accepts: refuse it here, naming where it is.
            return InvalidText(patch, "") is { } path
                ? (null, Problems.Invalid(path, $"'{path}' contains an invalid Unicode code point (a lone surrogate or a noncharacter)."))
                : (patch, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Invalid("body", $"The request body is not valid JSON: {ex.Message}"));
        }
        catch (InvalidOperationException)
        {
            // Checking member names for duplicates decodes them, and an escaped lone surrogate cannot be decoded.
            return (null, Problems.Invalid("body", "A member name contains an invalid Unicode code point (a lone surrogate)."));
        }
    }

    /// <summary>The field path of the first member name or string value with an invalid code point, or null.</summary>
    private static string? InvalidText(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject members:
                List<KeyValuePair<string, JsonNode?>> entries;
                try
                {
                    entries = [.. members];
                }
                catch (InvalidOperationException)
                {
                    // A member name with an escaped lone surrogate cannot even be decoded.
                    return path.Length == 0 ? "body" : path;
                }

                foreach (var (name, value) in entries)
                {
                    var member = path.Length == 0 ? name : $"{path}.{name}";
                    if (VietnameseText.HasInvalidCodePoints(name))
                    {
                        return path.Length == 0 ? "body" : path;
                    }

                    if (InvalidText(value, member) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (InvalidText(items[i], $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    return VietnameseText.HasInvalidCodePoints(value.GetValue<string>()) ? path : null;
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json refuses to decode an escaped lone surrogate at all.
                    return path;
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="current"/>. Members that no command has (typos, read-only
    /// fields) and values of the wrong type are a 400 naming the member's JSON path.
    /// </summary>
    public static (SettingsCommand? Command, ValidationProblem? Error) Apply(SettingsCommand current, JsonObject patch, JsonSerializerOptions json)
    {
        var strict = Strict.GetValue(json, o => new JsonSerializerOptions(o) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
        var document = JsonSerializer.SerializeToNode(current, json)!;
        var merged = Merge(document, patch);
        try
        {
            var command = merged.Deserialize<SettingsCommand>(strict);
            return command is null ? (null, Problems.Invalid("body", "The patch removed the whole document.")) : (command, null);
        }
        catch (JsonException ex)
        {
            var field = Problems.JsonPathToField(ex.Path);
            return (null, Problems.Invalid(field, $"'{field}' is not a settings field of this type: {FirstSentence(ex.Message)}"));
        }
    }

    /// <summary>RFC 7396 §2 MergePatch(Target, Patch).</summary>
    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result.TryGetPropertyValue(name, out var existing);
                var replacement = Merge(existing?.DeepClone(), value);
                result[name] = replacement;
            }
        }

        return result;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
