using Portal.Api.Infrastructure.OpenApiFilters;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Api.Features.Directives;
using Portal.Api.Infrastructure;
using Portal.Domain.Directives;
using Riok.Mapperly.Abstractions;

namespace Portal.Api.Features.Catalogues;

/// <summary>A cơ quan ban hành in the catalogue, with the period it existed and its successor.</summary>
/// <param name="Id">Opaque id, used as a directive's issuerId.</param>
/// <param name="Name">Full name, e.g. "Ban Thường vụ Huyện ủy Vĩnh Cửu".</param>
/// <param name="Code">Code as used in numbers, e.g. "HU".</param>
/// <param name="Level">central, province, district or commune.</param>
/// <param name="ValidFrom">First day it existed, or null when unknown.</param>
/// <param name="ValidTo">Last day it existed, or null while it exists (districts ended on 2025-06-30).</param>
/// <param name="Successor">The body that took over its duties, or null.</param>
/// <param name="Version">Revision; the ETag is derived from it.</param>
public sealed record IssuingBodyResponse(
    Guid Id,
    string Name,
    string Code,
    string Level,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IssuerRef? Successor,
    int Version) : IVersioned;

/// <summary>Filters for the issuing body list.</summary>
/// <param name="Code">Code as used in numbers, e.g. HU (any case).</param>
/// <param name="Level">central, province, district or commune.</param>
/// <param name="ActiveOn">Only bodies that existed on this date (YYYY-MM-DD).</param>
/// <param name="Sort">name (default), code or validFrom, each optionally prefixed with '-'.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page, 1-100.</param>
public sealed record IssuingBodyListQuery(
    [FromQuery(Name = "code")] string? Code,
    [FromQuery(Name = "level")] string? Level,
    [FromQuery(Name = "activeOn")] QueryDate? ActiveOn,
    [FromQuery(Name = "sort")][SortQuery(typeof(IssuingBodyEndpoints))] string? Sort,
    [FromQuery(Name = "page")][Range(1, int.MaxValue)] int? Page,
    [FromQuery(Name = "pageSize")][Range(1, PageRequest.MaxPageSize)] int? PageSize);

/// <summary>Compile-time mapping (Mapperly) from issuing bodies to responses, as a SQL projection.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class IssuingBodyMapper
{
    public static partial IQueryable<IssuingBodyResponse> ProjectToResponse(this IQueryable<IssuingBody> query);

    // Written with == and ?: rather than patterns: Mapperly inlines this into the SQL projection (an expression tree).
    private static IssuerRef? MapSuccessor(IssuingBody? successor) =>
        successor == null ? null : new IssuerRef(successor.Id, successor.Name, successor.Code);
}
