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

/// <summary>/api/v1/categories — anonymous reads; editors create, rename and delete.</summary>
internal static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategories(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/categories").WithTags("Categories");
        group.MapGet("", List).WithName("ListCategories").WithSummary("List categories, by name").WithETag().CachedForReaders();
        group.MapGet("{idOrSlug}", Get).WithName("GetCategory").WithSummary("Get a category by id or slug")
            .ProducesProblem(StatusCodes.Status404NotFound).WithETag().CachedForReaders();

        var writes = group.MapGroup("")
            .RequireRole(ApiKeyAuthentication.EditorPolicy);
        writes.MapPost("", Create).WithName("CreateCategory").WithSummary("Create a category (editor)")
            .WithDescription("The slug is generated from the name unless given; a taken slug is 409.")
            .Validates<CategoryCommand>().ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("{id:guid}", Update).WithName("UpdateCategory").WithSummary("Replace a category (editor)")
            .WithDescription("Honours If-Match (stale: 412).")
            .Validates<CategoryCommand>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        writes.MapDelete("{id:guid}", Delete).WithName("DeleteCategory").WithSummary("Delete an unused category (editor)")
            .WithDescription("A category that articles still use is 409, also when an article is moved into it while it is being deleted; deleted articles (tombstones) do not count and lose the category. Honours If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CategoryResponse>>> List(PortalDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CategoryResponse>>(await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CategoryResponse(c.Id, c.Name, c.Slug, c.Description, c.Version))
            .ToListAsync(ct));

    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> Get(string idOrSlug, PortalDbContext db, CancellationToken ct)
    {
        var query = db.Categories.AsNoTracking();
        var category = Guid.TryParse(idOrSlug, out var id)
            ? await query.FirstOrDefaultAsync(c => c.Id == id, ct)
            : await query.FirstOrDefaultAsync(c => c.Slug == idOrSlug, ct);
        return category is null ? Problems.NotFound($"No category has the id or slug '{idOrSlug}'.") : TypedResults.Ok(ToResponse(category));
    }

    public static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> Create(
        CategoryCommand command, PortalDbContext db, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var category = new Category { Id = Guid.CreateVersion7(), Name = command.Name!, Description = command.Description };
        category.Slug = command.Slug ?? (VietnameseText.Slugify(category.Name) is { Length: > 0 } s ? s : "chuyen-muc");
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
        Guid id, CategoryCommand command, PortalDbContext db, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return Problems.NotFound($"No category has the id '{id}'.");
        }

        if (Preconditions.CheckIfMatch(http.Request, category.Version) is { } stale)
        {
            return stale;
        }

        category.Name = command.Name!;
        category.Description = command.Description;
        category.Slug = command.Slug ?? category.Slug;
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

        if (Preconditions.CheckIfMatch(http.Request, category.Version) is { } stale)
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
