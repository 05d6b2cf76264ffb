namespace Portal.Domain.Sync;

/// <summary>The names of content events, as delivered to webhooks: <c>{type}.{verb}</c>.</summary>
public static class ContentEvents
{
    public const string ArticleType = "article";
    public const string DirectiveType = "directive";
    public const string SettingsType = "settings";

    public const string Published = "published";
    public const string Updated = "updated";
    public const string Unpublished = "unpublished";
    public const string Deleted = "deleted";
    public const string Changed = "changed";

    /// <summary>Every event a webhook may subscribe to.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "article.published", "article.updated", "article.unpublished", "article.deleted",
        "directive.published", "directive.updated", "directive.unpublished", "directive.deleted",
        "settings.changed",
    ];

    /// <summary>
    /// The event of a transition between two public states, or null when the public view did not change
    /// (a draft edited, or a draft deleted that nobody saw). Archiving counts as unpublishing.
    /// </summary>
    public static string? Verb(bool wasVisible, bool isVisible, bool isDeleted) => (wasVisible, isVisible) switch
    {
        (false, true) => Published,
        (true, true) => Updated,
        (true, false) => isDeleted ? Deleted : Unpublished,
        _ => null,
    };
}
