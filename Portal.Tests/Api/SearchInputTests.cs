using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Api.Features.Directives;
using Portal.Api.Infrastructure;
using Portal.Domain.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// What the list searches accept, found by a hostile trial: the word limit, query strings that are not UTF-8, and the
/// directive list's <c>field</c> filter, which must search the lĩnh vực and nothing else.
/// </summary>
public sealed class SearchInputTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string ElevenWords = "mot hai ba bon nam sau bay tam chin muoi muoimot";

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/directives")]
    public async Task More_than_ten_different_words_is_a_400_naming_q_with_the_limit(string list)
    {
        var problem = await (await portal.App.Client().GetAsync($"{list}?q={Uri.EscapeDataString(ElevenWords)}")).ProblemNaming("q");
        Assert.Contains("10", problem["errors"]!["q"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Ten words, and eleven that fold to fewer than eleven different ones, are searched.
        var ten = string.Join(' ', ElevenWords.Split(' ')[..10]);
        Assert.Equal(HttpStatusCode.OK, (await portal.App.Client().GetAsync($"{list}?q={Uri.EscapeDataString(ten)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.App.Client().GetAsync($"{list}?q={Uri.EscapeDataString(ten + " MỘT")}")).StatusCode);
    }

    [Fact]
    public async Task A_field_filter_longer_than_the_query_limit_is_a_400_naming_field()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        await (await editor.GetAsync($"/api/v1/directives?field={new string('a', SubstringSearch.MaxQueryLength + 1)}")).ProblemNaming("field");
    }

    [Theory]
    [InlineData("/api/v1/articles?q=%C3%28", "q")]
    [InlineData("/api/v1/articles?q=%FF", "q")]
    [InlineData("/api/v1/articles?q=tre%20em%C3", "q")]
    [InlineData("/api/v1/articles?page=1&tag=%ED%A0%80", "tag")]
    [InlineData("/api/v1/articles?q=%C0%AF", "q")]
    [InlineData("/api/v1/directives?q=%FF", "q")]
    [InlineData("/api/v1/directives?type=K%C3", "type")]
    [InlineData("/api/v1/directives?field=gi%E1o", "field")]
    [InlineData("/api/v1/directives?issuer=%FE", "issuer")]
    [InlineData("/api/v1/categories?x=%80", "x")]
    [InlineData("/api/v1/hits/daily?from=2026-11-01%FF", "from")]
    [InlineData("/api/v1/document-numbers/parse?number=211%2FKH-HU%FF", "number")]
    [InlineData("/api/v1/articles?%FF=1", "%FF")]
    public async Task A_query_parameter_whose_percent_escapes_are_not_UTF_8_is_a_400_naming_it(string url, string parameter)
    {
        var problem = await (await portal.App.Client().GetAsync(url)).ProblemNaming(parameter);
        Assert.Contains("UTF-8", problem["errors"]![parameter]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/articles?q=%C3%A1")]
    [InlineData("/api/v1/articles?q=50%25")]
    [InlineData("/api/v1/articles?q=50%")]
    [InlineData("/api/v1/articles?q=%EF%BF%BD")]
    [InlineData("/api/v1/articles?q=%F0%9F%98%80+tre")]
    [InlineData("/api/v1/directives?q=%C4%91%E1%BB%93ng")]
    public async Task Well_formed_UTF_8_escapes_are_searched(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await portal.App.Client().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_encoding_check_answers_before_the_reader_cache()
    {
        var reader = portal.App.Client();
        // U+FFFD sent as well-formed UTF-8 is what ASP.NET Core decodes %FF to: the same decoded query.
        const string valid = "/api/v1/directives?q=x%EF%BF%BD";
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(valid)).StatusCode);
        var cached = await reader.GetAsync(valid);
        Assert.NotNull(cached.Headers.Age);

        for (var i = 0; i < 2; i++)
        {
            var refused = await reader.GetAsync("/api/v1/directives?q=x%FF");
            Assert.Null(refused.Headers.Age);
            await refused.ProblemNaming("q");
        }
    }

    [Fact]
    public async Task Field_finds_the_lĩnh_vực_only_exactly_as_a_fold_and_contains_would()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = DirectiveData.Token();
        string?[] fields =
        [
            "Giáo dục và Đào tạo", "Giáo dục nghề nghiệp", "GIÁO DỤC", "Y tế", "Đất đai", "Văn hóa - Thể thao", "Văn hoá, thể thao và du lịch",
            "Tài nguyên  và môi trường", "50% ngân sách", "a_b", null, null,
        ];
        var created = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            // The abstracts name other fields' words, so a filter over all the text would find them too.
            var body = new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", null, IssuerName: "Ủy ban nhân dân huyện Vĩnh Cửu",
                Abstract: $"Kế hoạch {token} về giáo dục, y tế, đất đai và văn hóa thể thao", Field: fields[i]);
            created[(await DirectiveData.CreateAsync(editor, body))["id"]!.GetValue<string>()] = fields[i];
        }

        string[] queries =
        [
            "giao duc", "GIÁO DỤC", "giáo  dục", "gIáo dỤc và", "dao tao", "đào", "y", "te", "y tế", "đất", "dat dai", "hóa", "hoa - the",
            "the thao", "văn hoá", "và", "tai nguyen va", "50%", "%", "a_b", "_", "ab", "zzz", "ke hoach", token,
        ];
        foreach (var q in queries)
        {
            var expected = created.Where(c => c.Value is not null && VietnameseText.Fold(c.Value).Contains(VietnameseText.Fold(q), StringComparison.Ordinal))
                .Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
            var page = await (await editor.GetAsync($"/api/v1/directives?q={token}&field={Uri.EscapeDataString(q)}&pageSize=100")).Json();
            var actual = page["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(actual), $"field={q}: expected [{string.Join(", ", expected.Select(e => created[e]))}], got [{string.Join(", ", actual.Select(a => created[a]))}]");
        }
    }

    [Fact]
    public async Task Directives_written_before_the_folded_field_existed_are_found_after_the_start_up_backfill()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var token = DirectiveData.Token();
        var id = (await DirectiveData.CreateAsync(editor, new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "KH", null,
            IssuerName: "Ủy ban nhân dân huyện Vĩnh Cửu", Abstract: $"Kế hoạch {token}", Field: "Nông nghiệp")))["id"]!.GetValue<string>();

        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var guid = Guid.Parse(id);
        await db.Directives.Where(d => d.Id == guid).ExecuteUpdateAsync(s => s.SetProperty(d => d.FieldSearch, (string?)null));
        Assert.Equal(1, await DirectiveFactory.BackfillFieldSearchAsync(db, CancellationToken.None));
        Assert.Equal(0, await DirectiveFactory.BackfillFieldSearchAsync(db, CancellationToken.None));
        Assert.Equal("nong nghiep", await db.Directives.Where(d => d.Id == guid).Select(d => d.FieldSearch).SingleAsync());
    }
}
