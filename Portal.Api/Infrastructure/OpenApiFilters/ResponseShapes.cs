using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Portal.Api.Infrastructure.OpenApiFilters;

/// <summary>
/// Marks every member of a response shape <c>required</c>: responses are written with every member present, null
/// included (<see cref="Json"/>: DefaultIgnoreCondition.Never), so a generated client must not make any of them
/// optional. A response shape is a closed object schema (additionalProperties: false, i.e. one of Portal's records)
/// reached from a response and from no request body; open schemas such as problem details, whose members are
/// written only when set, are left as they are. Whether a member may be null comes from its C# nullability.
/// </summary>
internal sealed class ResponseShapes : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var fromResponses = new HashSet<string>(StringComparer.Ordinal);
        var fromRequests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            {
                foreach (var media in response.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
                {
                    Reach(media.Schema, schemas, fromResponses);
                }
            }

            foreach (var media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
            {
                Reach(media.Schema, schemas, fromRequests);
            }
        }

        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            TypeNullableReferences(schema, schemas);
        }

        foreach (var name in fromResponses.Except(fromRequests))
        {
            if (schemas[name] is OpenApiSchema { AdditionalPropertiesAllowed: false, Properties.Count: > 0 } shape)
            {
                shape.Required = new SortedSet<string>(shape.Properties.Keys, StringComparer.Ordinal);
            }
        }
    }

    // OpenAPI 3.0 ignores `nullable` without a `type` beside it (Redocly's nullable-type-sibling), and a nullable
    // reference to another schema is written allOf [$ref] + nullable: give it the type of the schema it refers to.
    private static void TypeNullableReferences(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var member in (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>()).OfType<OpenApiSchema>())
        {
            if (member is { AllOf: [OpenApiSchemaReference { Reference.Id: { } id }], Type: JsonSchemaType.Null }
                && schemas.TryGetValue(id, out var target) && target.Type is { } type)
            {
                member.Type = type | JsonSchemaType.Null;
            }
        }
    }

    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> seen)
    {
        if (schema is null)
        {
            return;
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            if (seen.Add(id) && schemas.TryGetValue(id, out var target))
            {
                Reach(target, schemas, seen);
            }

            return;
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            Reach(child, schemas, seen);
        }

        Reach(schema.Items, schemas, seen);
        Reach(schema.AdditionalProperties, schemas, seen);
    }
}
