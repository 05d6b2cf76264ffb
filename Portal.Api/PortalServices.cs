using FluentValidation;
using Portal.Api.Data;
using Portal.Api.Data.Seed;
using Portal.Api.Features;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Articles;
using Portal.Api.Features.Directives;
using Portal.Api.Features.Feeds;
using Portal.Api.Features.Health;
using Portal.Api.Features.Hits;
using Portal.Api.Features.Syndication;
using Portal.Api.Features.Webhooks;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Articles;

namespace Portal.Api;

/// <summary>Composition of Portal's services and middleware; Program.cs only calls these two methods.</summary>
internal static class PortalServices
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddPortalDatabase(configuration);
        services.AddScoped<PortalSeeder>();
        services.AddSingleton<HtmlContent>();
        services.AddScoped<ArticleWriter>();
        services.AddScoped<DirectiveWriter>();
        // What If-Match on editorial writes is compared with (LifecycleWrites.ForWriteAsync).
        services.AddScoped<ICurrentRepresentation<Portal.Domain.Articles.Article>, CurrentArticle>();
        services.AddScoped<ICurrentRepresentation<Portal.Domain.Directives.Directive>, CurrentDirective>();
        services.AddSingleton(configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>() ?? new FileStoreOptions());
        services.AddSingleton<FileStore>();
        services.AddPortalJson();
        services.AddPortalProblemDetails();
        services.AddPortalOpenApi();
        services.AddPortalCors(configuration);
        services.AddPortalForwardedHeaders(configuration);
        services.AddPortalHealthChecks();
        services.AddPortalReaderCache(configuration);
        services.AddPortalAuth();
        services.AddValidatorsFromAssemblyContaining<ArticleCommandValidator>();
        services.AddValidatorsFromAssemblyContaining<Program>();

        var hitOptions = configuration.GetSection(HitOptions.Section).Get<HitOptions>() ?? new HitOptions();
        services.AddSingleton(hitOptions);
        services.AddSingleton<HitCounter>();
        services.AddHostedService<HitFlusher>();
        services.AddSingleton(_ => CrawlerDetector.Embedded);
        services.AddHitRateLimiting(hitOptions.RateLimit);

        var webhookOptions = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddSingleton(webhookOptions);
        // Receivers are checked like feed sources: no loopback, private or link-local address unless configured (SSRF).
        services.AddHttpClient(WebhookSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = Features.Feeds.NetworkGuard.ConnectCallback(
                webhookOptions.AllowPrivateNetworks, "webhooks may only be delivered to public addresses (set Webhooks:AllowPrivateNetworks to allow it)"),
        });
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookWorker>();
        services.AddPortalFeeds(configuration);
        services.AddPortalSyndication(configuration);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseNoSniff();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseJsonBodyLimit();
        app.UseCors();
        // Before the reader cache: a query string that is not UTF-8 is a 400 whether or not its URL is cached.
        app.UseUtf8QueryStrings();
        // Before authentication: the reader cache only serves requests without credentials, which need none of it.
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseRejectInvalidCredentials();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UsePortalOpenApi();
        app.MapPortalApi();
        return app;
    }
}
