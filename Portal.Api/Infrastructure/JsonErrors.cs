using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Describes a <see cref="JsonException"/> thrown while a request body is read, in JSON terms and naming the member's
/// path ("'links[0]' must be an object"): the serializer's own messages name .NET types
/// (<c>System.Collections.Generic.IReadOnlyList`1[…]</c>), which mean nothing to a client and describe the server.
/// </summary>
internal static partial class JsonErrors
{
    /// <summary>The field (camelCase JSON path without "$.") and the message for <paramref name="json"/>, a failure reading <paramref name="root"/>.</summary>
    public static (string Field, string Message) Describe(JsonException json, Type? root, JsonSerializerOptions options)
    {
        var field = Problems.JsonPathToField(json.Path);
        var at = field == "body" ? "" : $" at '{field}'";
        if (Duplicate().Match(json.Message) is { Success: true } duplicate)
        {
            // The path may end at the object or at the repeated member, depending on where the reader stopped.
            var name = duplicate.Groups["name"].Value;
            if (name.Length > 0)
            {
                // "Title" given after "title" (names match case-insensitively) is reported under the member's name.
                var cut = field.LastIndexOf('.');
                var last = cut < 0 ? field : field[(cut + 1)..];
                field = last.Equals(name, StringComparison.OrdinalIgnoreCase) ? (cut < 0 ? name : $"{field[..cut]}.{name}")
                    : field == "body" ? name : $"{field}.{name}";
            }

            return (field, name.Length > 0
                ? $"'{field}' appears more than once in its object: a member may be given only once (RFC 8259 §4)."
                : $"A member appears more than once in an object{at}: a member may be given only once (RFC 8259 §4).");
        }

        if (UnmappedMember().IsMatch(json.Message))
        {
            return (field, $"'{field}' is not a member of this request body (openapi.json lists the members each operation takes).");
        }

        if (json.InnerException is InvalidOperationException text && InvalidUnicode().IsMatch(text.Message))
        {
            return (field, $"The request body has text that is not valid Unicode{at} (an unpaired surrogate such as \\ud800, or bytes that are not UTF-8).");
        }

        if (json.Message.Contains("could not be converted", StringComparison.Ordinal) || json.InnerException is FormatException or OverflowException)
        {
            var expected = root is null ? null : Expected(options, root, json.Path);
            return (field, expected is null
                ? $"The request body has a value of the wrong JSON type{at}."
                : field == "body" ? $"The request body must be {expected}." : $"'{field}' must be {expected}.");
        }

        var reason = FirstSentence(json.Message);
        return (field, NamesDotNetTypes(reason)
            ? $"The request body cannot be read{at}: it does not have the shape this operation takes (see openapi.json)."
            : $"The request body is not valid JSON{at}: {reason}");
    }

    /// <summary>Whether <paramref name="message"/> names a .NET type (and so must not reach a client).</summary>
    public static bool NamesDotNetTypes(string message) =>
        message.Contains("System.", StringComparison.Ordinal) || message.Contains("Portal.", StringComparison.Ordinal) || message.Contains('`', StringComparison.Ordinal);

    /// <summary>What the JSON at <paramref name="path"/> must be, in JSON terms, for a body read as <paramref name="root"/>; null when unknown.</summary>
    public static string? Expected(JsonSerializerOptions options, Type root, string? path)
    {
        try
        {
            var type = options.GetTypeInfo(root);
            var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (Match segment in PathSegment().Matches(path ?? ""))
            {
                Type? next;
                if (segment.Groups["index"].Success)
                {
                    next = type.Kind == JsonTypeInfoKind.Enumerable ? type.ElementType : null;
                }
                else
                {
                    var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal);
                    next = type.Kind switch
                    {
                        JsonTypeInfoKind.Object => type.Properties.FirstOrDefault(p => p.Name.Equals(name, comparison))?.PropertyType,
                        JsonTypeInfoKind.Dictionary => type.ElementType,
                        _ => null,
                    };
                }

                if (next is null)
                {
                    return null;
                }

                type = options.GetTypeInfo(next);
            }

            return Kind(type, options);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static string? Kind(JsonTypeInfo info, JsonSerializerOptions options)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type.IsEnum)
        {
            var names = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, options));
            return $"one of the strings {string.Join(", ", names)}";
        }

        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) => $"an integer from {int.MinValue} to {int.MaxValue}",
            _ when type == typeof(long) => $"an integer from {long.MinValue} to {long.MaxValue}",
            _ when type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong) => "an integer",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(Guid) => "a string holding a UUID",
            _ when type == typeof(DateOnly) => $"a string holding {IsoTime.DateForm}",
            _ when type == typeof(TimeOnly) => "a string holding a time (HH:mm:ss)",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => $"a string holding {IsoTime.InstantForm}",
            _ when type == typeof(Uri) => "a string holding a URL",
            _ when typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonElement) || type == typeof(object) => null,
            _ => info.Kind switch
            {
                JsonTypeInfoKind.Enumerable => "an array",
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
                _ => null,
            },
        };
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    // "$.links[0].url", "$['odd.name']": one member name, quoted name or index at a time.
    [GeneratedRegex("""\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]""")]
    private static partial Regex PathSegment();

    // The serializer's and reader's messages for a repeated member (AllowDuplicateProperties = false):
    // "Duplicate property 'title' encountered during deserialization of type '…'." and the like.
    [GeneratedRegex("""^Duplicate propert(?:y|ies)(?: '(?<name>[^']*)')?""", RegexOptions.IgnoreCase)]
    private static partial Regex Duplicate();

    // The serializer's message when UnmappedMemberHandling is Disallow: The JSON property 'x' could not be mapped to any .NET member…
    [GeneratedRegex("""^The JSON property '.*' could not be mapped to any \.NET member""", RegexOptions.Singleline)]
    private static partial Regex UnmappedMember();

    // The reader's messages for text it cannot decode: "Cannot read invalid UTF-16 JSON text as string. Invalid surrogate
    // value: …", "Cannot read incomplete UTF-16 JSON text as string with missing low surrogate." (escaped unpaired
    // surrogates) and "Cannot transcode invalid UTF-8 JSON text to UTF-16 string." (raw bytes).
    [GeneratedRegex("""(invalid|incomplete) UTF-(8|16)""", RegexOptions.IgnoreCase)]
    private static partial Regex InvalidUnicode();
}
