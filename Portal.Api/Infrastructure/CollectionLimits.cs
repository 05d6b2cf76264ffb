using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Api.Infrastructure;

/// <summary>
/// The most items a list in a request body may hold, declared with <see cref="MaxLengthAttribute"/> on the command's
/// property (openapi.json publishes it as <c>maxItems</c>) and checked before anything looks at the items: counting is
/// cheap, while normalising and validating thousands of items is not. A list over its cap is a 400 naming the field
/// and the limit.
/// </summary>
internal static class CollectionLimits
{
    // Deep enough for any command; a bound, so that no shape can make the walk recurse without end.
    private const int MaxDepth = 8;

    /// <summary>The cap declared on a JSON property, or null when it has none.</summary>
    public static int? MaxItems(JsonPropertyInfo property) =>
        property.AttributeProvider is MemberInfo member && member.GetCustomAttribute<MaxLengthAttribute>() is { Length: >= 0 } max
            ? max.Length
            : null;

    /// <summary>The 400 for a list holding <paramref name="count"/> items where <paramref name="max"/> are allowed.</summary>
    public static ValidationProblem TooMany(string field, int max, int count) =>
        Problems.Invalid(field, $"'{field}' may hold at most {max} items; this one has {count}.");

    /// <summary>The 400 for the first list in <paramref name="command"/> (or in an object it holds) over its cap; null when none is.</summary>
    public static ValidationProblem? Check(object command, JsonSerializerOptions json) =>
        Check(command, json.GetTypeInfo(command.GetType()), json, "", 0);

    private static ValidationProblem? Check(object value, JsonTypeInfo type, JsonSerializerOptions json, string path, int depth)
    {
        if (type.Kind != JsonTypeInfoKind.Object || depth > MaxDepth)
        {
            return null;
        }

        foreach (var property in type.Properties)
        {
            if (property.Get?.Invoke(value) is not { } member)
            {
                continue;
            }

            var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (member is ICollection items)
            {
                if (MaxItems(property) is { } max && items.Count > max)
                {
                    return TooMany(field, max, items.Count);
                }
            }
            else if (member is not string && Check(member, json.GetTypeInfo(member.GetType()), json, field, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
