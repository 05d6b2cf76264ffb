using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Features.Articles;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Articles;
using Portal.Domain.Text;

namespace Portal.Api.Features.Categories;

/// <summary>A category with its revision (the ETag's basis).</summary>
public sealed record CategoryResponse(Guid Id, string Name, string Slug, string? Description, int Version) : IVersioned;

/// <summary>
/// /api/v1/categories — anonymous reads; editors create, rename and delete. A changed slug keeps the old one answering
/// (<see cref="CategorySlugRedirect"/>): <c>GET /categories/{old}</c> is a 301 to the current slug.
/// </summary>
internal static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategories(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/categories").WithTags("Categories");
        group.MapGet("", List).WithName("ListCategories").WithSummary("List categories, by name").WithETag().CachedForReaders();
        group.MapGet("{id}", Get).WithName("GetCategory").WithSummary("Get a category by id or slug")
            .WithDescription("A former slug answers 301 with Location set to the category's current URL.")
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesProblem(StatusCodes.Status404NotFound).WithETag().CachedForReaders();

        var writes = group.MapGroup("")
            .RequireRole(ApiKeyAuthentication.EditorPolicy);
        writes.MapPost("", Create).WithName("CreateCategory").WithSummary("Create a category (editor)")
            .WithDescription("The slug is generated from the name unless given; a slug another category has or had (it still redirects there) is 409.")
            .Validates<CategoryCommand>().ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("{id:guid}", Update).WithName("UpdateCategory").WithSummary("Replace a category (editor)")
            .WithDescription("Honours If-Match (stale: 412). A changed slug keeps the old one answering 301; a slug another category has or had is 409.")
            .Validates<CategoryCommand>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        writes.MapDelete("{id:guid}", Delete).WithName("DeleteCategory").WithSummary("Delete an unused category (editor)")
            .WithDescription("A category that articles still use is 409, also when an article is moved into it while it is being deleted; deleted articles (tombstones) do not count and lose the category. Its former slugs become free. Honours If-Match.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CategoryResponse>>> List(PortalDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CategoryResponse>>(await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CategoryResponse(c.Id, c.Name, c.Slug, c.Description, c.Version))
            .ToListAsync(ct));

    public static async Task<Results<Ok<CategoryResponse>, RedirectHttpResult, ProblemHttpResult>> Get([Microsoft.AspNetCore.Mvc.FromRoute(Name = "id")] string idOrSlug, PortalDbContext db, HttpRequest request, CancellationToken ct)
    {
        var query = db.Categories.AsNoTracking();
        var category = Guid.TryParse(idOrSlug, out var id)
            ? await query.FirstOrDefaultAsync(c => c.Id == id, ct)
            : await query.FirstOrDefaultAsync(c => c.Slug == idOrSlug, ct);
        if (category is not null)
        {
            return TypedResults.Ok(ToResponse(category));
        }

        var moved = await db.CategorySlugRedirects.AsNoTracking()
            .Where(r => r.OldSlug == idOrSlug)
            .Join(db.Categories, r => r.CategoryId, c => c.Id, (r, c) => c.Slug)
            .FirstOrDefaultAsync(ct);
        return moved is null
            ? Problems.NotFound($"No category has the id or slug '{idOrSlug}'.")
            : TypedResults.Redirect($"{request.PathBase}/api/v1/categories/{Uri.EscapeDataString(moved)}", permanent: true);
    }

    /// <summary>
    /// The category <paramref name="slug"/> names, as its current slug or a former one; null when none does. Feeds by
    /// category use it, so a frontend's or a feed reader's old URLs keep giving the same articles.
    /// </summary>
    public static async Task<Category?> FindBySlugAsync(PortalDbContext db, string slug, CancellationToken ct) =>
        await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct)
        ?? await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => db.CategorySlugRedirects.Any(r => r.OldSlug == slug && r.CategoryId == c.Id), ct);

    public static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> Create(
        CategoryCommand command, PortalDbContext db, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var category = new Category { Id = Guid.CreateVersion7(), Name = command.Name!, Description = command.Description };
        category.Slug = command.Slug ?? (VietnameseText.Slugify(category.Name) is { Length: > 0 } s ? s : "chuyen-muc");
        if (await HeldAsFormerSlugAsync(db, category.Slug, category.Id, ct) is { } held)
        {
            return held;
        }

        db.Categories.Add(category);
        if (!await TrySaveAsync(db, ct))
        {
            return Problems.Conflict($"The slug '{category.Slug}' is already used by another category.");
        }

        var response = ToResponse(category);
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Created($"/api/v1/categories/{category.Id}", response);
    }

    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> Update(
        Guid id, CategoryCommand command, PortalDbContext db, HttpContext http, IOptions<JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return Problems.NotFound($"No category has the id '{id}'.");
        }

        if (await Preconditions.CheckAsync(http.Request, ToResponse(category)) is { } stale)
        {
            return stale;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var previousSlug = category.Slug;
        var slug = command.Slug ?? category.Slug;
        if (slug != previousSlug)
        {
            if (await HeldAsFormerSlugAsync(db, slug, category.Id, ct) is { } held)
            {
                return held;
            }

            // Taking a former slug back: it is current again, no longer a redirect. The slug left behind redirects here.
            await db.CategorySlugRedirects.Where(r => r.OldSlug == slug && r.CategoryId == category.Id).ExecuteDeleteAsync(ct);
            db.CategorySlugRedirects.Add(new CategorySlugRedirect { OldSlug = previousSlug, CategoryId = category.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }

        category.Name = command.Name!;
        category.Description = command.Description;
        category.Slug = slug;
        category.Version++;
        try
        {
            if (!await TrySaveAsync(db, ct))
            {
                return Problems.Conflict($"The slug '{category.Slug}' is already used by another category.");
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.LostRace(http.Request);
        }

        await tx.CommitAsync(ct);
        var response = ToResponse(category);
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, PortalDbContext db, HttpContext http, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return Problems.NotFound($"No category has the id '{id}'.");
        }

        if (await Preconditions.CheckAsync(http.Request, ToResponse(category)) is { } stale)
        {
            return stale;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Articles.AnyAsync(a => a.CategoryId == id && a.DeletedAt == null, ct))
        {
            return InUse();
        }

        // Deleted articles do not hold the category: their tombstones keep id, removedAt and reason only, so they lose
        // it in place (no change is logged: for sync they are already gone, and a tombstone never carries a category).
        await db.Articles.Where(a => a.CategoryId == id && a.DeletedAt != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.CategoryId, (Guid?)null), ct);
        db.Categories.Remove(category);
        try
        {
            if (await db.TrySaveAsync(ct) != SaveOutcome.Saved)
            {
                return Preconditions.LostRace(http.Request);
            }
        }
        catch (DbUpdateException ex) when (DbErrors.IsForeignKeyViolation(ex))
        {
            // An article was moved into the category after the check above (PostgreSQL reads committed data; the row
            // reference is only certain when the DELETE runs): the database refused, as the check would have.
            return InUse();
        }

        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static CategoryResponse ToResponse(Category c) => new(c.Id, c.Name, c.Slug, c.Description, c.Version);

    private static ProblemHttpResult InUse() => Problems.Conflict("Articles still use this category; move them to another category first.");

    /// <summary>The 409 when <paramref name="slug"/> is a former slug of another category (it still redirects there).</summary>
    private static async Task<ProblemHttpResult?> HeldAsFormerSlugAsync(PortalDbContext db, string slug, Guid categoryId, CancellationToken ct) =>
        await db.CategorySlugRedirects.AnyAsync(r => r.OldSlug == slug && r.CategoryId != categoryId, ct)
            ? Problems.Conflict($"The slug '{slug}' was another category's and still redirects to it; choose another slug.")
            : null;

    /// <summary>Saves; false when the unique slug index refused the change.</summary>
    private static async Task<bool> TrySaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }
}
