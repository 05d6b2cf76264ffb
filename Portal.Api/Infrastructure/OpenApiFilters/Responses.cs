using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Portal.Api.Infrastructure.OpenApiFilters;

/// <summary>Helpers the operation filters share to add a documented response or header.</summary>
internal static class Responses
{
    /// <summary>Adds a problem-details response for <paramref name="status"/> unless the operation declares it already.</summary>
    public static void Problem(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        operation.Responses ??= [];
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(code))
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }

    /// <summary>Documents header <paramref name="name"/> (a string) on response <paramref name="status"/>, when the operation has that response.</summary>
    public static void Header(OpenApiOperation operation, int status, string name, string description, JsonSchemaType type = JsonSchemaType.String)
    {
        if (operation.Responses is null || !operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) || found is not OpenApiResponse response)
        {
            return;
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } };
    }
}
