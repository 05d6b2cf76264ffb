using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A feed publisher on 127.0.0.1 (Kestrel, port chosen by the OS) so that imports never touch the internet.
/// Paths answer what <see cref="Serve"/> or <see cref="Redirect"/> set; every request is recorded with its
/// conditional headers. Honours If-None-Match / If-Modified-Since with 304 when the feed has validators.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Route> _routes = new(StringComparer.Ordinal);

    private FeedServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this server.</summary>
    public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

    public void Serve(string path, string body, string contentType = "application/rss+xml; charset=utf-8", string? etag = null, string? lastModified = null) =>
        _routes[path] = new Route(200, Encoding.UTF8.GetBytes(body), contentType, etag, lastModified, null);

    /// <summary>Serves <paramref name="body"/> byte for byte, e.g. a feed in a legacy encoding.</summary>
    public void ServeBytes(string path, byte[] body, string contentType) =>
        _routes[path] = new Route(200, body, contentType, null, null, null);

    public void Redirect(string path, string location, int status = 302) =>
        _routes[path] = new Route(status, [], "text/plain", null, null, location);

    /// <summary>How many requests reached <paramref name="path"/>.</summary>
    public int Hits(string path) => Requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = request.Headers.IfModifiedSince.ToString();
        Requests.Enqueue(new RecordedRequest(request.Path, ifNoneMatch.Length == 0 ? null : ifNoneMatch, ifModifiedSince.Length == 0 ? null : ifModifiedSince));
        if (!_routes.TryGetValue(request.Path.Value ?? "", out var route))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (route.Location is not null)
        {
            context.Response.StatusCode = route.Status;
            context.Response.Headers.Location = route.Location;
            return;
        }

        if ((route.ETag is not null && ifNoneMatch == route.ETag) || (route.ETag is null && route.LastModified is not null && ifModifiedSince == route.LastModified))
        {
            context.Response.StatusCode = 304;
            return;
        }

        if (route.ETag is not null)
        {
            context.Response.Headers.ETag = route.ETag;
        }

        if (route.LastModified is not null)
        {
            context.Response.Headers.LastModified = route.LastModified;
        }

        context.Response.ContentType = route.ContentType;
        await context.Response.Body.WriteAsync(route.Body);
    }

    private sealed record Route(int Status, byte[] Body, string ContentType, string? ETag, string? LastModified, string? Location);
}

/// <summary>A request the feed server received.</summary>
public sealed record RecordedRequest(string Path, string? IfNoneMatch, string? IfModifiedSince);
