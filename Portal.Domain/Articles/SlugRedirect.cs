namespace Portal.Domain.Articles;

/// <summary>A slug an article used to have; requests for it answer 301 to the current slug.</summary>
public sealed class SlugRedirect
{
    public string OldSlug { get; set; } = "";

    public Guid ArticleId { get; set; }

    public DateTime CreatedAt { get; set; }
}
