using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
            var (field, message) = JsonErrors.Describe(ex, null, JsonSerializerOptions.Default);
            return (null, Problems.Invalid(field, message));
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
    /// Checks <paramref name="patch"/> against the shape of a <see cref="SettingsCommand"/> before it is merged: every
    /// member name, at any depth, must be a settings field spelt exactly (merge patches match names exactly, RFC 7396
    /// §2), <em>whatever its value</em> — <c>{"bogus": null}</c> would otherwise merge into nothing and pass — and no
    /// list may hold more items than its cap (<see cref="CollectionLimits"/>), counted before any item is read.
    /// A 400 naming the member's JSON path, or null.
    /// </summary>
    public static ValidationProblem? CheckShape(JsonObject patch, JsonSerializerOptions json) =>
        CheckShape(patch, json.GetTypeInfo(typeof(SettingsCommand)), json, "");

    private static ValidationProblem? CheckShape(JsonNode? node, JsonTypeInfo type, JsonSerializerOptions json, string path)
    {
        switch (node)
        {
            case JsonObject members when type.Kind == JsonTypeInfoKind.Object:
                foreach (var (name, value) in members)
                {
                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    var property = type.Properties.FirstOrDefault(p => p.Name.Equals(name, StringComparison.Ordinal) && p.Set is not null);
                    if (property is null)
                    {
                        return Problems.Invalid(field, UnknownMember(type, name, field));
                    }

                    if (value is JsonArray items && CollectionLimits.MaxItems(property) is { } max && items.Count > max)
                    {
                        return CollectionLimits.TooMany(field, max, items.Count);
                    }

                    if (value is not null && CheckShape(value, json.GetTypeInfo(property.PropertyType), json, field) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonArray items when type.Kind == JsonTypeInfoKind.Enumerable && type.ElementType is { } element:
                var elementType = json.GetTypeInfo(element);
                for (var i = 0; i < items.Count; i++)
                {
                    if (CheckShape(items[i], elementType, json, $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                // Values of the wrong JSON type are reported when the merged document is read as a command.
                return null;
        }
    }

    private static string UnknownMember(JsonTypeInfo type, string name, string field)
    {
        var sameLetters = type.Properties.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Set is not null);
        return sameLetters is not null
            ? $"'{field}' is not a settings field: member names are case-sensitive; did you mean '{sameLetters.Name}'?"
            : $"'{field}' is not a settings field that can be changed ({string.Join(", ", type.Properties.Where(p => p.Set is not null).Select(p => p.Name))}).";
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
            // In JSON terms ("'links[0]' must be an object"), never the serializer's .NET type names.
            var (field, message) = JsonErrors.Describe(ex, typeof(SettingsCommand), strict);
            return (null, Problems.Invalid(field, message));
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
}
