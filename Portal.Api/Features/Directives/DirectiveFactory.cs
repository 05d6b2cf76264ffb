using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Common;
using Portal.Domain.Directives;
using Portal.Domain.Text;

namespace Portal.Api.Features.Directives;

/// <summary>Builds directive entities with the number's parsed parts filled in from the document-number parser.</summary>
internal static class DirectiveFactory
{
    public static Directive Create(string number, string typeCode, IssuingBody issuer, DateOnly issuedOn, string @abstract, string? contentHtml, DateTime publishedAtUtc, DateTime nowUtc)
    {
        var directive = new Directive
        {
            Id = Guid.CreateVersion7(),
            IssuerId = issuer.Id,
            IssuerName = issuer.Name,
            IssuedOn = issuedOn,
            Abstract = @abstract,
            ContentHtml = contentHtml,
            Status = ContentStatus.Published,
            PublishedAt = publishedAtUtc,
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
        };
        ApplyNumber(directive, DocumentNumber.Parse(number).Number!, typeCode);
        return directive;
    }

    /// <summary>
    /// Copies the parsed number and the type's catalogue name onto the directive and refreshes its search text and
    /// uniqueness key; set the issuer and issue date first.
    /// </summary>
    public static void ApplyNumber(Directive directive, DocumentNumber number, string typeCode)
    {
        // A code can name two types (TT: Thông tư in State numbers, Thông tri in Party ones): the number's scheme decides.
        var type = DocumentTypes.For(typeCode, number.System);
        directive.Number = number.Raw;
        directive.NumberCanonical = number.Canonical;
        directive.NumberKey = number.SearchKey;
        directive.NumberSystem = number.System.ToWireName();
        directive.TypeCode = type?.Code ?? typeCode;
        directive.TypeName = type?.Name ?? typeCode;
        directive.SearchText = SearchText(directive);
        directive.FieldSearch = FieldSearch(directive.Field);
        directive.UniquenessKey = DirectiveUniqueness.KeyOf(number, directive.IssuerId, directive.IssuerName, directive.IssuedOn);
    }

    /// <summary>
    /// Fills <see cref="Directive.FieldSearch"/> for directives written before the column existed (migration
    /// <c>DirectiveFieldSearch</c>): the fold is .NET code no SQL engine has, so it runs at start-up, after the
    /// migrations. Idempotent: once every lĩnh vực has its fold, it costs one query that finds nothing.
    /// Direct UPDATEs: no change is logged for sync or webhooks, since nothing a reader sees changes.
    /// </summary>
    public static async Task<int> BackfillFieldSearchAsync(PortalDbContext db, CancellationToken ct)
    {
        var pending = await db.Directives.AsNoTracking()
            .Where(d => d.Field != null && d.FieldSearch == null)
            .Select(d => new { d.Id, d.Field })
            .ToListAsync(ct);
        foreach (var row in pending)
        {
            var folded = FieldSearch(row.Field);
            await db.Directives.Where(d => d.Id == row.Id && d.FieldSearch == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.FieldSearch, folded), ct);
        }

        return pending.Count;
    }

    /// <summary>The folded lĩnh vực the <c>field</c> filter matches; null when the directive has none.</summary>
    public static string? FieldSearch(string? field) => string.IsNullOrEmpty(field) ? null : VietnameseText.Fold(field);

    /// <summary>
    /// The folded text <c>q</c> matches. It holds <see cref="FieldSearch"/> too, so the trigram index over it can narrow
    /// a <c>field</c> search before the exact match on the field's own column.
    /// </summary>
    public static string SearchText(Directive d) =>
        VietnameseText.Fold(string.Join(' ', d.Number, d.NumberCanonical, d.TypeName, d.IssuerName, d.Abstract, d.Field ?? "", Infrastructure.HtmlContent.ToPlainText(d.ContentHtml)));
}
