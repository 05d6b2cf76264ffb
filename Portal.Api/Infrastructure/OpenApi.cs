using Microsoft.OpenApi;

namespace Portal.Api.Infrastructure;

/// <summary>Swashbuckle set-up: the document at /swagger/v1/swagger.json (committed as openapi.json) and Swagger UI at /swagger.</summary>
internal static class OpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";

    private static readonly string[] XmlDocs = ["Portal.Api.xml", "Portal.Domain.xml"];

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Portal API",
                Version = "v1",
                Description = "Headless CMS for Vietnamese government portals: news articles, official documents (văn bản chỉ đạo điều hành), site settings and the visit counter. Conventions: camelCase JSON, UTC instants, Vietnamese calendar dates (Asia/Ho_Chi_Minh) as YYYY-MM-DD, RFC 9457 problem details, ETag/If-None-Match on every GET; HEAD is answered wherever GET is (same status and headers, no body).",
            });
            foreach (var xml in XmlDocs)
            {
                var path = Path.Combine(AppContext.BaseDirectory, xml);
                if (File.Exists(path))
                {
                    o.IncludeXmlComments(path);
                }
            }

            // HEAD is answered wherever GET is (HeadRequests); listing it would duplicate every GET operation and its id.
            o.DocInclusionPredicate((document, api) => !HttpMethods.IsHead(api.HttpMethod ?? "") && (api.GroupName is null || api.GroupName == document));
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(SchemaId);
            // Time query parameters are read by IsoTime's rule (TimeParameters) but are strings of the usual formats.
            o.MapType<QueryInstant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" });
            o.MapType<QueryDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" });
        });
        return services;
    }

    public static WebApplication UsePortalOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(DocumentPath, "Portal API v1");
            o.RoutePrefix = "swagger";
        });
        return app;
    }

    // Generic responses get readable, stable ids: PagedList<ArticleListItem> → ArticleListItemPage.
    private static string SchemaId(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedList<>)
        ? type.GetGenericArguments()[0].Name + "Page"
        : type.IsGenericType
            ? string.Concat(type.GetGenericArguments().Select(SchemaId)) + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]
            : type.Name;
}
