using System.Net;
using System.Net.Sockets;

namespace Portal.Api.Features.Feeds;

/// <summary>The feed's host resolved to an address that feeds may not use (see <see cref="FeedOptions.AllowPrivateNetworks"/>).</summary>
public sealed class FeedAddressRefusedException : Exception
{
    public FeedAddressRefusedException()
    {
    }

    public FeedAddressRefusedException(string message)
        : base(message)
    {
    }

    public FeedAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// SSRF protection for feed fetches. The check runs inside the HTTP handler's connect step: the host is resolved
/// once, every address it resolves to must be public, and the socket connects to exactly those addresses, so a
/// DNS answer cannot change between the check and the connection (no rebinding window). Redirect hops connect
/// through the same step.
/// </summary>
internal static class NetworkGuard
{
    /// <summary>Why <paramref name="address"/> is not a public unicast address, or null when it is.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [127, ..] => "a loopback address",
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "a private (RFC 1918) address",
                [169, 254, ..] => "a link-local address",
                [100, >= 64 and <= 127, ..] => "a shared (carrier-grade NAT) address",
                [0, ..] => "an unspecified address",
                [192, 0, 0, ..] or [198, 18 or 19, ..] => "a reserved address",
                [>= 224, ..] => "a multicast or reserved address",
                _ => null,
            };
        }

        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "an unspecified address";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "a link-local address";
        }

        if (address.IsIPv6UniqueLocal)
        {
            return "a private (unique local) address";
        }

        if (address.IsIPv6Multicast)
        {
            return "a multicast address";
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that must be public too.
        var bytes = address.GetAddressBytes();
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return "a reserved (IPv4-compatible, deprecated) address";
        }

        if (bytes is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            return NonPublicReason(new IPAddress(bytes[12..]));
        }

        return bytes is [0x20, 0x02, ..] ? NonPublicReason(new IPAddress(bytes[2..6])) : null;
    }

    // Special-use names that always mean this host or its own network: localhost (RFC 6761 §6.3), mDNS .local
    // (RFC 6762), home.arpa (RFC 8375) and .internal (ICANN's private-use top-level domain, 2024).
    private static readonly string[] LocalSuffixes = [".localhost", ".local", ".home.arpa", ".internal"];

    /// <summary>
    /// Why the host of <paramref name="url"/> (absolute http or https) is certainly not public, decided without DNS, or
    /// null when it may be: a literal IP address in any form a resolver accepts (dotted, decimal <c>2130706433</c>,
    /// octal <c>0177.0.0.1</c>, hex <c>0x7f.1</c>, short <c>127.1</c>, IPv6, IPv4-mapped IPv6) that
    /// <see cref="NonPublicReason"/> refuses, or a special-use name for the local host or network (<c>localhost</c>,
    /// <c>*.localhost</c>, <c>*.local</c>, <c>*.home.arpa</c>, <c>*.internal</c>). Used when a URL is saved, so that
    /// such a URL is refused at once; other names are not resolved then (the answer would depend on the network at
    /// that moment and may change later) but at every connection, by <see cref="ConnectCallback(bool, string)"/>.
    /// </summary>
    public static string? UrlRefusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        // DnsSafeHost drops IPv6 brackets; a trailing dot (an absolute name) changes nothing for a resolver.
        var host = uri.DnsSafeHost.TrimEnd('.');
        var scope = host.IndexOf('%', StringComparison.Ordinal);
        if (IPAddress.TryParse(scope < 0 ? host : host[..scope], out var address))
        {
            return NonPublicReason(address) is { } reason ? $"{address} is {reason}" : null;
        }

        host = host.ToLowerInvariant();
        return host == "localhost" || LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal))
            ? $"'{host}' names the local host or network"
            : null;
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that refuses non-public addresses unless allowed.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(FeedOptions options) =>
        ConnectCallback(options.AllowPrivateNetworks, "feeds may only be fetched from public addresses (set Feeds:AllowPrivateNetworks to allow it)");

    /// <summary>The same guard for any outbound client; <paramref name="refusal"/> ends the error message.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivateNetworks, string refusal) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host.Trim('[', ']');
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            if (addresses.Length == 0)
            {
                throw new FeedAddressRefusedException($"The host '{host}' has no address.");
            }

            if (!allowPrivateNetworks)
            {
                foreach (var address in addresses)
                {
                    if (NonPublicReason(address) is { } reason)
                    {
                        throw new FeedAddressRefusedException(
                            $"The host '{host}' resolves to {address}, {reason}; {refusal}.");
                    }
                }
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
