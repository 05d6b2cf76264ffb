using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Domain.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

public sealed class CategoryTests : IDisposable
{
    private readonly PortalApp _app = new();

    [Fact]
    public async Task Categories_get_Vietnamese_slugs_and_are_readable_anonymously()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var name = "Xây dựng Đảng " + Guid.NewGuid().ToString("N")[..6];
        var created = await (await editor.PostJson("/api/v1/categories", new { name })).Json(HttpStatusCode.Created);
        Assert.StartsWith("xay-dung-dang-", created["slug"]!.GetValue<string>(), StringComparison.Ordinal);
        var bySlug = await (await _app.Client().GetAsync($"/api/v1/categories/{created["slug"]}")).Json();
        Assert.Equal(name, bySlug["name"]!.GetValue<string>());
        await (await editor.PostJson("/api/v1/categories", new { name = "Khác", slug = created["slug"]!.GetValue<string>() })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_category_in_use_cannot_be_deleted()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var category = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Chuyên mục") })).Json(HttpStatusCode.Created);
        await editor.CreateArticleAsync(new { title = Editing.Unique("Trong chuyên mục"), categoryId = category["id"] });
        await (await editor.DeleteAsync($"/api/v1/categories/{category["id"]}")).Problem(HttpStatusCode.Conflict);
        var unused = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Trống") })).Json(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/categories/{unused["id"]}")).StatusCode);
    }

    [Fact]
    public async Task A_category_whose_only_articles_are_deleted_can_be_deleted_and_their_tombstones_stay()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var category = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Chuyên mục cũ") })).Json(HttpStatusCode.Created);
        var article = await editor.CreateArticleAsync(new { title = Editing.Unique("Tin đã xoá"), categoryId = category["id"] });
        var id = article["id"]!.GetValue<string>();
        await editor.PublishAsync(id);
        var sync = new SyncClient(_app.Client(), "article");
        await sync.PullAsync(100);
        Assert.Contains($"article:{id}", sync.Items.Keys);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/articles/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/categories/{category["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/v1/categories/{category["id"]}")).StatusCode);
        await sync.PullAsync(100);
        Assert.DoesNotContain($"article:{id}", sync.Items.Keys);
        Assert.Equal("deleted", sync.Tombstones[$"article:{id}"]["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/v1/articles/{id}")).StatusCode);
        var fresh = new SyncClient(_app.Client(), "article");
        await fresh.PullAsync(100);
        Assert.Contains($"article:{id}", fresh.Tombstones.Keys);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"ok","slug":"Có Dấu"}""", "slug")]
    public async Task Bad_category_input_is_a_400_naming_the_field(string json, string field)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        await (await editor.PostAsync("/api/v1/categories", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).ProblemNaming(field);
    }

    [Fact]
    public async Task A_renamed_slug_answers_301_keeps_filtering_and_cannot_be_taken_by_another_category()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string oldSlug = $"tin-cu-{suffix}", newSlug = $"tin-moi-{suffix}";
        var category = await (await editor.PostJson("/api/v1/categories", new { name = "Tin tức", slug = oldSlug })).Json(HttpStatusCode.Created);
        var id = category["id"]!.GetValue<string>();
        var article = (await editor.CreateArticleAsync(new { title = Editing.Unique("Trong chuyên mục"), categoryId = id }))["id"]!.GetValue<string>();
        await editor.PublishAsync(article);

        await (await editor.PutAsJsonAsync($"/api/v1/categories/{id}", new { name = "Tin tức", slug = newSlug }, Http.Options)).Json();
        var moved = await _app.Client().GetAsync($"/api/v1/categories/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/api/v1/categories/{newSlug}", moved.Headers.Location!.OriginalString);
        Assert.Equal(id, (await (await _app.Client().GetAsync(moved.Headers.Location)).Json())["id"]!.GetValue<string>());
        var listed = await (await _app.Client().GetAsync($"/api/v1/articles?category={oldSlug}")).Json();
        Assert.Equal(article, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Contains(article, await (await _app.Client().GetAsync($"/api/v1/feeds/categories/{oldSlug}.rss")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The old slug still belongs to this category: another one may not take it, by create or by rename.
        await (await editor.PostJson("/api/v1/categories", new { name = "Khác", slug = oldSlug })).Problem(HttpStatusCode.Conflict);
        var other = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Khác") })).Json(HttpStatusCode.Created);
        await (await editor.PutAsJsonAsync($"/api/v1/categories/{other["id"]}", new { name = "Khác", slug = oldSlug }, Http.Options)).Problem(HttpStatusCode.Conflict);

        // Taking the old slug back makes it current again and the newer one redirects.
        await (await editor.PutAsJsonAsync($"/api/v1/categories/{id}", new { name = "Tin tức", slug = oldSlug }, Http.Options)).Json();
        Assert.Equal(HttpStatusCode.OK, (await _app.Client().GetAsync($"/api/v1/categories/{oldSlug}")).StatusCode);
        var back = await _app.Client().GetAsync($"/api/v1/categories/{newSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, back.StatusCode);
        Assert.Equal($"/api/v1/categories/{oldSlug}", back.Headers.Location!.OriginalString);

        // Deleting the category frees its former slugs.
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/articles/{article}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/categories/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client().GetAsync($"/api/v1/categories/{newSlug}")).StatusCode);
        await (await editor.PostJson("/api/v1/categories", new { name = "Mới", slug = newSlug })).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_article_moved_into_a_category_while_it_is_deleted_makes_the_delete_a_409_and_keeps_both()
    {
        var race = new RaceInterceptor();
        using var app = new RacingPortalApp(race);
        var editor = await app.ClientWithRoleAsync("editor");
        var category = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Chuyên mục") })).Json(HttpStatusCode.Created);
        var categoryId = Guid.Parse(category["id"]!.GetValue<string>());
        var article = Guid.Parse((await editor.CreateArticleAsync(new { title = Editing.Unique("Bài chuyển vào") }))["id"]!.GetValue<string>());

        // Between the delete's "is it used?" check and its DELETE, another writer moves the article into the category.
        race.WhenSaving<Category>(EntityState.Deleted, db => db.Articles.Where(a => a.Id == article)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CategoryId, (Guid?)categoryId)));
        await (await editor.DeleteAsync($"/api/v1/categories/{categoryId}")).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/categories/{categoryId}")).StatusCode);
    }

    [Fact]
    public async Task An_article_moved_into_a_category_deleted_meanwhile_is_a_409_not_a_500()
    {
        var race = new RaceInterceptor();
        using var app = new RacingPortalApp(race);
        var editor = await app.ClientWithRoleAsync("editor");
        var category = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Chuyên mục") })).Json(HttpStatusCode.Created);
        var categoryId = Guid.Parse(category["id"]!.GetValue<string>());
        var title = Editing.Unique("Bài chuyển vào");
        var article = (await editor.CreateArticleAsync(new { title }))["id"]!.GetValue<string>();

        // Between the article writer's "does the category exist?" check and its UPDATE, another editor deletes the category.
        race.WhenSaving<Article>(EntityState.Modified, db => db.Categories.Where(c => c.Id == categoryId).ExecuteDeleteAsync());
        await (await editor.PutAsJsonAsync($"/api/v1/articles/{article}", new { title, categoryId }, Http.Options)).Problem(HttpStatusCode.Conflict);
        var unchanged = await (await editor.GetAsync($"/api/v1/articles/{article}")).Json();
        Assert.Null(unchanged["category"]);
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Portal with a save interceptor that plays another writer at the worst moment.</summary>
    private sealed class RacingPortalApp(RaceInterceptor race) : PortalApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                if (TestDatabase.IsPostgres)
                {
                    services.ConfigureDbContext<PostgresPortalDbContext>(o => o.AddInterceptors(race));
                }
                else
                {
                    services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(race));
                }
            });
        }
    }

    /// <summary>Once armed, runs a write on the saving context's own connection just before the save whose entries match.</summary>
    private sealed class RaceInterceptor : SaveChangesInterceptor
    {
        private Func<PortalDbContext, Task>? _write;
        private Func<DbContext, bool> _matches = _ => false;

        public void WhenSaving<T>(EntityState state, Func<PortalDbContext, Task> write)
            where T : class
        {
            _matches = db => db.ChangeTracker.Entries<T>().Any(e => e.State == state);
            _write = write;
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is PortalDbContext db && _write is { } write && _matches(db))
            {
                _write = null;
                await write(db);
            }

            return result;
        }
    }
}
