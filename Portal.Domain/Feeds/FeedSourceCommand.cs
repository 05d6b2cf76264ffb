using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Feeds;

/// <summary>Create or replace a feed source (admin).</summary>
/// <param name="Name">Source name, 1-200 characters; imported articles carry it as their source.</param>
/// <param name="Url">Absolute http or https URL of an RSS 2.0 or Atom 1.0 feed, at most 2,000 characters.</param>
/// <param name="CategoryId">An existing category for imported articles, or null.</param>
/// <param name="PollIntervalMinutes">Minutes between scheduled imports, 5-1440; default 60.</param>
/// <param name="PublishOnImport">Publish imported articles at once (true) or keep them as drafts (false, the default).</param>
/// <param name="Enabled">Poll on schedule (default true).</param>
public sealed record FeedSourceCommand(string? Name, string? Url, Guid? CategoryId, int? PollIntervalMinutes, bool? PublishOnImport, bool? Enabled)
    : INormalizable<FeedSourceCommand>
{
    /// <inheritdoc />
    public FeedSourceCommand Normalized() => this with { Name = Rules.Clean(Name), Url = Url?.Trim() };
}

/// <summary>Rules for <see cref="FeedSourceCommand"/>.</summary>
public sealed class FeedSourceCommandValidator : PortalValidator<FeedSourceCommand>
{
    /// <summary>Shortest poll interval: more often would burden small provincial servers.</summary>
    public const int MinIntervalMinutes = 5;

    /// <summary>Longest poll interval: one day.</summary>
    public const int MaxIntervalMinutes = 1440;

    public const int DefaultIntervalMinutes = 60;

    public const int UrlMax = 2000;

    public FeedSourceCommandValidator()
    {
        RuleFor(x => x.Name).RequiredLine(200);
        RuleFor(x => x.Url).NotEmpty().WithMessage("'{PropertyName}' is required.")
            .MaximumLength(UrlMax)
            .HttpUrl();
        RuleFor(x => x.PollIntervalMinutes).InclusiveBetween(MinIntervalMinutes, MaxIntervalMinutes);
    }
}
