using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Portal.Api.Infrastructure.OpenApiFilters;

/// <summary>
/// The HTTP conventions every operation follows, derived from what it declares, so a new endpoint is documented
/// right without listing it here: conditional GETs (<see cref="ConditionalGet.WithETag"/>) take If-None-Match and
/// answer ETag; writes that declare 412 take If-Match (required when they declare 428) and answer the new ETag;
/// 201 and 301 carry Location; 429 carries Retry-After (seconds). A request with a body can be 413 (over the body
/// limit, <see cref="RequestLimits"/>) or 415 (another media type); any request whose query string is not UTF-8 is
/// a 400 (<see cref="QueryEncoding"/>).
/// </summary>
internal sealed class HttpConventions : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        operation.Parameters ??= [];
        if (metadata.OfType<ConditionalGet.ETaggedMetadata>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "An ETag from an earlier response (or several, comma-separated): 304 with no body when the representation still has it.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            Responses.Header(operation, StatusCodes.Status200OK, "ETag", "The representation's entity tag; send it as If-None-Match to revalidate (and, for a versioned resource, as If-Match to write it).");
            Responses.Header(operation, StatusCodes.Status304NotModified, "ETag", "The unchanged entity tag.");
        }

        if (operation.Responses.ContainsKey("412"))
        {
            var required = operation.Responses.ContainsKey("428");
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = required,
                Description = required
                    ? "The ETag of the representation this write is based on, or * to overwrite whatever is there; without it 428, stale 412."
                    : "The ETag of the representation this write is based on: a stale one is 412 and nothing changes. Without it the write proceeds.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            Responses.Header(operation, StatusCodes.Status200OK, "ETag", "The entity tag of the written representation, for the next If-Match.");
        }

        Responses.Header(operation, StatusCodes.Status201Created, "Location", "The URL of the created resource.");
        Responses.Header(operation, StatusCodes.Status301MovedPermanently, "Location", "The current URL of the resource.");
        Responses.Header(operation, StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds to wait before trying again.", JsonSchemaType.Integer);

        if (operation.RequestBody is OpenApiRequestBody body)
        {
            RequireFileParts(body, context);
            Responses.Problem(operation, context, StatusCodes.Status413PayloadTooLarge, "The body is over the size limit.");
            Responses.Problem(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not of a media type the operation takes.");
        }

        Responses.Problem(operation, context, StatusCodes.Status400BadRequest, "A query parameter is not valid UTF-8 once decoded (the errors name it).");
        if (operation.Parameters.Count == 0)
        {
            operation.Parameters = null;
        }
    }

    // A multipart upload's file parts must be sent (the endpoint answers 400 naming the part otherwise), so they are
    // required, and so is the body: Swagger UI then shows a file input and sends the part.
    private static void RequireFileParts(OpenApiRequestBody body, OperationFilterContext context)
    {
        if (body.Content is null || !body.Content.TryGetValue("multipart/form-data", out var media) || media.Schema is not { } schema)
        {
            return;
        }

        var shape = schema is OpenApiSchemaReference { Reference.Id: { } id } && context.SchemaRepository.Schemas.TryGetValue(id, out var target)
            ? target as OpenApiSchema
            : schema as OpenApiSchema;
        if (shape?.Properties is null)
        {
            return;
        }

        shape.Required ??= new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in shape.Properties.Where(p => p.Value.Format == "binary").Select(p => p.Key))
        {
            shape.Required.Add(name);
        }

        body.Required = true;
    }
}
