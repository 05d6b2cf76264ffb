namespace Portal.Domain.Articles;

/// <summary>A slug an article used to have; requests for it answer 301 to the current slug.</summary>
public sealed class SlugRedirect
{
    public string OldSlug { get; set; } = "";

    public Guid ArticleId { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A slug a category used to have. Frontends put category slugs in their URLs (<c>/chuyen-muc/tin-tuc</c>), so a
/// renamed slug keeps answering: <c>GET /categories/{old}</c> is a 301 to the current slug, and the article list's and
/// the feeds' category filters accept it. No other category may take a slug while it is held here.
/// </summary>
public sealed class CategorySlugRedirect
{
    public string OldSlug { get; set; } = "";

    public Guid CategoryId { get; set; }

    public DateTime CreatedAt { get; set; }
}
