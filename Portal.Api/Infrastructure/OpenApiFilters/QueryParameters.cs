using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Portal.Api.Infrastructure.OpenApiFilters;

/// <summary>A string query parameter that takes the names of <see cref="Enum"/> (camelCase, as in JSON): documented as an enum.</summary>
/// <param name="type">The enum whose member names are the accepted values.</param>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
internal sealed class EnumQueryAttribute(Type type) : Attribute
{
    public Type Enum { get; } = type;
}

/// <summary>A <c>sort</c> query parameter read by the <see cref="SortFields{T}"/> held in a static field of <see cref="Owner"/>: documented with its pattern.</summary>
/// <param name="owner">The type with the static SortFields field (public or not).</param>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
internal sealed class SortQueryAttribute(Type owner) : Attribute
{
    public Type Owner { get; } = owner;
}

/// <summary>
/// Query parameters' ranges, enums and patterns from the attributes on the <c>[AsParameters]</c> record that binds
/// them: <see cref="RangeAttribute"/> (minimum, maximum), <see cref="EnumQueryAttribute"/>, <see cref="SortQueryAttribute"/>.
/// The endpoint still checks each one and answers a 400 naming the parameter; this only tells clients beforehand.
/// </summary>
internal sealed class QueryParameters : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is null || context.MethodInfo is null)
        {
            return;
        }

        var attributes = context.MethodInfo.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .SelectMany(p => p.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()))
            .Select(p => (Name: p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name, Attributes: p.GetCustomAttributes().ToList()))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Attributes, StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            if (parameter.Name is null || !attributes.TryGetValue(parameter.Name, out var found) || parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            foreach (var attribute in found)
            {
                switch (attribute)
                {
                    case RangeAttribute range:
                        schema.Minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
                        if (!Equals(range.Maximum, int.MaxValue))
                        {
                            schema.Maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
                        }

                        break;
                    case EnumQueryAttribute values:
                        schema.Enum = [.. System.Enum.GetNames(values.Enum).Select(n => (System.Text.Json.Nodes.JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n))];
                        break;
                    case SortQueryAttribute sort:
                        schema.Pattern = SortPattern(sort.Owner);
                        break;
                }
            }
        }
    }

    private static string SortPattern(Type owner)
    {
        var field = owner.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Single(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(SortFields<>));
        return (string)field.FieldType.GetProperty(nameof(SortFields<object>.Pattern))!.GetValue(field.GetValue(null))!;
    }
}
