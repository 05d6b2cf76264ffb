using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Api.Infrastructure;

/// <summary>A merge patch read from a request: the patch document, or why it was refused (415, or a 400 naming a path).</summary>
/// <param name="Patch">The patch document (a JSON object), when it may be applied.</param>
/// <param name="Unsupported">415 when the body is not <see cref="MergePatch.MediaType"/>.</param>
/// <param name="Invalid">400 naming the member's JSON path: not JSON, not an object, an unknown member, a list over its cap.</param>
internal readonly record struct MergePatchRequest(JsonObject? Patch, ProblemHttpResult? Unsupported, ValidationProblem? Invalid);

/// <summary>
/// RFC 7396 JSON Merge Patch for any resource whose editable fields are a command record <c>T</c> (settings, articles,
/// directives): the patch is merged into the current state written as a <c>T</c>, and the result is read back as a
/// <c>T</c>, normalised and validated by the same validator as a PUT — so PATCH and PUT share one set of rules and one
/// write path. Member names are matched exactly at any depth (RFC 7396 §2), so a typo or a server-owned field is a 400
/// naming its path whatever its value, null included; null removes a member, which the command reads as null (an
/// optional field emptied, a required one refused by the validator); arrays are replaced whole.
/// </summary>
internal static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    // The app's JSON options, but refusing members the command does not have; one copy per options instance.
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Strict = new();

    /// <summary>
    /// Reads a merge patch for a <typeparamref name="T"/>: 415 unless the Content-Type is <see cref="MediaType"/>
    /// (<paramref name="alternative"/> says what else the client could send), then a JSON object whose member names
    /// are <typeparamref name="T"/>'s (<paramref name="noun"/> names the resource in messages, e.g. "an article").
    /// </summary>
    public static async Task<MergePatchRequest> ReadAsync<T>(
        HttpRequest request, JsonSerializerOptions json, string noun, string example, string alternative, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, TypedResults.Problem(
                detail: $"Send the patch as {MediaType} (RFC 7396), or {alternative}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type"), null);
        }

        var (patch, malformed) = await ParseAsync(request, noun, example, ct);
        return malformed is not null ? new(null, null, malformed)
            : CheckShape(patch!, json.GetTypeInfo(typeof(T)), json, "", noun) is { } misshapen ? new(null, null, misshapen)
            : new(patch, null, null);
    }

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="current"/> and returns the merged command, normalised and
    /// valid; otherwise the 400 naming the JSON path of a value of the wrong type, or the fields the validator refused.
    /// </summary>
    public static async Task<(T? Command, ValidationProblem? Invalid)> ApplyAsync<T>(
        T current, JsonObject patch, JsonSerializerOptions json, IValidator<T> validator, CancellationToken ct)
        where T : class, INormalizable<T>
    {
        var (merged, invalid) = Apply(current, patch, json);
        if (invalid is not null)
        {
            return (null, invalid);
        }

        var command = merged!.Normalized();
        var result = await validator.ValidateAsync(command, ct);
        return result.IsValid ? (command, null) : (null, ValidationFilter<T>.ValidationProblemOf(result));
    }

    private static async Task<(JsonObject? Patch, ValidationProblem? Error)> ParseAsync(HttpRequest request, string noun, string example, CancellationToken ct)
    {
        try
        {
            // A member given twice is ambiguous (RFC 8259 §4): refused like any other invalid JSON.
            var node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: ct);
            if (node is not JsonObject patch)
            {
                return (null, Problems.Invalid("body", $"A merge patch for {noun} must be a JSON object, e.g. {example}."));
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
    /// Checks the patch against the shape of the command before it is merged: every member name, at any depth, must be
    /// a field of the command spelt exactly, <em>whatever its value</em> — <c>{"bogus": null}</c> would otherwise merge
    /// into nothing and pass — and no list may hold more items than its cap (<see cref="CollectionLimits"/>), counted
    /// before any item is read. A 400 naming the member's JSON path, or null.
    /// </summary>
    private static ValidationProblem? CheckShape(JsonNode? node, JsonTypeInfo type, JsonSerializerOptions json, string path, string noun)
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
                        return Problems.Invalid(field, UnknownMember(type, name, field, noun));
                    }

                    if (value is JsonArray items && CollectionLimits.MaxItems(property) is { } max && items.Count > max)
                    {
                        return CollectionLimits.TooMany(field, max, items.Count);
                    }

                    if (value is not null && CheckShape(value, json.GetTypeInfo(property.PropertyType), json, field, noun) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonArray items when type.Kind == JsonTypeInfoKind.Enumerable && type.ElementType is { } element:
                var elementType = json.GetTypeInfo(element);
                for (var i = 0; i < items.Count; i++)
                {
                    if (CheckShape(items[i], elementType, json, $"{path}[{i}]", noun) is { } found)
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

    private static string UnknownMember(JsonTypeInfo type, string name, string field, string noun)
    {
        var sameLetters = type.Properties.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Set is not null);
        return sameLetters is not null
            ? $"'{field}' is not a field of {noun}: member names are case-sensitive; did you mean '{sameLetters.Name}'?"
            : $"'{field}' is not a field of {noun} that can be changed ({string.Join(", ", type.Properties.Where(p => p.Set is not null).Select(p => p.Name))}).";
    }

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="current"/>. Values of the wrong type are a 400 naming the
    /// member's JSON path.
    /// </summary>
    public static (T? Command, ValidationProblem? Error) Apply<T>(T current, JsonObject patch, JsonSerializerOptions json)
        where T : class
    {
        var strict = Strict.GetValue(json, o => new JsonSerializerOptions(o) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
        var document = JsonSerializer.SerializeToNode(current, json)!;
        var merged = Merge(document, patch);
        try
        {
            var command = merged.Deserialize<T>(strict);
            return command is null ? (null, Problems.Invalid("body", "The patch removed the whole document.")) : (command, null);
        }
        catch (JsonException ex)
        {
            // In JSON terms ("'links[0]' must be an object"), never the serializer's .NET type names.
            var (field, message) = JsonErrors.Describe(ex, typeof(T), strict);
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
