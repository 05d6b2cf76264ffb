using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Infrastructure;
using Portal.Domain.Feeds;

namespace Portal.Api.Features.Feeds;

/// <summary>/api/v1/feed-sources — admins manage the feeds Portal imports from, import now, and read run reports.</summary>
internal static class FeedSourceEndpoints
{
    public static IEndpointRouteBuilder MapFeedSources(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/feed-sources").WithTags("Feed sources")
            .RequireRole(ApiKeyAuthentication.AdminPolicy);
        group.MapGet("", List).WithName("ListFeedSources").WithSummary("List feed sources, by name (admin)").WithETag();
        group.MapGet("{id:guid}", Get).WithName("GetFeedSource").WithSummary("Get a feed source (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).WithETag();
        group.MapPost("", Create).WithName("CreateFeedSource").WithSummary("Add a feed source (admin)")
            .WithDescription("url must be an absolute http or https URL; categoryId an existing category; pollIntervalMinutes 5-1440 (default 60). A new enabled source is due at once. Unless Feeds:AllowPrivateNetworks is set, a url whose host is certainly not public — a loopback, private, link-local or otherwise non-public IP address in any notation (127.1, 2130706433, 0177.0.0.1, [::1], [::ffff:10.0.0.1]…) or localhost, *.localhost, *.local, *.home.arpa, *.internal — is a 400 naming url; other names are resolved at every fetch, and a name resolving to such an address is refused in the run report.")
            .Validates<FeedSourceCommand>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("{id:guid}", Update).WithName("UpdateFeedSource").WithSummary("Replace a feed source (admin)")
            .WithDescription("Honours If-Match (stale: 412). The url is checked as on creation (a non-public host is a 400 naming url). Changing the URL forgets the stored ETag/Last-Modified and makes the source due at once.")
            .Validates<FeedSourceCommand>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("{id:guid}", Delete).WithName("DeleteFeedSource").WithSummary("Delete a feed source (admin)")
            .WithDescription("Its run reports go with it; articles it imported stay, with their source. Honours If-Match.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("{id:guid}/import", Import).WithName("ImportFeedSource").WithSummary("Import a feed source now and return the run report (admin)")
            .WithDescription("Works for disabled sources too. Fetch and parse failures are reported in the run (outcome failed, errors), not as HTTP errors. 409 while another import of the source is running.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}/runs", Runs).WithName("ListFeedRuns").WithSummary("The last import reports of a feed source, newest first (admin)")
            .WithDescription("At most Feeds:RunsKept reports (default 20) are kept per source.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithETag();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<FeedSourceResponse>>> List(PortalDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FeedSourceResponse>>((await db.FeedSources.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct))
            .Select(FeedSourceResponse.From).ToList());

    public static async Task<Results<Ok<FeedSourceResponse>, ProblemHttpResult>> Get(Guid id, PortalDbContext db, CancellationToken ct) =>
        await db.FeedSources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } source
            ? TypedResults.Ok(FeedSourceResponse.From(source))
            : NotFound(id);

    public static async Task<Results<Created<FeedSourceResponse>, ValidationProblem>> Create(
        FeedSourceCommand command, PortalDbContext db, FeedOptions options, TimeProvider clock, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (PrivateUrl(command, options) is { } refused)
        {
            return refused;
        }

        if (await UnknownCategoryAsync(db, command, ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var source = new FeedSource { Id = Guid.CreateVersion7(), CreatedAt = now, NextPollAt = now };
        Apply(source, command, now);
        db.FeedSources.Add(source);
        await db.SaveChangesAsync(ct);
        var response = FeedSourceResponse.From(source);
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Created($"/api/v1/feed-sources/{source.Id}", response);
    }

    public static async Task<Results<Ok<FeedSourceResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, FeedSourceCommand command, PortalDbContext db, FeedOptions options, TimeProvider clock, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (PrivateUrl(command, options) is { } refused)
        {
            return refused;
        }

        var source = await db.FeedSources.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null)
        {
            return NotFound(id);
        }

        if (await Preconditions.CheckAsync(http.Request, FeedSourceResponse.From(source)) is { } stale)
        {
            return stale;
        }

        if (await UnknownCategoryAsync(db, command, ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!string.Equals(source.Url, command.Url, StringComparison.Ordinal))
        {
            // Another feed: the old validators and item count mean nothing for it.
            source.ETag = null;
            source.LastModified = null;
            source.LastItemCount = 0;
            source.LastRunAt = null;
        }

        Apply(source, command, now);
        source.NextPollAt = source.LastRunAt is { } last ? last.AddMinutes(source.PollIntervalMinutes) : now;
        source.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.LostRace(http.Request);
        }

        var response = FeedSourceResponse.From(source);
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, PortalDbContext db, HttpContext http, CancellationToken ct)
    {
        var source = await db.FeedSources.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null)
        {
            return NotFound(id);
        }

        if (await Preconditions.CheckAsync(http.Request, FeedSourceResponse.From(source)) is { } stale)
        {
            return stale;
        }

        db.FeedSources.Remove(source);
        return await db.TrySaveAsync(ct) == SaveOutcome.Saved ? TypedResults.NoContent() : Preconditions.LostRace(http.Request);
    }

    public static async Task<Results<Ok<FeedRunResponse>, ProblemHttpResult>> Import(
        Guid id, PortalDbContext db, FeedImporter importer, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.FeedSources.AnyAsync(s => s.Id == id, ct))
        {
            return NotFound(id);
        }

        var run = await importer.ImportAsync(id, clock.GetUtcNow().UtcDateTime, scheduled: false, ct);
        return run is null
            ? Problems.Conflict("An import of this source is already running; read its report under /runs when it ends.")
            : TypedResults.Ok(FeedRunResponse.From(run));
    }

    public static async Task<Results<Ok<IReadOnlyList<FeedRunResponse>>, ProblemHttpResult>> Runs(Guid id, PortalDbContext db, FeedOptions options, CancellationToken ct)
    {
        if (!await db.FeedSources.AnyAsync(s => s.Id == id, ct))
        {
            return NotFound(id);
        }

        var runs = await db.FeedRuns.AsNoTracking().Where(r => r.SourceId == id)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(Math.Max(1, options.RunsKept)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<FeedRunResponse>>(runs.Select(FeedRunResponse.From).ToList());
    }

    private static void Apply(FeedSource source, FeedSourceCommand command, DateTime now)
    {
        source.Name = command.Name!;
        source.Url = command.Url!;
        source.CategoryId = command.CategoryId;
        source.PollIntervalMinutes = command.PollIntervalMinutes ?? FeedSourceCommandValidator.DefaultIntervalMinutes;
        source.PublishOnImport = command.PublishOnImport ?? false;
        source.Enabled = command.Enabled ?? true;
        source.UpdatedAt = now;
    }

    /// <summary>The 400 naming url when it certainly points at a non-public address (<see cref="NetworkGuard.UrlRefusal"/>) and those are not allowed.</summary>
    private static ValidationProblem? PrivateUrl(FeedSourceCommand command, FeedOptions options) =>
        !options.AllowPrivateNetworks && NetworkGuard.UrlRefusal(command.Url!) is { } reason
            ? Problems.Invalid("url", $"The feed's host is not public: {reason}; feeds may only be fetched from public addresses (set Feeds:AllowPrivateNetworks to allow it).")
            : null;

    private static async Task<ValidationProblem?> UnknownCategoryAsync(PortalDbContext db, FeedSourceCommand command, CancellationToken ct) =>
        command.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct)
            ? Problems.Invalid("categoryId", $"No category has the id '{categoryId}'.")
            : null;

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No feed source has the id '{id}'.");
}
