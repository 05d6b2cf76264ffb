using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Articles;

/// <summary>Create or replace a category (chuyên mục).</summary>
/// <param name="Name">Display name, 1-200 characters, e.g. "Tin tức - Sự kiện".</param>
/// <param name="Slug">Optional URL name; generated from the name when omitted.</param>
/// <param name="Description">Optional description, at most 1,000 characters.</param>
public sealed record CategoryCommand(string? Name, string? Slug, string? Description) : INormalizable<CategoryCommand>
{
    /// <inheritdoc />
    public CategoryCommand Normalized() => this with
    {
        Name = Rules.Clean(Name),
        Slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug.Trim(),
        Description = Rules.Clean(Description),
    };
}

/// <summary>Rules for <see cref="CategoryCommand"/>.</summary>
public sealed class CategoryCommandValidator : PortalValidator<CategoryCommand>
{
    public CategoryCommandValidator()
    {
        RuleFor(x => x.Name).RequiredLine(200);
        RuleFor(x => x.Slug).SlugFormat();
        RuleFor(x => x.Description).LongText(1000);
    }
}
