using System.Net;

namespace Portal.Api.Features.Feeds;

/// <summary>What a fetch brought back.</summary>
/// <param name="Body">The feed's bytes (200 only).</param>
/// <param name="NotModified">True when the server answered 304 to our validators.</param>
/// <param name="Status">The final HTTP status, or null when no response arrived.</param>
/// <param name="ETag">The ETag to send next time (verbatim), or null.</param>
/// <param name="LastModified">The Last-Modified to send next time (verbatim), or null.</param>
/// <param name="FinalUrl">The URL after redirects: the base for relative links.</param>
/// <param name="Error">Why the fetch failed, or null.</param>
/// <param name="Charset">The charset parameter of the response's Content-Type, or null when it names none.</param>
internal sealed record FetchResult(byte[]? Body, bool NotModified, int? Status, string? ETag, string? LastModified, Uri FinalUrl, string? Error, string? Charset = null);

/// <summary>
/// Fetches a feed with the named <see cref="ClientName"/> client: conditional GET (If-None-Match /
/// If-Modified-Since), redirects followed here rather than by the handler so that each hop's scheme is checked (and
/// its address, by <see cref="NetworkGuard"/>), a whole-fetch timeout and a size cap. Failures are returned, not thrown.
/// </summary>
internal sealed class FeedFetcher(IHttpClientFactory clients, FeedOptions options)
{
    public const string ClientName = "feeds";

    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    /// <summary>Registers the named client: no automatic redirects, no proxy, decompression, and the address guard.</summary>
    public static void AddClient(IServiceCollection services, FeedOptions options) =>
        services.AddHttpClient(ClientName, c =>
            {
                c.Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds));
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Portal-FeedImporter/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
                ConnectCallback = NetworkGuard.ConnectCallback(options),
            });

    public async Task<FetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken ct)
    {
        // Network timeouts are wall-clock time, not the injected clock: a test's frozen clock must not hang a fetch.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        var client = clients.CreateClient(ClientName);
        var current = url;
        int? status = null;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("Accept", Accept);
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (NextHop(current, response.Headers.Location, hop) is not { } next)
                    {
                        return Fail(current, status, RedirectError(response.Headers.Location, hop));
                    }

                    current = next;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult(null, true, status, etag, lastModified, current, null);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Fail(current, status, $"The feed answered HTTP {status} {response.ReasonPhrase}.");
                }

                var body = await ReadCappedAsync(response.Content, timeout.Token);
                if (body is null)
                {
                    return Fail(current, status, $"The feed is larger than {options.MaxFeedBytes} bytes (Feeds:MaxFeedBytes).");
                }

                var newLastModified = response.Content.Headers.TryGetValues("Last-Modified", out var lm) ? lm.FirstOrDefault() : null;
                var charset = response.Content.Headers.ContentType?.CharSet?.Trim().Trim('"', '\'').Trim();
                return new FetchResult(body, false, status, response.Headers.ETag?.ToString(), newLastModified, current, null, string.IsNullOrEmpty(charset) ? null : charset);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail(current, status, $"The feed did not answer within {options.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException ex)
        {
            return Fail(current, status, Describe(ex));
        }
        catch (IOException ex)
        {
            return Fail(current, status, $"Reading the feed failed: {ex.Message}");
        }
    }

    private Uri? NextHop(Uri current, Uri? location, int hop) =>
        location is null || hop >= options.MaxRedirects || new Uri(current, location) is not { } next || !IsHttp(next) ? null : next;

    private string RedirectError(Uri? location, int hop) => location is null
        ? "The feed redirected without a Location header."
        : hop >= options.MaxRedirects
            ? $"The feed redirected more than {options.MaxRedirects} times (Feeds:MaxRedirects)."
            : $"The feed redirected to '{location}', which is not an http or https URL.";

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static FetchResult Fail(Uri url, int? status, string error) => new(null, false, status, null, null, url, error);

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is FeedAddressRefusedException refused)
            {
                return refused.Message;
            }
        }

        return $"The feed could not be fetched: {ex.Message}";
    }

    /// <summary>The body, or null when it exceeds <see cref="FeedOptions.MaxFeedBytes"/>.</summary>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength > options.MaxFeedBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxFeedBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
