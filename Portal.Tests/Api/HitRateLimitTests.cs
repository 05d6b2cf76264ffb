using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Hits;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// POST /hits is limited per remote address — what the client cannot choose — and per visitor id at an address;
/// X-Forwarded-For counts only from trusted proxies.
/// </summary>
public sealed class HitRateLimitTests : IDisposable
{
    private const int AddressLimit = 5;
    private const int VisitorLimit = 3;

    private readonly PortalApp _app = new PortalApp()
        .Setting("Hits:RateLimit:PermitLimit", $"{AddressLimit}")
        .Setting("Hits:RateLimit:VisitorPermitLimit", $"{VisitorLimit}")
        // A window that cannot turn while a test runs on a slow machine.
        .Setting("Hits:RateLimit:WindowSeconds", "3600")
        .Setting("Network:TrustedProxies:0", "10.0.0.1");

    private HttpClient Visitor(string id)
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Add("X-Visitor-Id", id);
        return client;
    }

    private async Task<long> PageViewsAsync() =>
        (await (await _app.Client().GetAsync("/api/v1/hits")).Json())["pageViewsToday"]!.GetValue<long>();

    [Fact]
    public async Task A_visitor_over_its_limit_gets_a_429_problem_with_Retry_After_and_is_not_counted()
    {
        var eager = Visitor("eager-visitor");
        for (var i = 0; i < VisitorLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await eager.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
        }

        var rejected = await eager.PostJson("/api/v1/hits", new { path = "/" });
        await rejected.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(rejected.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {rejected.Headers.RetryAfter}");

        // Another reader at the same address (an office behind one NAT) is still counted.
        Assert.Equal(HttpStatusCode.Accepted, (await Visitor("calm-visitor").PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
        Assert.Equal(VisitorLimit + 1, await PageViewsAsync());
    }

    [Theory]
    [InlineData("header")]
    [InlineData("cookie")]
    [InlineData("none")]
    public async Task A_new_visitor_id_with_every_hit_does_not_escape_the_address_limit(string identity)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        Task<HttpResponseMessage> PostAsync(int i)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits") { Content = JsonContent.Create(new { path = "/" }) };
            var id = $"fresh-visitor-{i:D4}";
            if (identity == "header")
            {
                request.Headers.Add("X-Visitor-Id", id);
            }
            else if (identity == "cookie")
            {
                request.Headers.Add("Cookie", $"portal_vid={id}");
            }

            return client.SendAsync(request);
        }

        for (var i = 0; i < AddressLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(i)).StatusCode);
        }

        for (var i = AddressLimit; i < AddressLimit + 3; i++)
        {
            await (await PostAsync(i)).Problem(HttpStatusCode.TooManyRequests);
        }

        Assert.Equal(AddressLimit, await PageViewsAsync());
    }

    [Fact]
    public async Task A_busy_office_behind_one_address_is_never_refused_by_the_default_limits()
    {
        var defaults = new HitRateLimitOptions();
        using var app = new PortalApp()
            .Setting("Hits:RateLimit:PermitLimit", $"{defaults.PermitLimit}")
            .Setting("Hits:RateLimit:WindowSeconds", "3600");

        // README, Abuse: 40 staff each opening a page every 10 s for a minute — 240 hits from one address.
        const int staff = 40, pagesPerMinute = 6;
        var readers = Enumerable.Range(0, staff).Select(i =>
        {
            var client = app.Client();
            client.DefaultRequestHeaders.Add("X-Visitor-Id", $"office-reader-{i:D3}");
            return client;
        }).ToList();
        for (var minute = 0; minute < pagesPerMinute; minute++)
        {
            foreach (var reader in readers)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await reader.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
            }
        }

        Assert.True(defaults.PermitLimit >= 2 * staff * pagesPerMinute, "the address limit leaves room for twice the office");
        Assert.True(defaults.VisitorPermitLimit >= 5 * pagesPerMinute, "a reader may click five times faster than the model");
    }

    [Fact]
    public async Task X_Forwarded_For_separates_clients_only_behind_a_trusted_proxy()
    {
        var proxied = _app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFromTestHeader>()));
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var n = 0;
        Task<HttpStatusCode> PostFromAsync(string remote, string forwardedFor)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits") { Content = JsonContent.Create(new { path = "/" }) };
            request.Headers.Add(RemoteAddressFromTestHeader.Header, remote);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            request.Headers.Add("X-Visitor-Id", $"proxied-visitor-{n++:D4}");
            return client.SendAsync(request).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);
        }

        // The client is its address, taken from X-Forwarded-For when the sender is the trusted proxy.
        for (var i = 0; i < AddressLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await PostFromAsync("10.0.0.1", "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFromAsync("10.0.0.1", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Accepted, await PostFromAsync("10.0.0.1", "203.0.113.8"));

        // An untrusted sender cannot pose as many clients by varying the header.
        for (var i = 0; i < AddressLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await PostFromAsync("198.51.100.9", $"203.0.113.{20 + i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFromAsync("198.51.100.9", "203.0.113.99"));
    }

    /// <summary>Sets the connection's remote address from a test header, as a real connection from that address would.</summary>
    private sealed class RemoteAddressFromTestHeader : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public void Dispose() => _app.Dispose();
}
