using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
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
        var writes = group.MapGroup("")
            .RequireAuthorization(ApiKeyAuthentication.EditorPolicy)
            .RequireCors(Cors.Writes)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

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
            .WithDescription("Full replacement of the fields in the body (PUT; Portal has no PATCH). Send If-Match with the ETag you read: a stale one is 412 and nothing changes. Changing the slug keeps the old one answering 301.")
            .Validates<ArticleCommand>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapDelete("{id:guid}", Delete)
            .WithName("DeleteArticle")
            .WithSummary("Delete an article (editor)")
            .WithDescription("Soft delete: the article disappears from every read, and a tombstone remains for delta sync. Honours If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        writes.MapPost("{id:guid}/publish", (Guid id, PublishCommand? body, HttpContext http, PortalDbContext db, TimeProvider clock, HitCounter hits, IOptions<JsonOptions> json, CancellationToken ct) =>
                Transition(id, "publish", body, http, db, clock, hits, json, ct))
            .Describe("PublishArticle", "Publish or schedule an article (editor)",
                "Body { \"publishAt\": instant } is optional: omitted or past publishes now; a future instant schedules the article (invisible until then, no background job needed). Archived articles must be unpublished first (409).");
        writes.MapPost("{id:guid}/unpublish", (Guid id, HttpContext http, PortalDbContext db, TimeProvider clock, HitCounter hits, IOptions<JsonOptions> json, CancellationToken ct) =>
                Transition(id, "unpublish", null, http, db, clock, hits, json, ct))
            .Describe("UnpublishArticle", "Take an article back to draft (editor)", "Removes it from every anonymous read; a tombstone is recorded for delta sync.");
        writes.MapPost("{id:guid}/archive", (Guid id, HttpContext http, PortalDbContext db, TimeProvider clock, HitCounter hits, IOptions<JsonOptions> json, CancellationToken ct) =>
                Transition(id, "archive", null, http, db, clock, hits, json, ct))
            .Describe("ArchiveArticle", "Archive an article (editor)", "Keeps it for the record; removed from every anonymous read.");
        return group;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, string description) =>
        builder.WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

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
        Guid id, ArticleCommand command, ArticleWriter writer, PortalDbContext db, TimeProvider clock, HitCounter hits, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var article = await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, ct);
        if (article is null)
        {
            return Problems.NotFound($"No article has the id '{id}'.");
        }

        if (Preconditions.CheckIfMatch(http.Request, article.Version) is { } stale)
        {
            return stale;
        }

        if (await writer.ApplyAsync(article, command, ct) is { } errors)
        {
            return errors.ToProblem();
        }

        if (!await writer.ChangeSlugAsync(article, command.Slug, now, ct))
        {
            return Problems.Conflict($"The slug '{command.Slug}' is already used by another article.");
        }

        Lifecycle.Touch(article, now);
        if (!await SaveAsync(db, ct))
        {
            return Preconditions.LostRace();
        }

        await ArticleMentions.RefreshAsync(db, article, command.DirectiveIds ?? [], ct);
        await tx.CommitAsync(ct);
        return await Respond(db, id, hits, now, http, json, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, PortalDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, ct);
        if (article is null)
        {
            return Problems.NotFound($"No article has the id '{id}'.");
        }

        if (Preconditions.CheckIfMatch(http.Request, article.Version) is { } stale)
        {
            return stale;
        }

        article.DeletedAt = now;
        Lifecycle.Touch(article, now);
        return await SaveAsync(db, ct) ? TypedResults.NoContent() : Preconditions.LostRace();
    }

    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Transition(
        Guid id, string action, PublishCommand? body, HttpContext http, PortalDbContext db, TimeProvider clock, HitCounter hits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, ct);
        if (article is null)
        {
            return Problems.NotFound($"No article has the id '{id}'.");
        }

        if (Preconditions.CheckIfMatch(http.Request, article.Version) is { } stale)
        {
            return stale;
        }

        var refused = action switch
        {
            "publish" => Lifecycle.Publish(article, body?.PublishAt?.UtcDateTime, now),
            "unpublish" => Lifecycle.Unpublish(article, now),
            _ => Lifecycle.Archive(article, now),
        };
        if (refused is not null)
        {
            return Problems.Conflict(refused);
        }

        if (!await SaveAsync(db, ct))
        {
            return Preconditions.LostRace();
        }

        return await Respond(db, id, hits, now, http, json, ct);
    }

    /// <summary>Saves; false when the revision changed underneath (another writer won).</summary>
    private static async Task<bool> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static async Task<Ok<ArticleResponse>> Respond(
        PortalDbContext db, Guid id, HitCounter hits, DateTime now, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var response = (await ArticleRepresentation.ForEditorAsync(db, id, hits, now, ct))!;
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }
}

/// <summary>Body of the publish action.</summary>
/// <param name="PublishAt">When to publish (ISO 8601 instant); omitted or past = now, future = scheduled.</param>
public sealed record PublishCommand(DateTimeOffset? PublishAt);
