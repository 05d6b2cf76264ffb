using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Articles;

/// <summary>
/// The editable fields of an article, used by create (POST) and full update (PUT). Server-owned fields
/// (id, viewCount, createdAt, updatedAt, status, slug history) are not part of the command: a body that
/// sends them, or any other member not listed here, is refused (400). Publishing, scheduling and archiving are separate actions.
/// </summary>
/// <param name="Title">Headline, 1-300 characters.</param>
/// <param name="Slug">Optional URL name; generated from the title when omitted.</param>
/// <param name="Summary">Lead paragraph, plain text, at most 1,000 characters.</param>
/// <param name="BodyHtml">HTML body, sanitised on save; at most 200,000 characters.</param>
/// <param name="Author">By-line, at most 100 characters.</param>
/// <param name="CategoryId">An existing category's id, or null.</param>
/// <param name="Tags">Free-form tags, at most 20 of at most 50 characters.</param>
/// <param name="CoverImage">Cover image reference with caption and alt text.</param>
/// <param name="DirectiveIds">Related directives by id, at most 50.</param>
public sealed record ArticleCommand(
    string? Title,
    string? Slug,
    string? Summary,
    string? BodyHtml,
    string? Author,
    Guid? CategoryId,
    [property: MaxLength(ArticleCommandValidator.MaxTags)] IReadOnlyList<string>? Tags,
    ImageCommand? CoverImage,
    [property: MaxLength(ArticleCommandValidator.MaxDirectiveIds)] IReadOnlyList<Guid>? DirectiveIds) : INormalizable<ArticleCommand>
{
    /// <inheritdoc />
    public ArticleCommand Normalized() => this with
    {
        Title = Rules.Clean(Title),
        Slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug.Trim(),
        Summary = Rules.Clean(Summary),
        BodyHtml = BodyHtml is null ? null : Text.VietnameseText.Nfc(BodyHtml),
        Author = Rules.Clean(Author),
        Tags = Tags?.Select(t => Rules.Clean(t) ?? "").ToList(),
        CoverImage = CoverImage?.Normalized(),
    };
}

/// <summary>An image reference: a stored media id, or a bare file name for migrated content.</summary>
public sealed record ImageCommand(Guid? MediaId, string? FileName, string? Caption, string? AltText) : INormalizable<ImageCommand>
{
    /// <inheritdoc />
    public ImageCommand Normalized() => this with { FileName = Rules.Clean(FileName), Caption = Rules.Clean(Caption), AltText = Rules.Clean(AltText) };
}

/// <summary>Rules for <see cref="ArticleCommand"/>.</summary>
public sealed class ArticleCommandValidator : PortalValidator<ArticleCommand>
{
    public const int TitleMax = 300;
    public const int SummaryMax = 1000;
    public const int BodyMax = 200_000;

    /// <summary>Most tags an article may carry.</summary>
    public const int MaxTags = 20;

    /// <summary>Most directives an article may name as related.</summary>
    public const int MaxDirectiveIds = 50;

    public ArticleCommandValidator()
    {
        RuleFor(x => x.Title).RequiredLine(TitleMax);
        RuleFor(x => x.Slug).SlugFormat();
        RuleFor(x => x.Summary).MaximumLength(SummaryMax).Must(v => Rules.HasNoControlCharacters(v, allowLineBreaks: true))
            .WithMessage("'{PropertyName}' must not contain control characters.").NotLegacyEncoded();
        RuleFor(x => x.BodyHtml).LongText(BodyMax);
        RuleFor(x => x.Author).OptionalLine(100);
        RuleFor(x => x.Tags).Must(t => t is null || t.Count <= MaxTags).WithMessage($"At most {MaxTags} tags.");
        RuleForEach(x => x.Tags).RequiredLine(50);
        RuleFor(x => x.CoverImage!).SetValidator(new ImageCommandValidator()).When(x => x.CoverImage is not null);
        RuleFor(x => x.DirectiveIds).Must(d => d is null || d.Count <= MaxDirectiveIds).WithMessage($"At most {MaxDirectiveIds} related directives.");
    }
}

/// <summary>Rules for <see cref="ImageCommand"/>.</summary>
public sealed class ImageCommandValidator : PortalValidator<ImageCommand>
{
    public ImageCommandValidator()
    {
        RuleFor(x => x).Must(x => x.MediaId is not null || !string.IsNullOrWhiteSpace(x.FileName))
            .WithName("mediaId").WithMessage("An image needs a mediaId or a fileName.");
        RuleFor(x => x.FileName).FileName().NotLegacyEncoded();
        RuleFor(x => x.Caption).OptionalLine(500);
        RuleFor(x => x.AltText).OptionalLine(300);
    }
}
