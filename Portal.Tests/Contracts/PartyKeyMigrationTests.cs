using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts;

/// <summary>The PartyNumbersPerYear migration's re-keying of stored Party directives (<see cref="UniquenessKeySql"/>).</summary>
public sealed class PartyKeyMigrationTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task Dated_Party_keys_become_yearly_and_a_duplicate_of_one_year_keeps_its_dated_key()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var committee = await DirectiveData.IssuerAsync(editor, "HU");
        int n = DirectiveData.NextNumber(), m = DirectiveData.NextNumber();
        var first = await IdAsync(editor, new DirectiveBody($"{n}-KH/HU", "KH", committee, IssuedOn: "2022-03-01"));
        var second = await IdAsync(editor, new DirectiveBody($"{n}-KH/HU", "KH", committee, IssuedOn: "2023-09-01"));
        var other = await IdAsync(editor, new DirectiveBody($"{m}-KH/HU", "KH", committee, IssuedOn: "2021-05-05"));
        var state = await IdAsync(editor, new DirectiveBody($"{n}/KH-UBND", "KH", null, IssuerName: "UBND huyện Vĩnh Cửu", IssuedOn: "2021-05-05"));

        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // As the old rule stored them: keyed on the issue date, two of one number in one year (the second created later).
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        async Task<string> DatedAsync(Guid id, string date, int minutes)
        {
            var key = await db.Directives.Where(d => d.Id == id).Select(d => d.UniquenessKey!).SingleAsync();
            var dated = key[..^4] + date;
            await db.Directives.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.UniquenessKey, dated).SetProperty(d => d.CreatedAt, created.AddMinutes(minutes)));
            return dated;
        }

        var firstKey = await DatedAsync(first, "2024-03-01", 1);
        var secondKey = await DatedAsync(second, "2024-09-01", 2);
        var otherKey = await DatedAsync(other, "2024-05-05", 0);
        var stateKey = await db.Directives.Where(d => d.Id == state).Select(d => d.UniquenessKey).SingleAsync();

        await db.Database.ExecuteSqlRawAsync(UniquenessKeySql.PartyKeysToYear);

        var keys = await db.Directives.Where(d => d.Id == first || d.Id == second || d.Id == other || d.Id == state)
            .ToDictionaryAsync(d => d.Id, d => d.UniquenessKey);
        Assert.Equal(firstKey[..^6], keys[first]);
        Assert.Equal(secondKey, keys[second]);
        Assert.Equal(otherKey[..^6], keys[other]);
        Assert.Equal(stateKey, keys[state]);
        Assert.EndsWith("|2024", keys[first], StringComparison.Ordinal);
    }

    private static async Task<Guid> IdAsync(HttpClient editor, DirectiveBody body) =>
        Guid.Parse((await DirectiveData.CreateAsync(editor, body))["id"]!.GetValue<string>());
}
