using Portal.Api.Features.Admin;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Articles;
using Portal.Api.Features.Catalogues;
using Portal.Api.Features.Categories;
using Portal.Api.Features.Media;
using Portal.Api.Features.Directives;
using Portal.Api.Features.Feeds;
using Portal.Api.Features.Health;
using Portal.Api.Features.Hits;
using Portal.Api.Features.Settings;
using Portal.Api.Features.Sync;
using Portal.Api.Features.Webhooks;
using Portal.Api.Features.Syndication;
using Portal.Api.Infrastructure;

namespace Portal.Api.Features;

/// <summary>Maps every resource's endpoints; each resource owns its folder and its <c>Map…</c> extension.</summary>
internal static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        // One root group so that conventions reach every endpoint: HEAD wherever GET.
        var app = endpoints.MapGroup("").AnswerHeadLikeGet();
        app.MapGroup("/api/v1/articles").WithTags("Articles").MapArticleReads().MapArticleWrites();
        app.MapGroup("/api/v1/directives").WithTags("Directives")
            .MapDirectiveReads().MapDirectiveWrites().MapDirectiveRelations().MapDirectiveAttachments();
        app.MapIssuingBodies();
        app.MapDocumentCatalogues();
        app.MapSettings();
        app.MapHits();
        app.MapApiKeys();
        app.MapCategories();
        app.MapMedia();
        app.MapSync();
        app.MapWebhooks();
        app.MapFeedSources();
        app.MapSyndication();
        app.MapPortalHealth();
        app.MapAdmin();
        return endpoints;
    }
}
