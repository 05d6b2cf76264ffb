namespace Portal.Api.Features.Feeds;

/// <summary>Feed import settings, bound from the <c>Feeds</c> configuration section.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>
    /// Allow feeds on loopback, private (RFC 1918, ULA), link-local, CGNAT and other non-public addresses. Off by
    /// default so that an admin key cannot make the server fetch from its own network (SSRF): a URL whose host is
    /// certainly not public (a literal address, localhost…) is refused when the source is saved, and every address a
    /// host resolves to is checked at connect time, after each redirect too.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Whole-fetch timeout (all redirects and the body), in seconds. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Redirects followed per fetch; each hop is checked again. Default 3.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>Largest feed body read, in bytes (after decompression). Default 5 MiB.</summary>
    public int MaxFeedBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Items imported per run; later items in the feed are left out and reported. Default 200.</summary>
    public int MaxItems { get; set; } = 200;

    /// <summary>Run the background poller (default true). Tests drive <see cref="FeedPoller.PollOnceAsync"/> directly.</summary>
    public bool PollerEnabled { get; set; } = true;

    /// <summary>How often the poller looks for due sources, in seconds. Default 60.</summary>
    public int PollCheckSeconds { get; set; } = 60;

    /// <summary>How long a claim on a source lasts, in minutes; must exceed the longest import. Default 10.</summary>
    public int LeaseMinutes { get; set; } = 10;

    /// <summary>Run reports kept per source (newest first). Default 20.</summary>
    public int RunsKept { get; set; } = 20;

    /// <summary>Errors kept per run report. Default 100.</summary>
    public int MaxErrorsPerRun { get; set; } = 100;
}
