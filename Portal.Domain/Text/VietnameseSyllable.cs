using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Domain.Text;

/// <summary>
/// Whether a word is one Vietnamese syllable as its orthography allows: an optional initial consonant (ngh, ng, gh, gi,
/// kh, nh, ph, qu, th, tr, ch or one letter), a vowel nucleus with its glides, an optional final (c, ch, m, n, ng, nh,
/// p, t), and at most one tone mark. Used to tell legacy-font mojibake (which decodes to syllables) from words of other
/// Latin-script languages (which do not), so "Müller" or "Tromsø" are never refused as TCVN3.
/// </summary>
internal static partial class VietnameseSyllable
{
    private const string Tones = "\u0300\u0301\u0303\u0309\u0323";

    /// <summary>The lower-case letters of Vietnamese with a mark, in TCVN3 table order.</summary>
    internal const string MarkedLetters = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ";

    // Latin letters Vietnamese writes without a mark (no f, j, w, z).
    private const string PlainLetters = "abcdeghiklmnopqrstuvxy";

    public static bool IsSyllable(string word)
    {
        if (word.Length is 0 or > 8)
        {
            return false;
        }

        if (word.Skip(1).Any(char.IsUpper) && word.Any(char.IsLower))
        {
            // Written words are lower case, capitalised or all capitals: "kÕt" is TCVN3's "kết", not "kõt".
            return false;
        }

        var lower = word.ToLowerInvariant().Normalize(NormalizationForm.FormC);
        if (!lower.All(c => PlainLetters.Contains(c, StringComparison.Ordinal) || MarkedLetters.Contains(c, StringComparison.Ordinal)))
        {
            // ñ, ü, ø, å... are no Vietnamese letters, even where they decompose to one and a mark Vietnamese uses.
            return false;
        }

        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var toneless = new StringBuilder(decomposed.Length);
        var tones = 0;
        foreach (var c in decomposed)
        {
            if (Tones.Contains(c, StringComparison.Ordinal))
            {
                tones++;
            }
            else
            {
                toneless.Append(c);
            }
        }

        return tones <= 1 && Shape().IsMatch(toneless.ToString().Normalize(NormalizationForm.FormC));
    }

    // Nuclei with their glides, longest first; a syllable ending in a glide (ai, ao, êu, uôi...) takes no final consonant.
    [GeneratedRegex(
        "^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
        + "(?:(?:uyê|uya|uyu|uôi|ươi|ươu|oai|oay|oao|oeo|uây|iêu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|uy|ưa|ưi|ưu|oe|uê|uơ|i|y|e|ê|a|ă|â|o|ô|ơ|u|ư)"
        + "|(?:uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uơ|oo|uy|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)(?:ch|nh|ng|c|m|n|p|t))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
