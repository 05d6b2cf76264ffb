using System.Globalization;
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
    /// <summary>
    /// The address blocks refused, first match wins: every block of the IANA IPv4 and IPv6 Special-Purpose Address
    /// Registries (RFC 6890 and the RFCs each entry cites; iana.org/assignments/iana-ipv4-special-registry and
    /// iana-ipv6-special-registry) whose "Globally Reachable" is False or N/A, with the more specific blocks the
    /// registries mark globally reachable listed first as exceptions (a null reason), plus multicast (RFC 5771,
    /// RFC 4291 §2.7). Blocks that carry an IPv4 address (IPv4-mapped, IPv4-translated, NAT64, 6to4) are checked
    /// by the IPv4 address they carry.
    /// </summary>
    private static readonly (IPNetwork Block, string? Reason)[] SpecialPurpose =
    [
        // IPv4
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified address"), // "this network", RFC 791 §3.2
        (IPNetwork.Parse("10.0.0.0/8"), "a private (RFC 1918) address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT, RFC 6598) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"), // RFC 1122 §3.2.1.3
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"), // RFC 3927
        (IPNetwork.Parse("172.16.0.0/12"), "a private (RFC 1918) address"),
        (IPNetwork.Parse("192.0.0.9/32"), null), // Port Control Protocol anycast, RFC 7723: globally reachable
        (IPNetwork.Parse("192.0.0.10/32"), null), // TURN anycast, RFC 8155: globally reachable
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved (IETF protocol assignments, RFC 6890) address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation (TEST-NET-1, RFC 5737) address"),
        (IPNetwork.Parse("192.88.99.0/24"), "a reserved (deprecated 6to4 relay anycast, RFC 7526) address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private (RFC 1918) address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a reserved (benchmarking, RFC 2544) address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation (TEST-NET-2, RFC 5737) address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation (TEST-NET-3, RFC 5737) address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"), // RFC 1112 §4, and 255.255.255.255 limited broadcast (RFC 919)

        // IPv6
        (IPNetwork.Parse("::/128"), "an unspecified address"), // RFC 4291
        (IPNetwork.Parse("::1/128"), "a loopback address"), // RFC 4291
        (IPNetwork.Parse("::/96"), "a reserved (IPv4-compatible, deprecated by RFC 4291 §2.5.5.1) address"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "a reserved (local-use IPv4/IPv6 translation, RFC 8215) address"),
        (IPNetwork.Parse("100::/64"), "a discard-only (RFC 6666) address"),
        (IPNetwork.Parse("100:0:0:1::/64"), "a reserved (dummy IPv6 prefix, RFC 9780) address"),
        (IPNetwork.Parse("2001:1::1/128"), null), // Port Control Protocol anycast, RFC 7723
        (IPNetwork.Parse("2001:1::2/128"), null), // TURN anycast, RFC 8155
        (IPNetwork.Parse("2001:1::3/128"), null), // DNS-SD service registration anycast, RFC 9665
        (IPNetwork.Parse("2001:3::/32"), null), // AMT, RFC 7450
        (IPNetwork.Parse("2001:4:112::/48"), null), // AS112-v6, RFC 7535
        (IPNetwork.Parse("2001:20::/28"), null), // ORCHIDv2, RFC 7343
        (IPNetwork.Parse("2001:30::/28"), null), // drone remote ID, RFC 9374
        (IPNetwork.Parse("2001:db8::/32"), "a documentation (RFC 3849) address"),
        (IPNetwork.Parse("2001::/23"), "a reserved (IETF protocol assignments, RFC 2928; Teredo, RFC 4380) address"),
        (IPNetwork.Parse("3fff::/20"), "a documentation (RFC 9637) address"),
        (IPNetwork.Parse("5f00::/16"), "a reserved (segment routing SIDs, RFC 9602) address"),
        (IPNetwork.Parse("fc00::/7"), "a private (unique local, RFC 4193) address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"), // RFC 4291
        (IPNetwork.Parse("fec0::/10"), "a link-local (site-local, deprecated by RFC 3879) address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    private static readonly IPNetwork IPv4Translated = IPNetwork.Parse("::ffff:0:0:0/96"); // RFC 2765 §2.1
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96"); // RFC 6052
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16"); // RFC 3056

    /// <summary>Why <paramref name="address"/> is not a public unicast address (see <see cref="SpecialPurpose"/>), or null when it is.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var (block, reason) in SpecialPurpose)
        {
            if (block.Contains(address))
            {
                return reason;
            }
        }

        // An IPv6 address that carries an IPv4 address is as public as the IPv4 address it carries.
        var bytes = address.GetAddressBytes();
        return IPv4Translated.Contains(address) || Nat64.Contains(address) ? NonPublicReason(new IPAddress(bytes[12..]))
            : SixToFour.Contains(address) ? NonPublicReason(new IPAddress(bytes[2..6]))
            : null;
    }

    // Special-use names that always mean this host or its own network: localhost (RFC 6761 §6.3), mDNS .local
    // (RFC 6762), home.arpa (RFC 8375) and .internal (ICANN's private-use top-level domain, 2024).
    private static readonly string[] LocalSuffixes = [".localhost", ".local", ".home.arpa", ".internal"];

    /// <summary>
    /// Why the host of <paramref name="url"/> (absolute http or https) is certainly not public, decided without DNS, or
    /// null when it may be: a literal IP address in any form a resolver accepts, after IDNA mapping (dotted, decimal <c>2130706433</c>,
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

        foreach (var host in HostsAsResolved(uri))
        {
            if (HostRefusal(host) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// The host of <paramref name="uri"/> as written and as a resolver is given it: its IDNA form (UTS #46 mapping, as
    /// <see cref="Uri.IdnHost"/> and <see cref="IdnMapping"/> apply it), which turns look-alikes into ASCII — full-width
    /// digits (<c>１２７.０.０.１</c>), circled digits (<c>①②⑦</c>), ideographic full stops (<c>127。0。0。1</c>),
    /// full-width letters (<c>ｌｏｃａｌｈｏｓｔ</c>) — so that the checks below see the address the connection would use.
    /// </summary>
    private static IEnumerable<string> HostsAsResolved(Uri uri)
    {
        var host = uri.DnsSafeHost;
        yield return host;
        yield return uri.IdnHost;
        string? mapped;
        try
        {
            mapped = new IdnMapping().GetAscii(host.Trim('[', ']').TrimEnd('.', '\u3002', '\uFF0E', '\uFF61'));
        }
        catch (ArgumentException)
        {
            // Not a name IDNA accepts (an IPv6 literal, say): the forms above are what a resolver gets.
            mapped = null;
        }

        if (mapped is not null)
        {
            yield return mapped;
        }
    }

    private static string? HostRefusal(string host)
    {
        // DnsSafeHost drops IPv6 brackets (IdnHost may not); a trailing dot (an absolute name) changes nothing for a resolver.
        host = host.Trim('[', ']').TrimEnd('.');
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
