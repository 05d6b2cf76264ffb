using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Articles;
using Portal.Api.Features.Editorial;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>
/// Editing directives (role editor or admin), with the same lifecycle, visibility and If-Match rules as articles.
/// Writes return the new representation and its ETag.
/// </summary>
internal static class DirectiveWriteEndpoints
{
    public static RouteGroupBuilder MapDirectiveWrites(this RouteGroupBuilder group)
    {
        var writes = group.MapEditorWrites();
        writes.MapPost("", Create)
            .WithName("CreateDirective")
            .WithSummary("Create a directive (editor); it starts as a draft")
            .WithDescription("The number is kept as entered and parsed (canonical form, search key). The number's type code must agree with typeCode (422 otherwise, e.g. a Chỉ thị numbered …-KH/…). A number is used once per issuer and calendar year: State numbers restart every year (Decree 30/2020/NĐ-CP); Party numbers run through a committee term (Guidance 36-HD/VPTW), which Portal does not record. The issuer is the one printed on the document (issuerName, else the catalogue name of issuerId; case and marks do not count), whichever way it is given, and directives linked to one issuerId share one issuer: a duplicate is 409 naming number and the directive that has it. Articles that already cite the number are linked.")
            .Validates<DirectiveCommand>()
            .ProducesProblems(
                StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        writes.MapPut("{id:guid}", Update)
            .WithName("UpdateDirective")
            .WithSummary("Replace a directive's editable fields (editor)")
            .WithDescription("Full replacement: every editable field takes the value in the body, and a field left out becomes empty — to change some fields only, use PATCH. Send If-Match with the ETag you read: a stale one is 412 and nothing changes; of two writers with the same ETag exactly one wins. The same number rules as on create apply.")
            .Validates<DirectiveCommand>()
            .ProducesProblems(
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        writes.MapPatch("{id:guid}", Patch)
            .WithName("PatchDirective")
            .WithSummary("Change some of a directive's fields (editor, JSON Merge Patch)")
            .WithDescription($"RFC 7396 JSON Merge Patch, Content-Type {MergePatch.MediaType} (any other type is 415): members present replace the current value, members left out keep it, null empties an optional field (effectiveOn, expiresOn, contentHtml, signer, field; issuerName: back to the catalogue name of issuerId). A printed issuerName that is just the catalogue name of issuerId follows issuerId when a patch changes it. Member names are those of PUT, spelt exactly: an unknown or server-owned member (id, status, viewCount, numberCanonical…), at any depth and whatever its value, is a 400 naming its JSON path, and so is a value of the wrong type. The merged directive is validated and saved as a PUT of it would be (number null is a 400 naming number; 409 for a taken number, 422 when the type disagrees; relations and attachments are kept). If-Match as for PUT: optional, a stale one is 412.")
            .Accepts<DirectiveCommand>(MergePatch.MediaType)
            .ProducesValidationProblem()
            .ProducesProblems(
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        writes.MapDelete("{id:guid}", Delete)
            .WithName("DeleteDirective")
            .WithSummary("Delete a directive (editor)")
            .WithDescription("Soft delete: the directive disappears from every read, its number becomes free again, and a tombstone remains for delta sync. Honours If-Match.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

        writes.MapLifecycleActions<DirectiveResponse>("Directive", "a directive", Transition);
        return group;
    }

    public static async Task<Results<Created<DirectiveResponse>, ProblemHttpResult>> Create(DirectiveCommand command, DirectiveWriter writer, [AsParameters] EditorialContext c)
    {
        var now = c.Clock.GetUtcNow();
        var directive = new Directive { Id = Guid.CreateVersion7(), Status = ContentStatus.Draft, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime };
        await using var tx = await c.Db.Database.BeginTransactionAsync(c.Ct);
        if (await writer.ApplyAsync(directive, command, c.Ct) is { } rejected)
        {
            return rejected;
        }

        c.Db.Directives.Add(directive);
        if (await c.Db.TrySaveAsync(c.Ct) != SaveOutcome.Saved)
        {
            // Another create took the number between the check and the insert: the unique index refused this one.
            return await writer.DuplicateAsync(directive, c.Ct) ?? Preconditions.LostRace(c.Http.Request);
        }

        await writer.LinkMentionsAsync(directive, previousKey: null, c.Ct);
        await tx.CommitAsync(c.Ct);
        var response = await RespondAsync(c, directive.Id, now);
        return TypedResults.Created($"/api/v1/directives/{directive.Id}", response.Value);
    }

    public static async Task<Results<Ok<DirectiveResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, DirectiveCommand command, DirectiveWriter writer, [AsParameters] EditorialContext c)
    {
        await using var tx = await c.Db.Database.BeginTransactionAsync(c.Ct);
        var target = await c.Db.Directives.Where(d => d.Id == id).ForWriteAsync(c.Http.Request, NotFound(id), c.Ct);
        return target.Refused ? target.Refusal : await ReplaceAsync(target.Item, command, writer, c, tx);
    }

    public static Task<Results<Ok<DirectiveResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        Guid id, DirectiveWriter writer, IValidator<DirectiveCommand> validator, [AsParameters] EditorialContext c) =>
        EditorialPatch.ApplyAsync(
            c, validator, "directive", "{\"signer\": \"Nguyễn Văn A\"}",
            () => c.Db.Directives.Where(d => d.Id == id).ForWriteAsync(c.Http.Request, NotFound(id), c.Ct),
            directive => writer.ToCommandAsync(directive, c.Ct),
            (directive, command, tx) => ReplaceAsync(directive, command, writer, c, tx));

    /// <summary>
    /// The write path of PUT and PATCH: copies a validated command onto the loaded directive (number rules: 409, 422),
    /// saves — the change log, webhook outbox and content version follow from the save (<c>ChangeLogInterceptor</c>,
    /// <c>ContentVersionInterceptor</c>) — re-links articles' mentions of its number and commits.
    /// </summary>
    private static async Task<Results<Ok<DirectiveResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Directive directive, DirectiveCommand command, DirectiveWriter writer, EditorialContext c, IDbContextTransaction tx)
    {
        var now = c.Clock.GetUtcNow();
        var previousKey = directive.NumberKey;
        if (await writer.ApplyAsync(directive, command, c.Ct) is { } rejected)
        {
            return rejected;
        }

        Lifecycle.Touch(directive, now.UtcDateTime);
        switch (await c.Db.TrySaveAsync(c.Ct))
        {
            case SaveOutcome.Stale:
                return Preconditions.LostRace(c.Http.Request);
            case SaveOutcome.Duplicate:
                return await writer.DuplicateAsync(directive, c.Ct) ?? Preconditions.LostRace(c.Http.Request);
        }

        await writer.LinkMentionsAsync(directive, previousKey, c.Ct);
        await tx.CommitAsync(c.Ct);
        return await RespondAsync(c, directive.Id, now);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, [AsParameters] EditorialContext c)
    {
        await using var tx = await c.Db.Database.BeginTransactionAsync(c.Ct);
        var target = await c.Db.Directives.Where(d => d.Id == id).ForWriteAsync(c.Http.Request, NotFound(id), c.Ct);
        if (target.Refused)
        {
            return target.Refusal;
        }

        // A deleted directive gives its number back, and the articles citing it look for another holder.
        target.Item.UniquenessKey = null;
        if (await LifecycleWrites.ApplyAsync(c.Db, c.Http.Request, target.Item, LifecycleAction.Delete, null, c.Clock.GetUtcNow().UtcDateTime, c.Ct) is { } problem)
        {
            return problem;
        }

        await ArticleMentions.ReleaseAsync(c.Db, id, target.Item.NumberKey, c.Ct);
        await tx.CommitAsync(c.Ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<DirectiveResponse>, ProblemHttpResult>> Transition(Guid id, LifecycleAction action, PublishCommand? body, EditorialContext c)
    {
        var now = c.Clock.GetUtcNow();
        var target = await c.Db.Directives.Where(d => d.Id == id).ForWriteAsync(c.Http.Request, NotFound(id), c.Ct);
        return (target.Refused ? target.Refusal : await LifecycleWrites.ApplyAsync(c.Db, c.Http.Request, target.Item, action, body?.PublishAt, now.UtcDateTime, c.Ct)) is { } problem
            ? problem
            : await RespondAsync(c, id, now);
    }

    /// <summary>The editor's representation after a write, with the ETag a GET would give.</summary>
    internal static async Task<Ok<DirectiveResponse>> RespondAsync(EditorialContext c, Guid id, DateTimeOffset now)
    {
        var response = (await DirectiveReader.ForEditorAsync(c.Db, id, c.Hits, now, c.Ct))!;
        Preconditions.SetETag(c.Http, response, c.Json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }

    internal static string NotFound(Guid id) => $"No directive has the id '{id}'.";
}
