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
/// itself, and links cannot go round in a circle: implements, amends and replaces links, in any mix, since each says
/// its subject follows from its target (and a circle of replacements would leave none in force); guides links among
/// themselves (see <see cref="GuidesOnly"/>).
/// </summary>
internal static class DirectiveRelationEndpoints
{
    public static RouteGroupBuilder MapDirectiveRelations(this RouteGroupBuilder group)
    {
        var writes = group.MapEditorWrites();
        writes.MapPost("{id:guid}/relations", Add)
            .WithName("AddDirectiveRelation")
            .WithSummary("Link a directive to another (editor)")
            .WithDescription("Body { \"kind\": \"implements\" | \"amends\" | \"replaces\" | \"guides\", \"targetId\": id }: this directive implements (amends, replaces, guides) the target. Adding a link that exists changes nothing. A link to itself or to an unknown directive is 400 naming targetId; a link that would close a circle is 422 naming targetId: implements, amends and replaces links may not go round in a circle in any mix (each says this directive follows from the target), nor guides links among themselves. Honours If-Match; returns the directive.")
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

        if (await ChainAsync(db, targetId, directive.Id, GuidesOnly(kind), ct) is not { } chain)
        {
            return null;
        }

        var ids = chain.Select(l => l.From).Append(targetId).ToList();
        var numbers = await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        var path = string.Concat(chain.Select(l => $"'{numbers[l.From]}' {Wire(l.Kind)} ")) + $"'{directive.Number}'";
        var circle = $"'{directive.Number}' {Wire(kind)} {path}";
        var why = kind == RelationKind.Guides
            ? "a guidance cannot guide a document that, directly or through others, guides it"
            : kind == RelationKind.Replaces && chain.All(l => l.Kind == RelationKind.Replaces)
                ? "it would leave none of them in force"
                : "a document implements, amends or replaces only documents that came before it, never one that follows from it";
        return Problems.Fields(StatusCodes.Status422UnprocessableEntity,
            $"'{directive.Number}' cannot {Verb(kind)} '{target}': the links would go round in a circle ({circle}), and {why}.",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["targetId"] = [$"'{target}' already, directly or through others, links to '{directive.Number}': {path}."] });
    }

    /// <summary>
    /// Whether a <paramref name="kind"/> link may not close a circle of guides links (true) or of the other kinds
    /// (false). Implements, amends and replaces each say the subject follows from the target (carries it out, changes
    /// it, takes its place), so a circle of them, whatever their mix, has a document follow from itself. Guidance is a
    /// relation of its own: a guidance may concern a later document (an earlier guidance applies to it), so only a
    /// circle of guides links is refused.
    /// </summary>
    private static bool GuidesOnly(RelationKind kind) => kind == RelationKind.Guides;

    private static string Wire(RelationKind kind) => kind switch
    {
        RelationKind.Implements => "implements",
        RelationKind.Amends => "amends",
        RelationKind.Replaces => "replaces",
        _ => "guides",
    };

    private static string Verb(RelationKind kind) => kind switch
    {
        RelationKind.Implements => "implement",
        RelationKind.Amends => "amend",
        RelationKind.Replaces => "replace",
        _ => "guide",
    };

    /// <summary>
    /// A shortest chain of guides links (when <paramref name="guides"/>) or of links of the other kinds from
    /// <paramref name="from"/> to <paramref name="to"/> among directives that are not deleted, as its links in order;
    /// null when there is none.
    /// </summary>
    private static async Task<List<(Guid From, RelationKind Kind)>?> ChainAsync(PortalDbContext db, Guid from, Guid to, bool guides, CancellationToken ct)
    {
        var cameFrom = new Dictionary<Guid, (Guid From, RelationKind Kind)> { [from] = (from, default) };
        var frontier = new List<Guid> { from };
        var live = db.Directives.Where(d => d.DeletedAt == null);
        var ofKinds = guides
            ? db.DirectiveRelations.AsNoTracking().Where(r => r.Kind == RelationKind.Guides)
            : db.DirectiveRelations.AsNoTracking().Where(r => r.Kind != RelationKind.Guides);
        while (frontier.Count > 0 && !cameFrom.ContainsKey(to))
        {
            var current = frontier;
            var links = await ofKinds
                .Where(r => current.Contains(r.FromId) && live.Any(d => d.Id == r.ToId))
                .Select(r => new { r.FromId, r.ToId, r.Kind })
                .ToListAsync(ct);
            frontier = [];
            foreach (var link in links.Where(l => cameFrom.TryAdd(l.ToId, (l.FromId, l.Kind))))
            {
                frontier.Add(link.ToId);
            }
        }

        if (!cameFrom.ContainsKey(to))
        {
            return null;
        }

        var chain = new List<(Guid From, RelationKind Kind)>();
        for (var node = to; node != from; node = cameFrom[node].From)
        {
            chain.Add(cameFrom[node]);
        }

        chain.Reverse();
        return chain;
    }
}
