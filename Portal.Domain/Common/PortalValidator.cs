using FluentValidation;

namespace Portal.Domain.Common;

/// <summary>
/// The base of every validator in Portal: each rule stops at its first failure (<see cref="CascadeMode.Stop"/>), so a
/// rule that reads a value (<c>e!.Count</c>, a parse) never runs after <c>NotEmpty</c>/<c>NotNull</c> found it missing.
/// FluentValidation's default runs every check of a rule, which turned a missing list into a
/// NullReferenceException (a 500) instead of the 400 naming the field. Rules on different members still all run, so a
/// body with several mistakes gets every field named at once.
/// </summary>
/// <typeparam name="T">The command type.</typeparam>
public abstract class PortalValidator<T> : AbstractValidator<T>
{
    protected PortalValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}
