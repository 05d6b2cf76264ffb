using System.Net;
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

    public void Dispose() => _app.Dispose();
}
