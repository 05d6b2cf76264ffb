using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Api.Features.Directives;
using Portal.Domain.Directives;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts;

/// <summary>
/// The start-up re-keying of directives whose uniqueness key named their catalogue issuer by id
/// (<see cref="DirectiveFactory.RekeyByPrintedIssuerAsync"/>), duplicates the old rule let through included.
/// </summary>
public sealed class IssuerKeyBackfillTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task Keys_by_issuer_id_become_keys_by_printed_name_and_of_two_duplicates_the_first_created_takes_the_key()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var issuer = await DirectiveData.IssuerAsync(editor, "HU");
        var name = (await (await editor.GetAsync($"/api/v1/issuing-bodies/{issuer}")).Json())["name"]!.GetValue<string>();
        string plain = $"{DirectiveData.NextNumber()}-KH/HU", twice = $"{DirectiveData.NextNumber()}-KH/HU", twiceLater = $"{DirectiveData.NextNumber()}-KH/HU";
        var byId = new DirectiveBody(plain, "KH", issuer, IssuedOn: "2024-04-04");
        var byName = new DirectiveBody(plain, "KH", null, IssuerName: name, IssuedOn: "2024-08-08");

        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // As the old rule stored them: keyed by the catalogue id, and a copy entered by name alongside.
        async Task<(Guid Id, string NewKey, string OldKey)> ByIdAsync(DirectiveBody body, int minutes)
        {
            var id = await IdAsync(editor, body);
            var key = await db.Directives.Where(d => d.Id == id).Select(d => d.UniquenessKey!).SingleAsync();
            var parts = key.Split('|');
            var old = string.Join('|', parts[0], parts[1], Guid.Parse(issuer).ToString("N"), parts[3]);
            await db.Directives.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.UniquenessKey, old).SetProperty(d => d.CreatedAt, created.AddMinutes(minutes)));
            return (id, key, old);
        }

        async Task<(Guid Id, string Key)> ByNameAsync(DirectiveBody body, int minutes)
        {
            var id = await IdAsync(editor, body);
            await db.Directives.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, created.AddMinutes(minutes)));
            return (id, await db.Directives.Where(d => d.Id == id).Select(d => d.UniquenessKey!).SingleAsync());
        }

        var alone = await ByIdAsync(byId, 0);
        var original = await ByIdAsync(byId with { Number = twice }, 1);
        var copy = await ByNameAsync(byName with { Number = twice }, 2);
        var later = await ByIdAsync(byId with { Number = twiceLater }, 4);
        var earlier = await ByNameAsync(byName with { Number = twiceLater }, 3);
        Assert.Equal(original.NewKey, copy.Key);
        Assert.Equal(later.NewKey, earlier.Key);

        Assert.Equal(2, await DirectiveFactory.RekeyByPrintedIssuerAsync(db, CancellationToken.None));
        Assert.Equal(0, await DirectiveFactory.RekeyByPrintedIssuerAsync(db, CancellationToken.None));

        var ids = new[] { alone.Id, original.Id, copy.Id, later.Id, earlier.Id };
        var keys = await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.UniquenessKey);
        Assert.Equal(alone.NewKey, keys[alone.Id]);
        Assert.Equal(original.NewKey, keys[original.Id]);
        Assert.Equal(DirectiveUniqueness.HeldBackKeyOf(copy.Id), keys[copy.Id]);
        Assert.Equal(later.OldKey, keys[later.Id]);
        Assert.Equal(earlier.Key, keys[earlier.Id]);

        // The copy is resolved when it is next saved: its number is the original's.
        var problem = await (await editor.PutAsJsonAsync($"/api/v1/directives/{copy.Id}", byName with { Number = twice }, Http.Options))
            .ProblemNaming("number", HttpStatusCode.Conflict);
        Assert.Contains(original.Id.ToString(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await editor.PutAsJsonAsync($"/api/v1/directives/{later.Id}", byId with { Number = twiceLater }, Http.Options))
            .ProblemNaming("number", HttpStatusCode.Conflict);
    }

    private static async Task<Guid> IdAsync(HttpClient editor, DirectiveBody body) =>
        Guid.Parse((await DirectiveData.CreateAsync(editor, body))["id"]!.GetValue<string>());
}
