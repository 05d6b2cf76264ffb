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
        directive.UniquenessKey = DirectiveUniqueness.KeyOf(number, directive.IssuerId, directive.IssuerName, directive.IssuedOn);
    }

    public static string SearchText(Directive d) =>
        VietnameseText.Fold(string.Join(' ', d.Number, d.NumberCanonical, d.TypeName, d.IssuerName, d.Abstract, d.Field ?? "", Infrastructure.HtmlContent.ToPlainText(d.ContentHtml)));
}
