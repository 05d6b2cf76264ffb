using System.Net;
using Portal.Api.Features.Feeds;

namespace Portal.Tests.Domain.Feeds;

public sealed class NetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd00::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:a00:1::", "private")]
    public void Non_public_addresses_are_named(string address, string reason) =>
        Assert.Contains(reason, NetworkGuard.NonPublicReason(IPAddress.Parse(address)), StringComparison.Ordinal);

    [Theory]
    [InlineData("203.162.4.190")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_pass(string address) => Assert.Null(NetworkGuard.NonPublicReason(IPAddress.Parse(address)));
}
