namespace Portal.Domain.Text;

/// <summary>
/// Heuristic behind <see cref="VietnameseText.DetectLegacyEncoding"/>. Mojibake from legacy fonts
/// consists of Latin-1 characters that Vietnamese never uses, in places where a letter belongs.
/// Code points are those of the TCVN3 (TCVN 5712:1993 VN3) and VNI-Windows tables read as Windows-1252.
/// A word with such characters counts only when it is not a Vietnamese syllable as written and reads back, through the
/// table its characters point to, as Vietnamese syllables (<see cref="LegacyFontDecoder"/>, <see cref="VietnameseSyllable"/>):
/// names and places of other Latin-script languages (Müller, Tromsø, Ísafjörður, São Paulo, Raúl) use the same
/// Latin-1 letters but never decode to Vietnamese, so they are not refused.
/// </summary>
internal static class LegacyEncodingDetector
{
    // TCVN3 symbols standing for letters (¨ ă, ª ê, « ô, ¸ á, µ à, § Đ, ...). © (â) and ® (đ)
    // also mark copyright and trademarks, so they count only when a letter follows them;
    // the soft hyphen (ư) is left out because real HTML uses it inside words.
    private const string TcvnSymbols = "¡¢£¤¥¦§¨ª«¬µ¶·¸¹»¼½¾";
    private const string TcvnSymbolsBeforeLetter = "©®";

    // Latin-1 letters that Vietnamese never uses but TCVN3 maps to toned lower-case letters.
    private const string TcvnLetters = "ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ";

    // Upper-case Latin-1 letters that are valid Vietnamese capitals but that TCVN3 uses for
    // lower-case letters (Ê ấ, Õ ế, Ò ề, ...); only suspicious right after a lower-case letter.
    private const string TcvnCapitalsInLowerCaseWords = "ÈÉÊÌÒÓÔÕÝ";

    // VNI writes a toned vowel as base + mark byte. These base/mark pairs never occur in
    // Vietnamese NFC text (which writes "oà", "uâ", "quá" — so those pairs are excluded).
    private static readonly Dictionary<char, string> VniMarksAfter = new()
    {
        ['a'] = "âáàåãäêéèúüëùøûõï",
        ['e'] = "âáàåãäùøûõï",
        ['o'] = "âåäùøûõï",
        ['u'] = "ùøûõï",
        ['y'] = "ùøûõ",
        ['ô'] = "ùøûõï",
        ['ö'] = "ùøûõïô",
        ['A'] = "ÂÁÀÅÃÄÊÉÈÚÜËÙØÛÕÏ",
        ['E'] = "ÂÁÀÅÃÄÙØÛÕÏ",
        ['O'] = "ÂÅÄÙØÛÕÏ",
        ['U'] = "ÙØÛÕÏ",
        ['Y'] = "ÙØÛÕ",
        ['Ô'] = "ÙØÛÕÏ",
        ['Ö'] = "ÙØÛÕÏÔ",
    };

    // Letters that can follow đ in a syllable, as VNI writes them. Not y: TCVN3 "ñy" is "ủy".
    private const string VniAfterD = "aeiouôöAEIOUÔÖ";

    public static LegacyEncoding Detect(string s)
    {
        int words = 0, suspiciousWords = 0, tcvn = 0, vni = 0;
        foreach (var word in s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Any(char.IsLetter))
            {
                continue;
            }

            words++;
            var (wordTcvn, wordVni) = Score(word);
            var asVni = wordVni > 0 && Decodes(word, LegacyFontDecoder.FromVni);
            var asTcvn = wordTcvn > 0 && Decodes(word, LegacyFontDecoder.FromTcvn3);
            if (asVni || asTcvn)
            {
                suspiciousWords++;
                tcvn += asTcvn ? wordTcvn : 0;
                vni += asVni ? wordVni : 0;
            }
        }

        // A fifth of the words garbled is far beyond a stray foreign name ("Müller") or a ® sign;
        // a lone suspicious word only counts in a one- or two-word string such as "Vieät Nam".
        var flagged = suspiciousWords > 0
            && suspiciousWords * 5 >= words
            && (suspiciousWords >= 2 || words <= 2);
        if (!flagged)
        {
            return LegacyEncoding.None;
        }

        return vni > tcvn ? LegacyEncoding.Vni : LegacyEncoding.Tcvn3;
    }

    // A word counts as legacy text when each of its parts (split at '-', '/', apostrophes) is a Vietnamese syllable
    // as written or decodes to one, and at least one part had to be decoded.
    private static bool Decodes(string word, Func<string, string?> decode)
    {
        var decoded = false;
        foreach (var part in word.Trim(Punctuation).Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.All(char.IsAsciiDigit) || VietnameseSyllable.IsSyllable(part))
            {
                continue;
            }

            if (decode(part) is not { } vietnamese || !VietnameseSyllable.IsSyllable(vietnamese))
            {
                return false;
            }

            decoded = true;
        }

        return decoded;
    }

    // Punctuation around a word; TCVN3's symbols (« » · ...) are letters there, so they are kept.
    private static readonly char[] Punctuation = ".,;:!?\"'()[]{}“”‘’„…–—*".ToCharArray();

    private static readonly char[] PartSeparators = ['-', '/', '\'', '’'];

    private static (int Tcvn, int Vni) Score(string word)
    {
        int tcvn = 0, vni = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var previous = i > 0 ? word[i - 1] : '\0';
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            if (IsVniEvidence(c, previous, next))
            {
                vni++;
            }
            else if (IsTcvnEvidence(c, previous, next))
            {
                tcvn++;
            }
        }

        return (tcvn, vni);
    }

    private static bool IsVniEvidence(char c, char previous, char next)
    {
        if (VniMarksAfter.TryGetValue(previous, out var marks) && marks.Contains(c, StringComparison.Ordinal))
        {
            // TCVN3 writes "uỷ" as "uû" at the end of a syllable; VNI's "uû" (ủ) is usually followed by a vowel.
            return !(previous == 'u' && c == 'û' && !char.IsLetter(next));
        }

        // VNI đ is ñ, always starting a syllable.
        return c is 'ñ' or 'Ñ' && !char.IsLetter(previous) && VniAfterD.Contains(next, StringComparison.Ordinal);
    }

    private static bool IsTcvnEvidence(char c, char previous, char next)
    {
        var letterBefore = char.IsLetter(previous);
        var letterAfter = char.IsLetter(next);
        if (TcvnSymbols.Contains(c, StringComparison.Ordinal) || TcvnLetters.Contains(c, StringComparison.Ordinal))
        {
            return letterBefore || letterAfter;
        }

        if (TcvnSymbolsBeforeLetter.Contains(c, StringComparison.Ordinal))
        {
            return letterAfter;
        }

        return TcvnCapitalsInLowerCaseWords.Contains(c, StringComparison.Ordinal) && char.IsLower(previous);
    }
}
