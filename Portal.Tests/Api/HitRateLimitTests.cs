using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>POST /hits is rate-limited per client (visitor id and address); X-Forwarded-For counts only from trusted proxies.</summary>
public sealed class HitRateLimitTests : IDisposable
{
    private readonly PortalApp _app = new PortalApp()
        .Setting("Hits:RateLimit:PermitLimit", "3")
        .Setting("Hits:RateLimit:WindowSeconds", "3600")
        .Setting("Network:TrustedProxies:0", "10.0.0.1");

    private HttpClient Visitor(string id)
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Add("X-Visitor-Id", id);
        return client;
    }

    [Fact]
    public async Task A_client_over_the_limit_gets_a_429_problem_with_Retry_After_and_is_not_counted()
    {
        var eager = Visitor("eager-visitor");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await eager.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
        }

        var rejected = await eager.PostJson("/api/v1/hits", new { path = "/" });
        await rejected.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(rejected.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {rejected.Headers.RetryAfter}");

        Assert.Equal(HttpStatusCode.Accepted, (await Visitor("calm-visitor").PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
        var counter = await (await _app.Client().GetAsync("/api/v1/hits")).Json();
        Assert.Equal(4, counter["pageViewsToday"]!.GetValue<long>());
    }

    [Fact]
    public async Task X_Forwarded_For_separates_clients_only_behind_a_trusted_proxy()
    {
        var proxied = _app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFromTestHeader>()));
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        Task<HttpStatusCode> PostFromAsync(string remote, string forwardedFor)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hits") { Content = JsonContent.Create(new { path = "/" }) };
            request.Headers.Add(RemoteAddressFromTestHeader.Header, remote);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return client.SendAsync(request).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);
        }

        // No visitor id: the client is its address, taken from X-Forwarded-For when the sender is the trusted proxy.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await PostFromAsync("10.0.0.1", "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFromAsync("10.0.0.1", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Accepted, await PostFromAsync("10.0.0.1", "203.0.113.8"));

        // An untrusted sender cannot pose as many clients by varying the header.
        for (var i = 0; i < 3; i++)
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
