using Portal.Api.Infrastructure;
using Portal.Domain.Text;

namespace Portal.Api.Features.Articles;

/// <summary>Derived text of an article.</summary>
internal static class ArticleText
{
    /// <summary>The folded search text: title, summary and body text, lower case, tone marks and đ removed.</summary>
    public static string SearchText(string title, string? summary, string bodyHtml) =>
        VietnameseText.Fold(string.Join(' ', title, summary ?? "", HtmlContent.ToPlainText(bodyHtml)));
}
