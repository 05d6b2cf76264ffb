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
    [InlineData("::7f00:1", "IPv4-compatible")]
    public void Non_public_addresses_are_named(string address, string reason) =>
        Assert.Contains(reason, NetworkGuard.NonPublicReason(IPAddress.Parse(address)), StringComparison.Ordinal);

    [Theory]
    [InlineData("203.162.4.190")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_pass(string address) => Assert.Null(NetworkGuard.NonPublicReason(IPAddress.Parse(address)));

    /// <summary>URLs refused when saved (feed sources, webhooks), without DNS: literal addresses in every notation and local names.</summary>
    [Theory]
    [InlineData("http://127.0.0.1/rss", "loopback")]
    [InlineData("http://127.1/rss", "loopback")]
    [InlineData("http://2130706433/rss", "loopback")]
    [InlineData("http://0177.0.0.1/rss", "loopback")]
    [InlineData("http://0x7f.0.0.1/rss", "loopback")]
    [InlineData("http://0x7f000001/rss", "loopback")]
    [InlineData("http://127.0.0.1./rss", "loopback")]
    [InlineData("https://127.0.0.1:8443/rss", "loopback")]
    [InlineData("http://[::1]/rss", "loopback")]
    [InlineData("http://[0:0:0:0:0:0:0:1]:8080/", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/rss", "loopback")]
    [InlineData("http://[::ffff:7f00:1]/rss", "loopback")]
    [InlineData("http://[::ffff:10.0.0.1]/rss", "private")]
    [InlineData("http://10.0.0.5/rss", "private")]
    [InlineData("http://012.0.0.5/rss", "private")]
    [InlineData("http://172.16.0.1/", "private")]
    [InlineData("http://192.168.1.1/", "private")]
    [InlineData("http://3232235777/", "private")]
    [InlineData("http://[fd00::1]/", "private")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[fe80::1%25eth0]/", "link-local")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://100.64.0.1/", "carrier-grade")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    [InlineData("http://0/", "unspecified")]
    [InlineData("http://[::]/", "unspecified")]
    [InlineData("http://[64:ff9b::a00:1]/", "private")]
    [InlineData("http://localhost/rss", "local host")]
    [InlineData("http://LOCALHOST.:8080/rss", "local host")]
    [InlineData("http://portal.localhost/rss", "local host")]
    [InlineData("http://printer.local/", "local host")]
    [InlineData("http://nas.home.arpa/", "local host")]
    [InlineData("http://cms.internal/rss", "local host")]
    public void Urls_on_non_public_hosts_are_refused_without_DNS(string url, string reason) =>
        Assert.Contains(reason, NetworkGuard.UrlRefusal(url), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://baodongnai.com.vn/rss")]
    [InlineData("https://dongnai.gov.vn/rss")]
    [InlineData("http://203.162.4.190/rss")]
    [InlineData("http://[2001:4860:4860::8888]/")]
    [InlineData("https://localhost.dongnai.gov.vn/rss")]
    [InlineData("https://local.dongnai.gov.vn/rss")]
    public void Urls_on_public_addresses_or_other_names_pass(string url) => Assert.Null(NetworkGuard.UrlRefusal(url));
}
