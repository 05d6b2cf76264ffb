using System.Text;

namespace Portal.Tests.Domain.Text;

/// <summary>
/// Produces the mojibake a reader sees when Vietnamese typed in a legacy font is read as Windows-1252,
/// so detection is tested on real sentences rather than on hand-picked characters.
/// </summary>
internal static class LegacyFontEncoder
{
    // TCVN3 (ABC): one byte per lower-case letter; capitals with tone marks have no code of their own
    // (all-caps fonts reuse the lower-case codes), so they are encoded as their lower-case letter.
    private const string Vietnamese =
        "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ";

    private const string Tcvn3 =
        "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\u00ADõö÷øùúûüýþ¡¢£¤¥¦§";

    private const string Tones = "\u0301\u0300\u0309\u0303\u0323";

    public static string ToTcvn3(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var index = Vietnamese.IndexOf(c, StringComparison.Ordinal);
            if (index < 0 && char.IsUpper(c))
            {
                index = Vietnamese.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            }

            builder.Append(index >= 0 ? Tcvn3[index] : c);
        }

        return builder.ToString();
    }

    public static string ToVni(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            builder.Append(VniLetter(c));
        }

        return builder.ToString();
    }

    private static string VniLetter(char c)
    {
        if (c is 'đ' or 'Đ')
        {
            return c == 'đ' ? "ñ" : "Ñ";
        }

        var parts = c.ToString().Normalize(NormalizationForm.FormD);
        if (parts.Length == 1)
        {
            return parts;
        }

        var upper = char.IsUpper(parts[0]);
        var letter = char.ToLowerInvariant(parts[0]);
        var hat = parts.Contains('\u0302', StringComparison.Ordinal);
        var breve = parts.Contains('\u0306', StringComparison.Ordinal);
        var horn = parts.Contains('\u031B', StringComparison.Ordinal);
        // Tone order matches the mark tables below: sắc, huyền, hỏi, ngã, nặng.
        var tone = parts.Select(p => Tones.IndexOf(p, StringComparison.Ordinal)).FirstOrDefault(i => i >= 0, -1);

        string result;
        if (letter == 'i')
        {
            result = tone < 0 ? "i" : "íìæóò"[tone].ToString();
        }
        else if (letter == 'y' && tone == 4)
        {
            result = "î";
        }
        else if (hat)
        {
            result = letter + (tone < 0 ? "â" : "áàåãä"[tone].ToString());
        }
        else if (breve)
        {
            result = letter + (tone < 0 ? "ê" : "éèúüë"[tone].ToString());
        }
        else
        {
            var baseLetter = horn ? (letter == 'o' ? "ô" : "ö") : letter.ToString();
            result = baseLetter + (tone < 0 ? string.Empty : "ùøûõï"[tone].ToString());
        }

        return upper ? result.ToUpperInvariant() : result;
    }
}
