namespace Portal.Api.Features.Feeds;

internal static class FeedSetup
{
    /// <summary>Feed import: options, the guarded named HTTP client, the importer and the background poller.</summary>
    public static IServiceCollection AddPortalFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(FeedOptions.Section).Get<FeedOptions>() ?? new FeedOptions();
        services.AddSingleton(options);
        FeedFetcher.AddClient(services, options);
        services.AddSingleton<FeedFetcher>();
        services.AddScoped<FeedItemWriter>();
        services.AddScoped<FeedImporter>();
        services.AddSingleton<FeedPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedPoller>());
        return services;
    }
}
