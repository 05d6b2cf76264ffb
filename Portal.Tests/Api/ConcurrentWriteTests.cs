using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Domain.Common;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>
/// Two writers that load the same revision and then save: the loser gets 412 only when it sent If-Match; a client
/// that sent no precondition gets a 409 problem instead. The race is made certain by holding both saves until each
/// writer has loaded the item.
/// </summary>
public sealed class ConcurrentWriteTests : IDisposable
{
    private readonly RacingPortal _app = new();

    public static TheoryData<string, string, string> Races => new()
    {
        { "articles", "publish", "publish" },
        { "articles", "publish", "archive" },
        { "articles", "unpublish", "delete" },
        { "articles", "put", "publish" },
        { "directives", "publish", "publish" },
        { "directives", "archive", "delete" },
        { "directives", "put", "unpublish" },
    };

    [Theory]
    [MemberData(nameof(Races))]
    public async Task A_writer_without_If_Match_that_loses_a_race_gets_409_never_412(string resource, string first, string second)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var (id, body) = await CreateAsync(editor, resource);
        if (first is "unpublish" or "archive" || second is "unpublish")
        {
            Assert.Equal(HttpStatusCode.OK, (await editor.PostJson($"/api/v1/{resource}/{id}/publish", new { })).StatusCode);
        }

        using (_app.Race(2))
        {
            var responses = await Task.WhenAll(SendAsync(editor, resource, id, first, body), SendAsync(editor, resource, id, second, body));
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.DoesNotContain(HttpStatusCode.PreconditionFailed, statuses);
            Assert.Contains(HttpStatusCode.Conflict, statuses);
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Problem(HttpStatusCode.Conflict);
            Assert.Single(responses, r => r.IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task A_writer_with_If_Match_that_loses_a_race_gets_412()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var created = await editor.PostJson("/api/v1/articles", Editing.Article(Editing.Unique("Tranh chấp")));
        var etag = created.Headers.ETag!;
        var id = (await created.Json(HttpStatusCode.Created))["id"]!.GetValue<string>();

        using (_app.Race(2))
        {
            var responses = await Task.WhenAll(
                editor.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/articles/{id}/publish", etag, new { })),
                editor.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/articles/{id}/archive", etag)));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        }
    }

    private static async Task<(string Id, object Body)> CreateAsync(HttpClient editor, string resource)
    {
        if (resource == "articles")
        {
            var article = Editing.Article(Editing.Unique("Tin đua"));
            return ((await editor.CreateArticleAsync(article))["id"]!.GetValue<string>(), article);
        }

        var directive = new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", await IssuerAsync(editor));
        return ((await DirectiveData.CreateAsync(editor, directive))["id"]!.GetValue<string>(), directive);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient editor, string resource, string id, string action, object body) => action switch
    {
        "put" => editor.PutWithIfMatchAsync($"/api/v1/{resource}/{id}", body, null),
        "delete" => editor.DeleteAsync($"/api/v1/{resource}/{id}"),
        _ => editor.PostJson($"/api/v1/{resource}/{id}/{action}", new { }),
    };

    public void Dispose() => _app.Dispose();

    /// <summary>Portal whose saves of articles and directives can be held until a number of writers have all loaded.</summary>
    private sealed class RacingPortal : PortalApp
    {
        private Barrier? _barrier;

        /// <summary>Holds the next <paramref name="writers"/> saves of publishable items until all of them are about to save.</summary>
        public IDisposable Race(int writers)
        {
            var barrier = new Barrier(writers);
            _barrier = barrier;
            return new Disarm(() =>
            {
                _barrier = null;
                barrier.Dispose();
            });
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped(sp =>
            {
                var db = sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
                db.SavingChanges -= Hold; // pooled contexts come back with their handlers
                db.SavingChanges += Hold;
                return db;
            }));
        }

        private void Hold(object? sender, SavingChangesEventArgs e)
        {
            if (_barrier is { } barrier && sender is DbContext db
                && db.ChangeTracker.Entries<IPublishable>().Any(entry => entry.State is EntityState.Modified))
            {
                barrier.SignalAndWait(TimeSpan.FromSeconds(10));
            }
        }

        private sealed class Disarm(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
