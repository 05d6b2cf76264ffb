using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Directives;

/// <summary>The editable fields of a directive for create (POST) and full update (PUT).</summary>
/// <param name="Number">Số ký hiệu as printed, e.g. "211/KH-HU" (Decree 30/2020/NĐ-CP; Guidance 36-HD/VPTW).</param>
/// <param name="TypeCode">Loại văn bản code from the catalogue, e.g. "KH" (Kế hoạch), "CT" (Chỉ thị).</param>
/// <param name="IssuerId">Catalogue id of the cơ quan ban hành, or null with <paramref name="IssuerName"/>.</param>
/// <param name="IssuerName">Issuing body's name as printed on the document, the issuer its number is unique for; defaults to the catalogue name of <paramref name="IssuerId"/>.</param>
/// <param name="IssuedOn">Ngày ban hành (calendar date in Vietnam).</param>
/// <param name="EffectiveOn">Ngày hiệu lực; not before the issue date.</param>
/// <param name="ExpiresOn">Expiry date; after the effective date.</param>
/// <param name="Abstract">Trích yếu, 1-1,000 characters.</param>
/// <param name="ContentHtml">Optional HTML content, sanitised on save.</param>
/// <param name="Signer">Người ký.</param>
/// <param name="Field">Lĩnh vực.</param>
public sealed record DirectiveCommand(
    string? Number,
    string? TypeCode,
    Guid? IssuerId,
    string? IssuerName,
    DateOnly? IssuedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    string? Abstract,
    string? ContentHtml,
    string? Signer,
    string? Field) : INormalizable<DirectiveCommand>
{
    /// <inheritdoc />
    public DirectiveCommand Normalized() => this with
    {
        Number = Number is null ? null : Text.VietnameseText.Nfc(Number),
        TypeCode = Rules.Clean(TypeCode),
        IssuerName = Rules.Clean(IssuerName),
        Abstract = Rules.Clean(Abstract),
        ContentHtml = ContentHtml is null ? null : Text.VietnameseText.Nfc(ContentHtml),
        Signer = Rules.Clean(Signer),
        Field = Rules.Clean(Field),
    };
}

/// <summary>
/// Rules for <see cref="DirectiveCommand"/>. The number must be one the document-number parser accepts (it
/// rejects only text no number can hold) and the type code must be in the catalogue; whether the two agree
/// is a state rule checked on save (422).
/// </summary>
public sealed class DirectiveCommandValidator : PortalValidator<DirectiveCommand>
{
    public DirectiveCommandValidator()
    {
        RuleFor(x => x.Number).Cascade(CascadeMode.Stop).RequiredLine(100)
            .Must(n => DocumentNumber.Parse(n).Succeeded)
            .WithMessage((_, n) => $"'{{PropertyName}}' is not a document number: it {DocumentNumber.Parse(n).Error}.");
        RuleFor(x => x.TypeCode).Cascade(CascadeMode.Stop).RequiredLine(10)
            .Must(c => DocumentTypes.Find(c!).Count > 0)
            .WithMessage("'{PropertyName}' '{PropertyValue}' is not a document type code; GET /api/v1/document-types lists them.");
        RuleFor(x => x.IssuerName).RequiredLine(300).When(x => x.IssuerId is null);
        RuleFor(x => x.IssuerName).OptionalLine(300);
        RuleFor(x => x.IssuedOn).NotNull().WithMessage("'{PropertyName}' is required (YYYY-MM-DD).")
            .Must(d => d is null || d.Value.Year >= 1945).WithMessage("'{PropertyName}' must not be before 1945.");
        RuleFor(x => x.EffectiveOn).GreaterThanOrEqualTo(x => x.IssuedOn)
            .When(x => x.EffectiveOn is not null && x.IssuedOn is not null)
            .WithMessage("'{PropertyName}' must not be before the issue date.");
        RuleFor(x => x.ExpiresOn).GreaterThan(x => x.EffectiveOn ?? x.IssuedOn)
            .When(x => x.ExpiresOn is not null && (x.EffectiveOn ?? x.IssuedOn) is not null)
            .WithMessage("'{PropertyName}' must be after the effective date.");
        RuleFor(x => x.Abstract).RequiredLine(1000);
        RuleFor(x => x.ContentHtml).LongText(200_000);
        RuleFor(x => x.Signer).OptionalLine(200);
        RuleFor(x => x.Field).OptionalLine(200);
    }
}

/// <summary>A link from this directive to another: "this implements / amends / replaces / guides that".</summary>
/// <param name="Kind">implements, amends, replaces or guides.</param>
/// <param name="TargetId">The other directive's id.</param>
public sealed record RelationCommand(RelationKind? Kind, Guid? TargetId);

/// <summary>Rules for <see cref="RelationCommand"/>; self-links and circles of links are state rules checked on save.</summary>
public sealed class RelationCommandValidator : PortalValidator<RelationCommand>
{
    public RelationCommandValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithMessage("'{PropertyName}' is required: implements, amends, replaces or guides.").IsInEnum();
        RuleFor(x => x.TargetId).NotNull().WithMessage("'{PropertyName}' is required.")
            .NotEqual(Guid.Empty).WithMessage("'{PropertyName}' must be a directive's id.");
    }
}
