using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Requests Kestrel refuses before Portal's pipeline runs (README, "Request limits"): the status codes clients get, with
/// an empty body — Kestrel offers no hook to write one — and the connection closed.
/// </summary>
public sealed class ServerLimitTests(ServerLimitTests.KestrelPortal portal) : IClassFixture<ServerLimitTests.KestrelPortal>
{
    /// <summary>One Portal on Kestrel with its default limits.</summary>
    public sealed class KestrelPortal : IDisposable
    {
        public PortalApp App { get; } = new PortalApp().OnKestrel();

        public void Dispose() => App.Dispose();
    }

    private string Host => $"Host: {portal.App.Address().Authority}";

    public static TheoryData<string, int> Refused => new()
    {
        { "GET /api/v1/articles?q=" + new string('a', 9000) + " HTTP/1.1", 414 },
        { "GET /api/v1/articles HTTP/1.1\r\nX-Big: " + new string('a', 33 * 1024), 431 },
        { "GET /api/v1/articles HTTP/1.1" + string.Concat(Enumerable.Range(0, 101).Select(i => $"\r\nX-H{i}: v")), 431 },
        { "GET /api/v1/articles/a\0b HTTP/1.1", 400 },
        { "GET /api/v1/articles/a%00b HTTP/1.1", 400 },
        { "GET /api/v1/articles/a b HTTP/1.1", 400 },
        { "GET api/v1/articles HTTP/1.1", 400 },
        { "GET /api/v1/articles HTTP/1.1\r\nX-No-Colon", 400 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Requests_the_server_refuses_get_its_status_with_an_empty_body(string head, int status)
    {
        var lines = head.Split("\r\n", 2);
        var request = lines.Length == 1 ? $"{lines[0]}\r\n{Host}" : $"{lines[0]}\r\n{Host}\r\n{lines[1]}";
        var response = await portal.App.SendRawAsync(request);
        Assert.True(status == response.Status, response.Head);
        Assert.Equal("0", response.Header("Content-Length"));
        Assert.Equal("", response.Body);
    }
}
