using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Api.Features.Articles;
using Portal.Api.Infrastructure;
using Portal.Domain.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// The list search goes through a trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) and must answer exactly as a
/// substring match of every folded term over the folded text would: short terms, wildcards, tones and edits included.
/// </summary>
public sealed class IndexedSearchTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task Terms_of_one_two_and_three_or_more_characters_alone_or_mixed_find_exactly_the_matching_articles()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = Token();
        var both = await PublishedAsync(editor, $"Tin {token} ab", $"<p>Có chữ j7 và {token}.</p>");
        var onlyToken = await PublishedAsync(editor, $"Tin {token}", "<p>Không có gì thêm.</p>");

        Assert.Equal(new[] { both, onlyToken }.Order(StringComparer.Ordinal), await SearchAsync($"{token}"));
        Assert.Equal(new[] { both, onlyToken }.Order(StringComparer.Ordinal), await SearchAsync($"{token[..3]} {token}"));
        Assert.Equal([both], await SearchAsync($"{token} ab"));
        Assert.Equal([both], await SearchAsync($"j7 {token}"));
        Assert.Equal([both], await SearchAsync($"j {token} 7"));
        Assert.Equal([both], await SearchAsync($"{token} a b j7"));
        Assert.Empty(await SearchAsync($"{token} zz"));
        // One- and two-letter queries alone still scan: they must find the article among all the others.
        Assert.Contains(both, await SearchAllAsync("j7"));
        Assert.DoesNotContain(onlyToken, await SearchAllAsync("j7"));
    }

    [Fact]
    public async Task Wildcard_and_query_syntax_characters_are_literal()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = Token();
        var percent = await PublishedAsync(editor, $"Giảm 50% phí {token}", "<p>Mức thu a_b giảm một nửa; \"trích dẫn\" [ngoặc] *sao* ?hỏi \\gạch.</p>");
        var plain = await PublishedAsync(editor, $"Giảm 500 phí {token}", "<p>Mức thu axb giảm; trích dẫn ngoặc sao hỏi gạch.</p>");

        Assert.Equal([percent], await SearchAsync($"{token} 50%"));
        Assert.Equal([percent], await SearchAsync($"{token} 50% phí"));
        Assert.Equal([percent], await SearchAsync($"{token} a_b"));
        Assert.Equal([plain], await SearchAsync($"{token} axb"));
        Assert.Equal([percent], await SearchAsync($"{token} \"trich"));
        Assert.Equal([percent], await SearchAsync($"{token} [ngoac]"));
        Assert.Equal([percent], await SearchAsync($"{token} *sao*"));
        Assert.Equal([percent], await SearchAsync($"{token} ?hoi"));
        Assert.Equal([percent], await SearchAsync($"{token} \\gach"));
        Assert.Empty(await SearchAsync($"{token} 5_0"));
        Assert.Empty(await SearchAsync($"{token} a%b"));
        Assert.Empty(await SearchAsync($"{token} sao AND"));
        Assert.Empty(await SearchAsync($"{token} NEAR(sao"));
    }

    [Theory]
    [InlineData("Đường điện")]
    [InlineData("duong dien")]
    [InlineData("ĐƯỜNG ĐIỆN")]
    [InlineData("đuờng điên")]
    [InlineData("hoà thuận")]
    [InlineData("hòa thuận")]
    public async Task Tones_case_and_d_with_stroke_never_matter(string words)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = Token();
        var article = await PublishedAsync(editor, $"Đường điện về xã {token}", "<p>Thôn Hoà Thuận có điện.</p>");
        Assert.Equal([article], await SearchAsync($"{token} {words}"));
    }

    [Fact]
    public async Task An_edited_article_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = Token();
        var oldWord = "cu" + Token();
        var newWord = "moi" + Token();
        var id = await PublishedAsync(editor, $"Tin {token} {oldWord}", $"<p>Bài có {oldWord}.</p>");
        Assert.Equal([id], await SearchAsync(oldWord));

        var put = await editor.PutAsJsonAsync($"/api/v1/articles/{id}", Editing.Article($"Tin {token} {newWord}", $"<p>Bài có {newWord}.</p>"), Http.Options);
        await put.Json();

        Assert.Equal([id], await SearchAsync(newWord));
        Assert.Equal([id], await SearchAsync($"{token} {newWord[..2]}"));
        Assert.Empty(await SearchAsync(oldWord));
        Assert.Empty(await SearchAsync($"{token} {oldWord}"));
    }

    [Fact]
    public async Task A_deleted_article_is_not_found()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = Token();
        var id = await PublishedAsync(editor, $"Tin sẽ xóa {token}", "<p>Nội dung.</p>");
        Assert.Equal([id], await SearchAsync(token));
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/articles/{id}")).StatusCode);
        Assert.Empty(await SearchAsync(token));
    }

    [SkippableFact]
    public async Task The_SQLite_index_follows_inserts_updates_and_deletes_of_rows()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite-only: the FTS5 index and its triggers");
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = Token();
        var id = Guid.Parse(await PublishedAsync(editor, $"Tin {token}", "<p>Nội dung.</p>"));
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal(1L, await IndexHitsAsync(db, token));
        var renamed = "doi" + Token();
        await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SearchText, renamed));
        Assert.Equal(0L, await IndexHitsAsync(db, token));
        Assert.Equal(1L, await IndexHitsAsync(db, renamed));
        await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, 7));
        Assert.Equal(1L, await IndexHitsAsync(db, renamed));

        await db.Set<Portal.Domain.Articles.ArticleTag>().Where(t => t.ArticleId == id).ExecuteDeleteAsync();
        await db.ArticleDirectiveLinks.Where(l => l.ArticleId == id).ExecuteDeleteAsync();
        Assert.Equal(1, await db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync());
        Assert.Equal(0L, await IndexHitsAsync(db, renamed));

        // The external-content index agrees with its table, row for row ('integrity-check' with rank 1 compares them).
        foreach (var table in SearchIndexSql.Tables)
        {
            var sql = $"INSERT INTO \"{table.Index}\"(\"{table.Index}\", rank) VALUES ('integrity-check', 1)";
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [SkippableFact]
    public async Task The_migrated_SQLite_database_has_every_index_trigger()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite-only: the FTS5 index and its triggers");
        _ = portal.App.Client();
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
        foreach (var table in SearchIndexSql.Tables)
        {
            Assert.All(SearchIndexSql.TriggerNames(table), name => Assert.Contains(name, triggers));
        }
    }

    [Theory]
    [InlineData("cai cach hanh chinh")]
    [InlineData("tre em")]
    [InlineData("tre em ab")]
    public async Task The_query_plan_uses_the_trigram_index(string q)
    {
        _ = portal.App.Client();
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var query = db.Articles.AsNoTracking().Search(db, q, new QueryErrors()).RankedBy(q).Select(a => a.Id).Take(20);
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var command = query.CreateDbCommand();
        command.Transaction = transaction.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var plan = await ReadAllAsync(command, 3);
            // "M": the FTS5 table answers a MATCH through its index. (Whether the main table is then read by rowid or
            // scanned depends on its size: a test database is tiny, so the planner rightly scans it.)
            Assert.Contains(plan, line => line.StartsWith("SCAN ArticlesSearchIndex VIRTUAL TABLE INDEX 0:M", StringComparison.Ordinal));
        }
        else
        {
            // The test tables are tiny, so the planner would rightly scan them: forbid that to see the index is usable.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
            command.CommandText = "EXPLAIN " + command.CommandText;
            var plan = await ReadAllAsync(command, 0);
            Assert.Contains(plan, line => line.Contains("IX_Articles_SearchText_Trigram", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Results_equal_a_brute_force_fold_and_contains_over_every_article_and_directive()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var random = new Random(20240604);
        string[] words =
        [
            "Trẻ em", "cải cách", "hành chính", "Đồng Nai", "huyện ủy", "điện", "đường", "hoà", "hòa", "50%", "a_b", "[x]",
            "*", "?", "\"q\"", "28-CT/TW", "KH-HU", "phòng", "chống", "dịch", "ab", "b", "xã", "ấp", "Vĩnh Cửu", "năm 2024",
        ];
        for (var i = 0; i < 24; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 12)).Select(_ => words[random.Next(words.Length)]));
            var id = (await editor.CreateArticleAsync(Editing.Article($"Bài {i} {text[..Math.Min(text.Length, 40)]}", $"<p>{text}</p>")))["id"]!.GetValue<string>();
            if (i % 3 != 0)
            {
                await editor.PublishAsync(id);
            }

            if (i % 5 == 0)
            {
                var put = await editor.PutAsJsonAsync($"/api/v1/articles/{id}", Editing.Article($"Sửa {i} {text}", $"<p>{text} {words[random.Next(words.Length)]}</p>"), Http.Options);
                await put.Json();
            }

            if (i % 7 == 0)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/articles/{id}")).StatusCode);
            }
        }

        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // The folded text as stored (the writers fold it); the brute force is a plain substring test on it.
        var articleTexts = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.SearchText);
        var directiveTexts = await db.Directives.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.SearchText);

        var queries = new List<string> { "", " ", "tre em", "TRẺ EM", "đồng nai", "50%", "a_b", "%", "_", "[x]", "*", "\"q\"", "28-ct/tw", "a b", "ab xa", "hoa", "ap", "xyz" };
        var corpus = articleTexts.Values.Concat(directiveTexts.Values).Where(t => t.Length > 0).ToList();
        for (var i = 0; i < 40; i++)
        {
            // Substrings of the stored texts, one to eight characters, alone and in pairs.
            var terms = Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
            {
                var text = corpus[random.Next(corpus.Count)];
                var length = random.Next(1, Math.Min(9, text.Length + 1));
                return text.Substring(random.Next(text.Length - length + 1), length);
            });
            queries.Add(string.Join(' ', terms));
        }

        foreach (var q in queries)
        {
            var terms = VietnameseText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            var expectedArticles = articleTexts.Where(a => terms.All(t => a.Value.Contains(t, StringComparison.Ordinal))).Select(a => a.Key).Order().ToList();
            var actualArticles = (await db.Articles.AsNoTracking().Search(db, q, new QueryErrors()).Select(a => a.Id).ToListAsync()).Order().ToList();
            Assert.True(expectedArticles.SequenceEqual(actualArticles), $"articles for q={q}: expected {expectedArticles.Count}, got {actualArticles.Count}");

            var expectedDirectives = directiveTexts.Where(d => terms.All(t => d.Value.Contains(t, StringComparison.Ordinal))).Select(d => d.Key).Order().ToList();
            var actualDirectives = (await db.Directives.AsNoTracking().Containing(db, terms).Select(d => d.Id).ToListAsync()).Order().ToList();
            Assert.True(expectedDirectives.SequenceEqual(actualDirectives), $"directives for q={q}: expected {expectedDirectives.Count}, got {actualDirectives.Count}");
        }
    }

    /// <summary>
    /// A unique word of the letters j-y only, so no term a test searches for by chance (ab, j7, 50%…, and "zz", the word
    /// no article holds) occurs in it.
    /// </summary>
    private static string Token() => "k" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('j' + Convert.ToInt32(c.ToString(), 16))));

    private static async Task<string> PublishedAsync(HttpClient editor, string title, string body)
    {
        var id = (await editor.CreateArticleAsync(Editing.Article(title, body)))["id"]!.GetValue<string>();
        await editor.PublishAsync(id);
        return id;
    }

    /// <summary>Ids of the published articles <paramref name="q"/> finds (first 100), in ordinal order.</summary>
    private async Task<List<string>> SearchAsync(string q)
    {
        var page = await (await portal.App.Client().GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(q)}&pageSize=100")).Json();
        return page["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every id <paramref name="q"/> finds, page after page.</summary>
    private async Task<List<string>> SearchAllAsync(string q)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await (await portal.App.Client().GetAsync($"/api/v1/articles?q={Uri.EscapeDataString(q)}&pageSize=100&page={page}")).Json();
            ids.AddRange(json["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
            if (page >= json["totalPages"]!.GetValue<int>())
            {
                return ids;
            }
        }
    }

    private static async Task<long> IndexHitsAsync(PortalDbContext db, string term)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{SearchIndexSql.Articles.Index}\" WHERE \"{SearchIndexSql.Articles.Index}\" MATCH $q";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$q";
        parameter.Value = SubstringSearch.MatchQuery([term]);
        command.Parameters.Add(parameter);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ReadAllAsync(DbCommand command, int column)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(column).ToString()!);
        }

        return lines;
    }
}
