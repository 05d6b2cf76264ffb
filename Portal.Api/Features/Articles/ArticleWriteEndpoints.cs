using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Editorial;
using Portal.Api.Features.Hits;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Common;

namespace Portal.Api.Features.Articles;

/// <summary>Editing articles (role editor or admin). Writes honour If-Match and return the new representation and ETag.</summary>
internal static class ArticleWriteEndpoints
{
    public static RouteGroupBuilder MapArticleWrites(this RouteGroupBuilder group)
    {
        var writes = group.MapEditorWrites();

        writes.MapPost("", Create)
            .WithName("CreateArticle")
            .WithSummary("Create an article (editor); it starts as a draft")
            .WithDescription("The slug is generated from the title (đ→d, tone marks dropped) unless given; a taken generated slug gets -2, -3…, a taken requested slug is 409. The body is sanitised. id, status, viewCount, createdAt, updatedAt and slug history cannot be set.")
            .Validates<ArticleCommand>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapPut("{id:guid}", Update)
            .WithName("UpdateArticle")
            .WithSummary("Replace an article's editable fields (editor)")
            .WithDescription("Full replacement: every editable field takes the value in the body, and a field left out becomes empty (author, tags, cover image, category, related directives) — to change some fields only, use PATCH. An omitted slug keeps the current one. Send If-Match with the ETag you read: a stale one is 412 and nothing changes. Changing the slug keeps the old one answering 301.")
            .Validates<ArticleCommand>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapPatch("{id:guid}", Patch)
            .WithName("PatchArticle")
            .WithSummary("Change some of an article's fields (editor, JSON Merge Patch)")
            .WithDescription($"RFC 7396 JSON Merge Patch, Content-Type {MergePatch.MediaType} (any other type is 415): members present replace the current value, members left out keep it, null empties an optional field (summary, bodyHtml, author, categoryId, coverImage; tags and directiveIds become empty; slug: null keeps the slug), and lists are replaced whole. Member names are those of PUT, spelt exactly: an unknown or server-owned member (id, status, viewCount, createdAt, updatedAt…), at any depth and whatever its value, is a 400 naming its JSON path, and so is a value of the wrong type. The merged article is validated and saved as a PUT of it would be (title null is a 400 naming title; sanitising, slug change with 301, mentions re-linked, change log and webhooks). If-Match as for PUT: optional, a stale one is 412.")
            .Accepts<ArticleCommand>(MergePatch.MediaType)
            .ProducesValidationProblem()
            .ProducesProblems(
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        writes.MapDelete("{id:guid}", Delete)
            .WithName("DeleteArticle")
            .WithSummary("Delete an article (editor)")
            .WithDescription("Soft delete: the article disappears from every read, and a tombstone remains for delta sync. Honours If-Match.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        writes.MapLifecycleActions<ArticleResponse>("Article", "an article", Transition);
        return group;
    }

    public static async Task<Results<Created<ArticleResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ArticleCommand command, ArticleWriter writer, PortalDbContext db, TimeProvider clock, HitCounter hits, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article { Id = Guid.CreateVersion7(), Status = ContentStatus.Draft, CreatedAt = now, UpdatedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await writer.ApplyAsync(article, command, ct) is { } errors)
        {
            return errors.ToProblem();
        }

        if (!await writer.InsertAsync(article, command.Slug, ct))
        {
            return Problems.Conflict($"The slug '{command.Slug}' is already used by another article.");
        }

        await ArticleMentions.RefreshAsync(db, article, command.DirectiveIds ?? [], ct);
        await tx.CommitAsync(ct);
        var response = await ArticleRepresentation.ForEditorAsync(db, article.Id, hits, now, ct);
        Preconditions.SetETag(http, response!, json.Value.SerializerOptions);
        return TypedResults.Created($"/api/v1/articles/{article.Id}", response);
    }

    public static async Task<Results<Ok<ArticleResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ArticleCommand command, ArticleWriter writer, [AsParameters] EditorialContext c)
    {
        await using var tx = await c.Db.Database.BeginTransactionAsync(c.Ct);
        var target = await ForWriteAsync(c, id);
        return target.Refused ? target.Refusal : await ReplaceAsync(target.Item, command, writer, c, tx);
    }

    public static Task<Results<Ok<ArticleResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        Guid id, ArticleWriter writer, IValidator<ArticleCommand> validator, [AsParameters] EditorialContext c) =>
        EditorialPatch.ApplyAsync(
            c, validator, "article", "{\"author\": \"Hồng Yến\"}",
            () => ForWriteAsync(c, id),
            async article => ArticleMapper.ToCommand(article, await ArticleMentions.RelatedIdsAsync(c.Db, id, c.Ct)),
            (article, command, tx) => ReplaceAsync(article, command, writer, c, tx));

    private static Task<WriteTarget<Article>> ForWriteAsync(EditorialContext c, Guid id) =>
        c.Db.Articles.Include(a => a.Tags).Where(a => a.Id == id).ForWriteAsync(c.Http.Request, NotFound(id), c.Ct);

    /// <summary>
    /// The write path of PUT and PATCH: copies a validated command onto the loaded article, changes its slug (the old
    /// one redirects), saves — the change log, webhook outbox and content version follow from the save
    /// (<c>ChangeLogInterceptor</c>, <c>ContentVersionInterceptor</c>) — re-links its mentions and commits.
    /// </summary>
    private static async Task<Results<Ok<ArticleResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Article article, ArticleCommand command, ArticleWriter writer, EditorialContext c, IDbContextTransaction tx)
    {
        var now = c.Clock.GetUtcNow().UtcDateTime;
        if (await writer.ApplyAsync(article, command, c.Ct) is { } errors)
        {
            return errors.ToProblem();
        }

        if (!await writer.ChangeSlugAsync(article, command.Slug, now, c.Ct))
        {
            return Problems.Conflict($"The slug '{command.Slug}' is already used by another article.");
        }

        Lifecycle.Touch(article, now);
        switch (await c.Db.TrySaveAsync(c.Ct))
        {
            case SaveOutcome.Stale:
                return Preconditions.LostRace(c.Http.Request);
            case SaveOutcome.Duplicate:
                return Problems.Conflict($"The slug '{command.Slug}' is already used by another article.");
        }

        await ArticleMentions.RefreshAsync(c.Db, article, command.DirectiveIds ?? [], c.Ct);
        await tx.CommitAsync(c.Ct);
        return await Respond(c.Db, article.Id, c.Hits, now, c.Http, c.Json, c.Ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, PortalDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var target = await db.Articles.Where(a => a.Id == id).ForWriteAsync(http.Request, NotFound(id), ct);
        return (target.Refused ? target.Refusal : await LifecycleWrites.ApplyAsync(db, http.Request, target.Item, LifecycleAction.Delete, null, clock.GetUtcNow().UtcDateTime, ct)) is { } problem
            ? problem
            : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Transition(Guid id, LifecycleAction action, PublishCommand? body, EditorialContext c)
    {
        var now = c.Clock.GetUtcNow().UtcDateTime;
        var target = await c.Db.Articles.Where(a => a.Id == id).ForWriteAsync(c.Http.Request, NotFound(id), c.Ct);
        return (target.Refused ? target.Refusal : await LifecycleWrites.ApplyAsync(c.Db, c.Http.Request, target.Item, action, body?.PublishAt, now, c.Ct)) is { } problem
            ? problem
            : await Respond(c.Db, id, c.Hits, now, c.Http, c.Json, c.Ct);
    }

    private static string NotFound(Guid id) => $"No article has the id '{id}'.";

    private static async Task<Ok<ArticleResponse>> Respond(
        PortalDbContext db, Guid id, HitCounter hits, DateTime now, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var response = (await ArticleRepresentation.ForEditorAsync(db, id, hits, now, ct))!;
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }
}
