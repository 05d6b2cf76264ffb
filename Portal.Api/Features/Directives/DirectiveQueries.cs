using Portal.Api.Infrastructure.OpenApiFilters;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Infrastructure;
using Portal.Domain.Directives;
using Portal.Domain.Text;

namespace Portal.Api.Features.Directives;

/// <summary>Filters for the directive list.</summary>
/// <param name="Q">Words (at most 10) that must each occur in the number, type, issuer, abstract, lĩnh vực or content; case- and tone-insensitive.</param>
/// <param name="Type">Type code, e.g. KH, CT, QĐ (ASCII "QD" accepted).</param>
/// <param name="Issuer">Issuer code (e.g. HU) or catalogue id.</param>
/// <param name="Year">Year of the issue date.</param>
/// <param name="Validity">inForce, notYetInForce, expired or replaced.</param>
/// <param name="Field">Lĩnh vực: the text (at most 200 characters) must occur in the directive's lĩnh vực, and only there; case- and tone-insensitive.</param>
/// <param name="Status">Editors only: draft, scheduled, published or archived.</param>
/// <param name="Sort">issuedOn or -issuedOn (default), number, publishedAt.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page, 1-100.</param>
public sealed record DirectiveListQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "issuer")] string? Issuer,
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "validity")][EnumQuery(typeof(Validity))] string? Validity,
    [FromQuery(Name = "field")] string? Field,
    [FromQuery(Name = "status")][EnumQuery(typeof(Portal.Domain.Common.PublicationState))] string? Status,
    [FromQuery(Name = "sort")][SortQuery(typeof(DirectiveQueries))] string? Sort,
    [FromQuery(Name = "page")][Range(1, int.MaxValue)] int? Page,
    [FromQuery(Name = "pageSize")][Range(1, PageRequest.MaxPageSize)] int? PageSize);

internal static class DirectiveQueries
{
    public static readonly SortFields<Directive> Sorts = new SortFields<Directive>(d => d.Id, "-issuedOn")
        .Add("issuedOn", d => d.IssuedOn)
        .Add("number", d => d.NumberKey)
        .Add("publishedAt", d => d.PublishedAt);

    /// <summary>
    /// Ids of the directives another directive replaces. Only a replacing document readers can see counts: a draft
    /// that will replace a decision must neither leak its existence nor take the decision out of force early.
    /// </summary>
    public static IQueryable<Guid> ReplacedIds(this PortalDbContext db, DateTime nowUtc) =>
        db.DirectiveRelations
            .Where(r => r.Kind == RelationKind.Replaces && db.Directives.VisibleAt(nowUtc).Any(d => d.Id == r.FromId))
            .Select(r => r.ToId);

    /// <summary>
    /// Applies the list filters; records malformed values in <paramref name="errors"/>. <c>q</c> matches its words in the
    /// folded search text through the trigram index (<see cref="SubstringSearch"/>); <c>field</c> matches its whole
    /// folded text inside the folded lĩnh vực (<see cref="Directive.FieldSearch"/>) only.
    /// </summary>
    public static IQueryable<Directive> Filter(this IQueryable<Directive> directives, PortalDbContext db, DirectiveListQuery query, QueryErrors errors, DateOnly today, IQueryable<Guid> replaced)
    {
        var terms = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            var code = DocumentTypes.Canonicalize(query.Type.Trim()) ?? query.Type.Trim();
            directives = directives.Where(d => d.TypeCode == code);
        }

        if (!string.IsNullOrWhiteSpace(query.Issuer))
        {
            var issuer = query.Issuer.Trim();
            var code = DocumentIssuers.Canonicalize(issuer);
            directives = Guid.TryParse(issuer, out var issuerId)
                ? directives.Where(d => d.IssuerId == issuerId)
                : directives.Where(d => d.Issuer != null && d.Issuer.Code == code);
        }

        if (query.Year is { } year)
        {
            if (year is < 1945 or > 9999)
            {
                errors.Add("year", "'year' must be between 1945 and 9999.");
            }
            else
            {
                var first = new DateOnly(year, 1, 1);
                var last = new DateOnly(year, 12, 31);
                directives = directives.Where(d => d.IssuedOn >= first && d.IssuedOn <= last);
            }
        }

        if (query.Validity is not null)
        {
            if (!EnumNames.TryParse<Validity>(query.Validity, out var validity))
            {
                errors.Add("validity", "'validity' must be one of inForce, notYetInForce, expired, replaced.");
            }
            else
            {
                directives = directives.WithValidity(validity, today, replaced);
            }
        }

        terms.AddRange(SubstringSearch.Terms(query.Q, errors));
        if (SubstringSearch.Phrase(query.Field, errors, "field") is { } field)
        {
            // The folded lĩnh vực is part of the search text, so its trigram index narrows the rows (when the phrase is
            // long enough to have trigrams) before the exact test on the field's own folded column.
            if (SubstringSearch.IsIndexable(field))
            {
                terms.Add(field);
            }

            var pattern = SubstringSearch.LikePattern(field);
            directives = directives.Where(d => d.FieldSearch != null && EF.Functions.Like(d.FieldSearch, pattern, Like.EscapeCharacter));
        }

        return directives.Containing(db, terms.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The validity rule as a query, so lists can filter by it; <see cref="ValidityOf"/> is the same rule in memory.</summary>
    private static IQueryable<Directive> WithValidity(this IQueryable<Directive> directives, Validity validity, DateOnly today, IQueryable<Guid> replaced) =>
        validity switch
        {
            Validity.Replaced => directives.Where(d => replaced.Contains(d.Id)),
            Validity.Expired => directives.Where(d => !replaced.Contains(d.Id) && d.ExpiresOn != null && d.ExpiresOn <= today),
            Validity.NotYetInForce => directives.Where(d => !replaced.Contains(d.Id) && (d.ExpiresOn == null || d.ExpiresOn > today) && (d.EffectiveOn ?? d.IssuedOn) > today),
            _ => directives.Where(d => !replaced.Contains(d.Id) && (d.ExpiresOn == null || d.ExpiresOn > today) && (d.EffectiveOn ?? d.IssuedOn) <= today),
        };

    /// <summary>
    /// Hiệu lực at <paramref name="today"/> (a Vietnamese calendar date): replaced when another document replaces it,
    /// expired from its expiry date, not yet in force before its effective date (the issue date where none is given).
    /// </summary>
    public static Validity ValidityOf(DateOnly issuedOn, DateOnly? effectiveOn, DateOnly? expiresOn, bool isReplaced, DateOnly today) =>
        isReplaced ? Validity.Replaced
        : expiresOn is { } e && e <= today ? Validity.Expired
        : (effectiveOn ?? issuedOn) > today ? Validity.NotYetInForce
        : Validity.InForce;
}
