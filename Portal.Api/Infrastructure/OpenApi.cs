using Microsoft.OpenApi;
using Portal.Api.Infrastructure.OpenApiFilters;

namespace Portal.Api.Infrastructure;

/// <summary>Swashbuckle set-up: the document at /swagger/v1/swagger.json (committed as openapi.json) and Swagger UI at /swagger.</summary>
internal static class OpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";

    // Shown above each group of operations in Swagger UI and in generated docs.
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["API keys"] = "Keys for editors, admins and integrators (admin only); a key is shown once, when created.",
        ["Articles"] = "News articles (tin bài): anonymous reads of what is published; editors write, publish, unpublish and archive.",
        ["Catalogues"] = "Issuing bodies (cơ quan ban hành) and document types, and the document-number parser.",
        ["Categories"] = "Article categories (chuyên mục) with slugs; an old slug answers 301.",
        ["Directives"] = "Official documents (văn bản chỉ đạo điều hành): metadata, files, relations between documents.",
        ["Feed sources"] = "RSS/Atom sources whose items are imported as draft articles (admin).",
        ["Feeds"] = "RSS 2.0 and Atom feeds of published articles and directives.",
        ["Media"] = "Images for articles: upload (editor) and download.",
        ["Settings"] = "The site settings every page shows (name, contacts, links, banners); admins change them with If-Match.",
        ["Sync"] = "Delta sync for integrators: every change to public articles, directives and settings, by cursor.",
        ["Visit counter"] = "Page views and the site's visit totals (lượt truy cập), per day in Asia/Ho_Chi_Minh.",
        ["Webhooks"] = "Outgoing notifications of content changes, signed, with delivery history (admin).",
    };

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
            // Exactness for generated clients: nullable exactly as the C# types say (a nullable reference to another
            // schema becomes allOf [$ref] with nullable: true), every member of a response shape required.
            o.SupportNonNullableReferenceTypes();
            o.UseAllOfToExtendReferenceSchemas();
            o.DocumentFilter<ResponseShapes>();
            o.DocumentFilter<TagDescriptions>();
            o.AddSecurityDefinition(OperationSecurity.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "ptl_…",
                Description = "An API key (make key ROLE=editor, or POST /api/v1/api-keys as admin), sent as Authorization: Bearer ptl_…. Roles: editor (articles, directives, catalogues, media), admin (everything).",
            });
            o.OperationFilter<OperationSecurity>();
            o.OperationFilter<HttpConventions>();
            o.OperationFilter<QueryParameters>();
            o.CustomSchemaIds(SchemaId);
            // Time query parameters are read by IsoTime's rule (TimeParameters) but are strings of the usual formats.
            o.MapType<QueryInstant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" });
            o.MapType<QueryDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" });
        });
        return services;
    }

    public static WebApplication UsePortalOpenApi(this WebApplication app)
    {
        // Relative to wherever the document is served from, so Swagger UI and clients talk to the same origin.
        app.UseSwagger(o => o.PreSerializeFilters.Add((document, _) => document.Servers = [new OpenApiServer { Url = "/", Description = "The Portal serving this document." }]));
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(DocumentPath, "Portal API v1");
            o.RoutePrefix = "swagger";
            o.EnablePersistAuthorization();
        });
        return app;
    }

    // Generic responses get readable, stable ids: PagedList<ArticleListItem> → ArticleListItemPage.
    private static string SchemaId(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedList<>)
        ? type.GetGenericArguments()[0].Name + "Page"
        : type.IsGenericType
            ? string.Concat(type.GetGenericArguments().Select(SchemaId)) + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]
            : type.Name;

    /// <summary>Gives each tag its description from <see cref="Tags"/>.</summary>
    private sealed class TagDescriptions : Swashbuckle.AspNetCore.SwaggerGen.IDocumentFilter
    {
        public void Apply(OpenApiDocument swaggerDoc, Swashbuckle.AspNetCore.SwaggerGen.DocumentFilterContext context)
        {
            foreach (var tag in swaggerDoc.Tags ?? Enumerable.Empty<OpenApiTag>())
            {
                if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }
        }
    }
}
