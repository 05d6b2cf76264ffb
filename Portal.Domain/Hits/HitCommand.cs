using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Hits;

/// <summary>One page view reported by a frontend.</summary>
/// <param name="Path">The page path, e.g. "/tin-tuc/tang-cuong-cong-tac"; at most 2,000 characters, starting with '/'.</param>
/// <param name="ArticleId">The article shown, if any: its view count goes up.</param>
/// <param name="DirectiveId">The directive shown, if any.</param>
public sealed record HitCommand(string? Path, Guid? ArticleId, Guid? DirectiveId);

/// <summary>Rules for <see cref="HitCommand"/>.</summary>
public sealed class HitCommandValidator : PortalValidator<HitCommand>
{
    public HitCommandValidator()
    {
        RuleFor(x => x.Path).NotEmpty().MaximumLength(2000)
            .Must(p => p is null || (p.StartsWith('/') && !p.Any(char.IsControl)))
            .WithMessage("'{PropertyName}' must be a path starting with '/'.");
        RuleFor(x => x).Must(x => x.ArticleId is null || x.DirectiveId is null)
            .WithName("articleId").WithMessage("A page shows an article or a directive, not both.");
    }
}
