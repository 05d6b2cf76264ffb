using System.Net;
using System.Text.RegularExpressions;
using Portal.Domain.Text;

namespace Portal.Domain.Directives;

/// <summary>
/// Finds the documents an article mentions ("kế hoạch số 211/KH-HU", "Chỉ thị số 28-CT/TW",
/// "Nghị định 30/2020/NĐ-CP") so they can be linked to directives. A number counts only when it
/// parses into a known scheme, so dates (25/12/2023), ratios and phone numbers never do; công văn and
/// legacy numbers, which look like many other things, count only after a type name or "số".
/// </summary>
public static partial class DocumentReferenceFinder
{
    // Names of document types as they precede a number in running text, longest first so that
    // "Thông tư liên tịch" wins over "Thông tư". "Qui" is the older spelling of "Quy".
    private static readonly string[] TypeNames =
    [
        "Thông tư liên tịch", "Nghị quyết liên tịch", "Văn bản hợp nhất", "Chương trình", "Quyết định",
        "Nghị quyết", "Nghị định", "Hướng dẫn", "Phương án", "Thông báo", "Thông cáo", "Thông tri",
        "Thông tư", "Kế hoạch", "Kết luận", "Quy định", "Qui định", "Công văn", "Công điện", "Pháp lệnh",
        "Biên bản", "Báo cáo", "Tờ trình", "Quy chế", "Qui chế", "Văn bản", "Chỉ thị", "Đề án", "Luật",
    ];

    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "em", "font", "i", "mark", "small", "span", "strong", "sub", "sup", "u",
    };

    /// <summary>
    /// Each distinct document (by <see cref="DocumentNumber.SearchKey"/>) mentioned in
    /// <paramref name="text"/>, in order of first mention. HTML is reduced to plain text first.
    /// </summary>
    public static IReadOnlyList<DocumentReference> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var references = new List<DocumentReference>();
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match match in Reference.Matches(ToPlainText(text)))
        {
            var parse = DocumentNumber.Parse(match.Groups["number"].Value);
            var typeName = match.Groups["type"].Success ? CanonicalTypeName(match.Groups["type"].Value) : null;
            var hasContext = typeName is not null || match.Groups["so"].Success;
            if (!parse.Succeeded || !Counts(parse.Number.System, hasContext))
            {
                continue;
            }

            if (indexByKey.TryGetValue(parse.Number.SearchKey, out var index))
            {
                // Keep the first mention; a later one may be the one that names the type.
                if (references[index].TypeName is null && typeName is not null)
                {
                    references[index] = references[index] with { TypeName = typeName };
                }

                continue;
            }

            indexByKey.Add(parse.Number.SearchKey, references.Count);
            references.Add(new DocumentReference(match.Value, parse.Number, typeName));
        }

        return references;
    }

    private static bool Counts(DocumentNumberSystem system, bool hasContext) => system switch
    {
        DocumentNumberSystem.State or DocumentNumberSystem.StateLegal
            or DocumentNumberSystem.Party or DocumentNumberSystem.NationalAssembly => true,
        DocumentNumberSystem.StateLetter or DocumentNumberSystem.Legacy => hasContext,
        _ => false,
    };

    private static string NamePattern(string name) => string.Join(@"\s+", name.Split(' ').Select(Regex.Escape));

    private static string CanonicalTypeName(string matched)
    {
        var words = string.Join(' ', matched.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var name = TypeNames.First(n => string.Equals(n, words, StringComparison.OrdinalIgnoreCase));
        return name.StartsWith("Qui ", StringComparison.Ordinal) ? string.Concat("Quy ", name.AsSpan(4)) : name;
    }

    private static string ToPlainText(string text)
    {
        var plain = VietnameseText.Nfc(text);
        if (plain.Contains('<', StringComparison.Ordinal))
        {
            plain = HiddenElement().Replace(plain, " ");
            plain = Tag().Replace(plain, m => InlineTags.Contains(m.Groups["name"].Value) ? string.Empty : " ");
        }

        if (plain.Contains('&', StringComparison.Ordinal))
        {
            plain = VietnameseText.Nfc(WebUtility.HtmlDecode(plain));
        }

        return plain.Replace('\u00A0', ' ');
    }

    private const string Separator = @"(?:\s?[/\\\uFF0F\u2044\u2215]\s?|[-_\u2010-\u2015\u2212\uFE58\uFE63\uFF0D])";

    // Optional type name and/or "số", then digits and at least one separator-joined segment.
    // The look-behinds keep a match from starting inside a word or inside another number.
    private static readonly Regex Reference = new(
        @"(?<![\p{L}\p{Nd}])(?:(?<type>" + string.Join('|', TypeNames.Select(NamePattern))
        + @")\s+(?:(?:số|so)\s*:?\s*)?|(?<so>số|so)\s*:?\s*)?"
        + @"(?<![\p{L}\p{Nd}/\\\-.,])(?<number>[0-9]{1,9}(?:" + Separator + @"[\p{L}\p{Nd}]+(?:&[\p{L}\p{Nd}]+)*)+)(?![\p{L}\p{Nd}&])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenElement();

    [GeneratedRegex(@"</?(?<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
