using Microsoft.EntityFrameworkCore;

namespace Portal.Api.Infrastructure;

/// <summary>One page of a list (API.md "Lists"): <c>page</c> is 1-based; a page past the end has empty <c>items</c>.</summary>
/// <typeparam name="T">The item shape.</typeparam>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems, int TotalPages);

/// <summary>Validated paging parameters.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Checks <c>page</c> ≥ 1 and 1 ≤ <c>pageSize</c> ≤ 100, recording errors under the parameter names.</summary>
    public static PageRequest From(int? page, int? pageSize, QueryErrors errors)
    {
        if (page is < 1)
        {
            errors.Add("page", "'page' must be 1 or greater.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        }

        return new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
    }
}

internal static class PagingExtensions
{
    /// <summary>Counts, then fetches one page of an already totally ordered query.</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = (long)(request.Page - 1) * request.PageSize >= total
            ? []
            : await ordered.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
        var pages = total == 0 ? 0 : (int)Math.Ceiling(total / (double)request.PageSize);
        return new PagedList<T>(items, request.Page, request.PageSize, total, pages);
    }
}
