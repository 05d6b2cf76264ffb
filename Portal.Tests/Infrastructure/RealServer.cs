using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Portal on Kestrel at 127.0.0.1 on a free port, reached over TCP: for what only a real server shows (peer
/// addresses, raw request targets, HEAD bodies dropped by the server, Kestrel's own limits).
/// </summary>
public static class RealServer
{
    /// <summary>Starts <paramref name="app"/> on Kestrel (before its first request) and returns it.</summary>
    public static PortalApp OnKestrel(this PortalApp app, Action<KestrelServerOptions>? configure = null)
    {
        app.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            configure?.Invoke(o);
        });
        app.StartServer();
        return app;
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:41234.</summary>
    public static Uri Address(this PortalApp app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    /// <summary>A plain client to the address Kestrel bound (no in-memory handler involved).</summary>
    public static HttpClient SocketClient(this PortalApp app, string? bearer = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address() };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>
    /// Sends <paramref name="head"/> (request line and header lines, without the blank line; <c>Connection: close</c> is
    /// added) as bytes and returns everything the server sent until it closed the connection.
    /// </summary>
    public static async Task<RawResponse> SendRawAsync(this PortalApp app, string head)
    {
        var server = app.Address();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head + "\r\nConnection: close\r\n\r\n"));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        var text = Encoding.Latin1.GetString(received.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? new RawResponse(text, "") : new RawResponse(text[..end], text[(end + 4)..]);
    }
}

/// <summary>A response as it came off the socket.</summary>
/// <param name="Head">The status line and header lines.</param>
/// <param name="Body">Everything after the blank line (chunk framing included).</param>
public sealed record RawResponse(string Head, string Body)
{
    /// <summary>The status code of the status line.</summary>
    public int Status => int.Parse(Head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Head.Split("\r\n").Skip(1)
        .Select(l => l.Split(':', 2))
        .FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
}
