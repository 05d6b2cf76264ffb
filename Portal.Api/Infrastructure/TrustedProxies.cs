using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Api.Infrastructure;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are honoured only from the proxies listed in <c>Network:TrustedProxies</c>
/// (IP addresses such as <c>10.0.0.5</c> or networks such as <c>10.0.0.0/8</c>); the framework's default trust of
/// loopback is removed, so a reverse proxy on the same host must be listed too (<c>127.0.0.1</c>, <c>::1</c>).
/// With no entry, the header is ignored and the client is the connection's remote address. The resolved address is
/// used in memory only (rate limiting); Portal never stores an IP address.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "Network:TrustedProxies";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The middleware checks senders only while some proxy is known: with empty lists it believes everyone.
            // So with no trusted proxy configured, it is told to read no header at all.
            o.ForwardedHeaders = entries.Any(e => !string.IsNullOrWhiteSpace(e))
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list still carries the default loopback network; it must be emptied too.
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            // Every hop is checked against the list, so walking a chain of trusted proxies cannot be spoofed past them.
            o.ForwardLimit = null;
            foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
            {
                if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    o.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry, out var address))
                {
                    o.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException($"{Section} holds '{entry}', which is neither an IP address nor a network such as 10.0.0.0/8.");
                }
            }
        });
        return services;
    }
}
