using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Features.Webhooks;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

public sealed class WebhookTests : IDisposable
{
    private const string Secret = "s3cret-for-tests-0123";
    private readonly PortalApp _app = new();

    private async Task<string> SubscribeAsync(string url, params string[] events)
    {
        var created = await (await _app.Client(PortalApp.AdminKey).PostJson("/api/v1/webhooks", new { url, events, secret = Secret })).Json(HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    private Task<int> DeliverAsync() => _app.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(CancellationToken.None);

    private static bool SignatureIsValid(WebhookReceiver.Received r)
    {
        var parts = r.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{r.Body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
    }

    [Theory]
    [InlineData("""{"url":"https://example.com/hook","secret":"s3cret-for-tests-0123"}""", "events")]
    [InlineData("""{"url":"https://example.com/hook","events":null,"secret":"s3cret-for-tests-0123"}""", "events")]
    [InlineData("""{"url":"https://example.com/hook","events":[],"secret":"s3cret-for-tests-0123"}""", "events")]
    [InlineData("""{"events":["article.published"],"secret":"s3cret-for-tests-0123"}""", "url")]
    [InlineData("""{"url":"https://example.com/hook","events":["article.published"]}""", "secret")]
    public async Task A_subscription_missing_a_required_member_is_a_400_naming_it(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        await (await _app.Client(PortalApp.AdminKey).PostAsync(new Uri("/api/v1/webhooks", UriKind.Relative), content)).ProblemNaming(field);
    }

    [Fact]
    public async Task The_receiver_gets_each_event_once_with_a_valid_signature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(receiver.Url, "article.published", "article.updated", "article.deleted", "settings.changed");
        var editor = await _app.ClientWithRoleAsync("editor");
        var id = (await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Sự kiện"))))["id"]!.GetValue<string>();
        await editor.PublishAsync(id);
        await editor.PutWithIfMatchAsync($"/api/v1/articles/{id}", new { title = "Sửa sau khi đăng" }, null);
        await editor.DeleteAsync($"/api/v1/articles/{id}");
        await DeliverAsync();
        await DeliverAsync();

        Assert.Equal(["article.published", "article.updated", "article.deleted"], receiver.Requests.Select(r => r.Event));
        Assert.All(receiver.Requests, r => Assert.True(SignatureIsValid(r), r.Signature));
        Assert.All(receiver.Requests, r => Assert.Contains(id, r.Body, StringComparison.Ordinal));
        Assert.Equal(3, receiver.Requests.Select(r => r.DeliveryId).Distinct().Count());
    }

    [Fact]
    public async Task When_the_receiver_fails_twice_the_third_try_delivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var subscription = await SubscribeAsync(receiver.Url, "article.published");
        var editor = await _app.ClientWithRoleAsync("editor");
        await editor.PublishAsync((await editor.CreateArticleAsync(Editing.Article(Editing.Unique("Thử lại"))))["id"]!.GetValue<string>());

        await DeliverAsync();
        Assert.Single(receiver.Requests);
        await DeliverAsync();
        Assert.Single(receiver.Requests);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        await DeliverAsync();
        _app.Clock.Advance(TimeSpan.FromSeconds(60));
        await DeliverAsync();
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());

        var log = await (await _app.Client(PortalApp.AdminKey).GetAsync($"/api/v1/webhooks/{subscription}/deliveries")).Json();
        var delivery = Assert.Single(log.AsArray())!;
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.NotNull(delivery["deliveredAt"]);

        var redeliver = await _app.Client(PortalApp.AdminKey).PostAsync($"/api/v1/webhooks/{subscription}/deliveries/{delivery["id"]}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await DeliverAsync();
        Assert.Equal(4, receiver.Requests.Count);
    }

    [Theory]
    [InlineData("""{"url":"ftp://x.example/h","events":["article.published"],"secret":"0123456789abcdef"}""", "url")]
    [InlineData("""{"url":"https://x.example/h","events":["article.exploded"],"secret":"0123456789abcdef"}""", "events[0]")]
    [InlineData("""{"url":"https://x.example/h","events":[],"secret":"0123456789abcdef"}""", "events")]
    [InlineData("""{"url":"https://x.example/h","events":["article.published"],"secret":"short"}""", "secret")]
    public async Task Bad_subscriptions_are_a_400_naming_the_field(string json, string field)
    {
        var response = await _app.Client(PortalApp.AdminKey).PostAsync("/api/v1/webhooks", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ProblemNaming(field);
    }

    public void Dispose() => _app.Dispose();
}
