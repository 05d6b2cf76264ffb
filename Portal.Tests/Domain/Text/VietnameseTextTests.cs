using System.Text;
using Portal.Domain.Text;

namespace Portal.Tests.Domain.Text;

public sealed class VietnameseTextTests
{
    private const string Title = "Tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em";

    [Fact]
    public void Nfc_composes_combining_marks()
    {
        var decomposed = "Huyện ủy".Normalize(NormalizationForm.FormD);

        Assert.NotEqual("Huyện ủy", decomposed);
        Assert.Equal("Huyện ủy", VietnameseText.Nfc(decomposed));
    }

    [Fact]
    public void NfcOrNull_keeps_null()
    {
        Assert.Null(VietnameseText.NfcOrNull(null));
        Assert.Equal("hoà", VietnameseText.NfcOrNull("hoa\u0300"));
    }

    [Theory]
    [InlineData("Đồng Nai", "dong nai")]
    [InlineData("HUYỆN ỦY", "huyen uy")]
    [InlineData("hoà", "hoa")]
    [InlineData("hòa", "hoa")]
    [InlineData("uỷ", "uy")]
    [InlineData("ủy", "uy")]
    [InlineData("  trẻ \t em\n ", "tre em")]
    [InlineData("đường ĐIỆN", "duong dien")]
    [InlineData("", "")]
    public void Fold_removes_case_tone_marks_and_the_stroke_of_d(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Fact]
    public void Fold_gives_the_same_result_for_nfc_and_nfd_input()
    {
        var nfd = "Ủy ban nhân dân huyện Vĩnh Cửu".Normalize(NormalizationForm.FormD);

        Assert.Equal("uy ban nhan dan huyen vinh cuu", VietnameseText.Fold(nfd));
    }

    [Fact]
    public void Fold_lets_a_folded_query_find_the_folded_text()
    {
        var text = VietnameseText.Fold("Tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em");

        Assert.Contains(VietnameseText.Fold("tre em"), text, StringComparison.Ordinal);
        Assert.Contains(VietnameseText.Fold("TRẺ EM"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Slugify_makes_the_slug_of_the_seed_article()
    {
        Assert.Equal("tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em", VietnameseText.Slugify(Title));
    }

    [Fact]
    public void Slugify_gives_the_same_slug_for_nfc_and_nfd_input()
    {
        Assert.Equal(
            VietnameseText.Slugify(Title.Normalize(NormalizationForm.FormC)),
            VietnameseText.Slugify(Title.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Đồng Nai", "dong-nai")]
    [InlineData("TRANG THÔNG TIN ĐIỆN TỬ HUYỆN VĨNH CỬU - ĐỒNG NAI", "trang-thong-tin-dien-tu-huyen-vinh-cuu-dong-nai")]
    [InlineData("  --Kỷ niệm 134 năm (19/5/1890 - 19/5/2024)!! ", "ky-niem-134-nam-19-5-1890-19-5-2024")]
    [InlineData("Hoà / Hòa", "hoa-hoa")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Slugify_maps_letters_and_hyphenates_everything_else(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Slugify(input));
    }

    [Fact]
    public void Slugify_cuts_a_long_title_on_a_hyphen_within_80_characters()
    {
        const string Phrase = "tang-cuong-cong-tac-cham-soc";
        var full = string.Join('-', Enumerable.Repeat(Phrase, 6));
        var title = string.Join(' ', Enumerable.Repeat("Tăng cường công tác chăm sóc", 6));

        var slug = VietnameseText.Slugify(title);

        Assert.InRange(slug.Length, 70, VietnameseText.MaxSlugLength);
        Assert.StartsWith(slug + "-", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Slugify_cuts_a_single_overlong_word_at_80_characters()
    {
        var slug = VietnameseText.Slugify(new string('a', 200));

        Assert.Equal(new string('a', 80), slug);
    }

    [Fact]
    public void Slugify_keeps_a_slug_of_exactly_80_characters_whole()
    {
        var first = new string('b', 39);
        var second = new string('c', 40);

        var slug = VietnameseText.Slugify($"{first} {second} d");

        Assert.Equal($"{first}-{second}", slug);
        Assert.Equal(80, slug.Length);
    }
}
