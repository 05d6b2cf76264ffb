namespace Portal.Domain.Articles;

/// <summary>
/// A link from an article to a directive: chosen by the editor (<see cref="IsRelated"/>) and/or found in the
/// article's text (<see cref="IsMentioned"/>, e.g. "Chỉ thị số 28-CT/TW"). A mention of a document Portal does not
/// hold yet keeps <see cref="DirectiveId"/> null and links by <see cref="NumberKey"/> once the directive is added.
/// </summary>
public sealed class ArticleDirectiveLink
{
    public Guid ArticleId { get; set; }

    /// <summary>The document number's folded search key, e.g. "211khhu".</summary>
    public string NumberKey { get; set; } = "";

    /// <summary>The reference as written, e.g. "kế hoạch số 211/KH-HU".</summary>
    public string Text { get; set; } = "";

    public Guid? DirectiveId { get; set; }

    public bool IsRelated { get; set; }

    public bool IsMentioned { get; set; }
}
