using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Directives;

/// <summary>The editable fields of an issuing body (cơ quan ban hành) for create (POST) and full update (PUT).</summary>
/// <param name="Name">Full name, e.g. "Ban Thường vụ Huyện ủy Vĩnh Cửu", 1-300 characters.</param>
/// <param name="Code">Code as used in numbers, e.g. "HU", "UBND", "TW", 1-40 characters.</param>
/// <param name="Level">central, province, district or commune.</param>
/// <param name="ValidFrom">First day the body existed, if known.</param>
/// <param name="ValidTo">Last day the body existed (e.g. 2025-06-30 for districts), not before <paramref name="ValidFrom"/>.</param>
/// <param name="SuccessorId">The body that took over its duties, e.g. a province after a district ended.</param>
public sealed record IssuingBodyCommand(
    string? Name,
    string? Code,
    string? Level,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    Guid? SuccessorId) : INormalizable<IssuingBodyCommand>
{
    /// <inheritdoc />
    public IssuingBodyCommand Normalized() => this with
    {
        Name = Rules.Clean(Name),
        Code = Rules.Clean(Code),
        Level = Rules.Clean(Level),
    };
}

/// <summary>Rules for <see cref="IssuingBodyCommand"/>; whether the successor exists is checked on save.</summary>
public sealed class IssuingBodyCommandValidator : PortalValidator<IssuingBodyCommand>
{
    public IssuingBodyCommandValidator()
    {
        RuleFor(x => x.Name).RequiredLine(300);
        RuleFor(x => x.Code).RequiredLine(40)
            .Matches(@"^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$").WithMessage("'{PropertyName}' may hold only letters, digits and single hyphens, e.g. HU or UBND.");
        RuleFor(x => x.Level).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("'{PropertyName}' is required.")
            .Must(l => IssuingBodyLevels.All.Contains(l, StringComparer.Ordinal))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", IssuingBodyLevels.All)}.");
        RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom)
            .When(x => x.ValidTo is not null && x.ValidFrom is not null)
            .WithMessage("'{PropertyName}' must not be before the first day of validity.");
        RuleFor(x => x.SuccessorId).NotEqual(Guid.Empty).WithMessage("'{PropertyName}' must be an issuing body's id.");
    }
}
