using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// Reads a word of mojibake back into the Vietnamese it was typed as, by the TCVN3 (TCVN 5712:1993 VN3) and VNI-Windows
/// byte tables seen through Windows-1252. Null when the word cannot be such text. Only used to decide detection.
/// </summary>
internal static class LegacyFontDecoder
{
    // TCVN3: one code per lower-case toned letter; the capitals Ă Â Ê Ô Ơ Ư Đ have codes of their own.
    private const string Tcvn3 =
        "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\u00ADõö÷øùúûüýþ¡¢£¤¥¦§";

    private const string Vietnamese = VietnameseSyllable.MarkedLetters + "ĂÂÊÔƠƯĐ";

    // VNI-Windows mark bytes (lower case; the upper-case fonts use the same letters in capitals).
    private const string VniTones = "ùøûõï";            // sắc, huyền, hỏi, ngã, nặng
    private const string VniCircumflexTones = "áàåãä"; // â/ê/ô with each tone
    private const string VniBreveTones = "éèúüë";      // ă with each tone
    private const string VniToneOnI = "íìæóò";         // í ì ỉ ĩ ị, one byte each
    private const string CombiningTones = "\u0301\u0300\u0309\u0303\u0323";

    public static string? FromTcvn3(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var index = Tcvn3.IndexOf(c, StringComparison.Ordinal);
            if (index >= 0)
            {
                builder.Append(Vietnamese[index]);
            }
            else if (char.IsAsciiLetter(c))
            {
                builder.Append(c);
            }
            else
            {
                return null;
            }
        }

        return builder.ToString();
    }

    public static string? FromVni(string word)
    {
        var lower = word.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length + 4);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            var mark = i + 1 < lower.Length ? lower[i + 1] : '\0';
            switch (c)
            {
                case 'ñ':
                    builder.Append('đ');
                    continue;
                case 'î':
                    builder.Append('ỵ');
                    continue;
                case var _ when VniToneOnI.Contains(c, StringComparison.Ordinal):
                    builder.Append('i').Append(CombiningTones[VniToneOnI.IndexOf(c, StringComparison.Ordinal)]);
                    continue;
                case var _ when !char.IsAsciiLetter(c) && c is not ('ô' or 'ö'):
                    return null;
            }

            var letter = c switch { 'ô' => "ơ", 'ö' => "ư", _ => c.ToString() };
            if (c is 'a' or 'e' or 'o' && (mark == 'â' || VniCircumflexTones.Contains(mark, StringComparison.Ordinal)))
            {
                builder.Append(c).Append('\u0302');
                if (mark != 'â')
                {
                    builder.Append(CombiningTones[VniCircumflexTones.IndexOf(mark, StringComparison.Ordinal)]);
                }

                i++;
            }
            else if (c == 'a' && (mark == 'ê' || VniBreveTones.Contains(mark, StringComparison.Ordinal)))
            {
                builder.Append('a').Append('\u0306');
                if (mark != 'ê')
                {
                    builder.Append(CombiningTones[VniBreveTones.IndexOf(mark, StringComparison.Ordinal)]);
                }

                i++;
            }
            else if ("aeouyôö".Contains(c, StringComparison.Ordinal) && VniTones.Contains(mark, StringComparison.Ordinal))
            {
                builder.Append(letter).Append(CombiningTones[VniTones.IndexOf(mark, StringComparison.Ordinal)]);
                i++;
            }
            else
            {
                builder.Append(letter);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
