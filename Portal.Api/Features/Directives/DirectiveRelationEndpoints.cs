using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Editorial;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>
/// Links between directives (editor): implements (triển khai thực hiện), amends, replaces, guides. A link is stored
/// once, on the directive that is its subject; GET …/related shows it from both ends. A directive cannot link to
/// itself, and replacements cannot go round in a circle (a replaced document is out of force, so a cycle would
/// leave none in force).
/// </summary>
internal static class DirectiveRelationEndpoints
{
    public static RouteGroupBuilder MapDirectiveRelations(this RouteGroupBuilder group)
    {
        var writes = group.MapEditorWrites();
        writes.MapPost("{id:guid}/relations", Add)
            .WithName("AddDirectiveRelation")
            .WithSummary("Link a directive to another (editor)")
            .WithDescription("Body { \"kind\": \"implements\" | \"amends\" | \"replaces\" | \"guides\", \"targetId\": id }: this directive implements (amends, replaces, guides) the target. Adding a link that exists changes nothing. A link to itself or to an unknown directive is 400 naming targetId; a replaces link that would close a cycle is 422. Honours If-Match; returns the directive.")
            .Validates<RelationCommand>()
            .ProducesProblems(
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        writes.MapDelete("{id:guid}/relations/{kind}/{targetId:guid}", Remove)
            .WithName("RemoveDirectiveRelation")
            .WithSummary("Remove a link from a directive to another (editor)")
            .WithDescription("kind is implements, amends, replaces or guides. 404 when the directive has no such link. Honours If-Match; returns the directive.")
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        return group;
    }

    public static async Task<Results<Ok<DirectiveResponse>, ProblemHttpResult>> Add(Guid id, RelationCommand command, [AsParameters] EditorialContext c)
    {
        var (db, ct, now) = (c.Db, c.Ct, c.Clock.GetUtcNow());
        var (kind, targetId) = (command.Kind!.Value, command.TargetId!.Value);
        // One transaction from check to save, so that two links added at once cannot close a cycle between them.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = await db.Directives.Where(d => d.Id == id).ForWriteAsync(c.Http.Request, DirectiveWriteEndpoints.NotFound(id), ct);
        if (target.Refused)
        {
            return target.Refusal;
        }

        var directive = target.Item;

        if (await RefuseAsync(db, directive, kind, targetId, ct) is { } refused)
        {
            return refused;
        }

        if (!await db.DirectiveRelations.AnyAsync(r => r.FromId == id && r.ToId == targetId && r.Kind == kind, ct))
        {
            db.DirectiveRelations.Add(new DirectiveRelation { FromId = id, ToId = targetId, Kind = kind });
            Lifecycle.Touch(directive, now.UtcDateTime);
            if (await db.TrySaveAsync(ct) != SaveOutcome.Saved)
            {
                return Preconditions.LostRace(c.Http.Request);
            }
        }

        await tx.CommitAsync(ct);
        return await DirectiveWriteEndpoints.RespondAsync(c, id, now);
    }

    public static async Task<Results<Ok<DirectiveResponse>, ProblemHttpResult>> Remove(Guid id, string kind, Guid targetId, [AsParameters] EditorialContext c)
    {
        if (!EnumNames.TryParse<RelationKind>(kind, out var relationKind))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "kind", $"'{kind}' is not a relation kind; use implements, amends, replaces or guides.");
        }

        var (db, ct, now) = (c.Db, c.Ct, c.Clock.GetUtcNow());
        var target = await db.Directives.Where(d => d.Id == id).ForWriteAsync(c.Http.Request, DirectiveWriteEndpoints.NotFound(id), ct);
        if (target.Refused)
        {
            return target.Refusal;
        }

        var directive = target.Item;

        var relation = await db.DirectiveRelations.FirstOrDefaultAsync(r => r.FromId == id && r.ToId == targetId && r.Kind == relationKind, ct);
        if (relation is null)
        {
            return Problems.NotFound($"Directive '{id}' has no '{kind}' link to '{targetId}'.");
        }

        db.DirectiveRelations.Remove(relation);
        Lifecycle.Touch(directive, now.UtcDateTime);
        return await db.TrySaveAsync(ct) == SaveOutcome.Saved
            ? await DirectiveWriteEndpoints.RespondAsync(c, id, now)
            : Preconditions.LostRace(c.Http.Request);
    }

    /// <summary>Why <paramref name="directive"/> may not get a <paramref name="kind"/> link to <paramref name="targetId"/>, or null.</summary>
    private static async Task<ProblemHttpResult?> RefuseAsync(PortalDbContext db, Directive directive, RelationKind kind, Guid targetId, CancellationToken ct)
    {
        if (targetId == directive.Id)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "targetId", "A directive cannot be linked to itself.");
        }

        var target = await db.Directives.AsNoTracking().Where(d => d.Id == targetId && d.DeletedAt == null).Select(d => d.Number).FirstOrDefaultAsync(ct);
        if (target is null)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "targetId", $"No directive has the id '{targetId}'.");
        }

        if (kind != RelationKind.Replaces || await ReplacementChainAsync(db, targetId, directive.Id, ct) is not { } chain)
        {
            return null;
        }

        var numbers = await db.Directives.AsNoTracking().Where(d => chain.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        var circle = string.Join(" replaces ", chain.Append(targetId).Select(c => $"'{numbers[c]}'"));
        return Problems.Fields(StatusCodes.Status422UnprocessableEntity,
            $"'{directive.Number}' cannot replace '{target}': the replacements would go round in a circle ({circle}) and leave none of them in force.",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["targetId"] = [$"'{target}' already (directly or through others) replaces '{directive.Number}'."] });
    }

    /// <summary>
    /// The chain of replaces links from <paramref name="from"/> to <paramref name="to"/> among directives that are
    /// not deleted, as ids from <paramref name="from"/> to <paramref name="to"/>; null when there is none.
    /// </summary>
    private static async Task<List<Guid>?> ReplacementChainAsync(PortalDbContext db, Guid from, Guid to, CancellationToken ct)
    {
        var cameFrom = new Dictionary<Guid, Guid> { [from] = from };
        var frontier = new List<Guid> { from };
        var live = db.Directives.Where(d => d.DeletedAt == null);
        while (frontier.Count > 0 && !cameFrom.ContainsKey(to))
        {
            var current = frontier;
            var links = await db.DirectiveRelations.AsNoTracking()
                .Where(r => r.Kind == RelationKind.Replaces && current.Contains(r.FromId) && live.Any(d => d.Id == r.ToId))
                .Select(r => new { r.FromId, r.ToId })
                .ToListAsync(ct);
            frontier = [];
            foreach (var link in links.Where(l => cameFrom.TryAdd(l.ToId, l.FromId)))
            {
                frontier.Add(link.ToId);
            }
        }

        if (!cameFrom.ContainsKey(to))
        {
            return null;
        }

        var chain = new List<Guid> { to };
        while (chain[^1] != from)
        {
            chain.Add(cameFrom[chain[^1]]);
        }

        chain.Reverse();
        return chain;
    }
}
