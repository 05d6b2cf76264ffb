using System.Text;
using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

public sealed class DocumentNumberNormalisationTests
{
    [Theory]
    [InlineData("28-CT&#x002F;TW")]
    [InlineData("28-CT&#47;TW")]
    [InlineData("28&#8211;CT/TW")]
    [InlineData("28&ndash;CT/TW")]
    public void Html_entities_are_decoded(string input)
    {
        var number = Parsed(input);

        Assert.Equal("28-CT/TW", number.Canonical);
        Assert.Empty(number.Warnings);
        Assert.Equal(input, number.Raw);
    }

    [Fact]
    public void Html_entities_are_decoded_only_once()
    {
        var number = Parsed("28-CT&amp;#x002F;TW");

        Assert.Equal(DocumentNumberSystem.Unknown, number.System);
        Assert.Equal("28-CT&#x002F;TW", number.Canonical);
    }

    [Theory]
    [InlineData("Số:\u00A0211/KH-UBND")]
    [InlineData("211\u00A0/\u00A0KH-UBND")]
    [InlineData("211\u202F/KH-UBND")]
    [InlineData("Số:&nbsp;211/KH-UBND")]
    public void Non_breaking_spaces_are_treated_as_spaces(string input)
    {
        Assert.Equal("211/KH-UBND", Parsed(input).Canonical);
    }

    [Theory]
    [InlineData("211/\u200BKH-UBND")]
    [InlineData("\uFEFF211/KH-\u200DUBND")]
    [InlineData("211/K\u200CH-UB\u2060ND")]
    [InlineData("211/KH-\u00ADUBND")]
    public void Zero_width_characters_are_removed(string input)
    {
        var number = Parsed(input);

        Assert.Equal("211/KH-UBND", number.Canonical);
        Assert.Empty(number.Warnings);
    }

    [Theory]
    [InlineData("28-\u0421\u0422/\u0422W", "28-CT/TW")]
    [InlineData("15/Q\u0110-U\u0412ND", "15/QĐ-UBND")]
    [InlineData("36-hd/v\u0440tw", "36-HD/VPTW")]
    [InlineData("211/\u041A\u041D-UBND", "211/KH-UBND")]
    [InlineData("12/2020/N\u0110-\u0421\u0420", "12/2020/NĐ-CP")]
    public void Cyrillic_look_alikes_become_latin_with_a_warning(string input, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(canonical, number.Canonical);
        Assert.Contains(number.Warnings, w => w.Contains("Cyrillic", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("89/2015/N\u00D0-CP", "89/2015/NĐ-CP")]
    [InlineData("15/q\u00F0-ubnd", "15/QĐ-UBND")]
    [InlineData("62/Q\u0189-H\u0189BT", "62/QĐ-HĐBT")]
    public void Eth_and_african_d_read_as_d_with_stroke(string input, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(canonical, number.Canonical);
        Assert.Empty(number.Warnings);
    }

    [Theory]
    [InlineData("211/KH\u2013UBND")]
    [InlineData("211/KH\u2014UBND")]
    [InlineData("211/KH\u2010UBND")]
    [InlineData("211/KH\u2011UBND")]
    [InlineData("211/KH\u2212UBND")]
    [InlineData("211/KH\uFF0DUBND")]
    [InlineData("211/KH_UBND")]
    [InlineData("211\uFF0FKH-UBND")]
    [InlineData("211\u2044KH-UBND")]
    [InlineData("211\u2215KH-UBND")]
    [InlineData("211\\KH-UBND")]
    public void Dash_and_slash_variants_become_ascii_separators(string input)
    {
        var number = Parsed(input);

        Assert.Equal(DocumentNumberSystem.State, number.System);
        Assert.Equal("211/KH-UBND", number.Canonical);
    }

    [Theory]
    [InlineData("1206 /QĐ-HVTC", "1206/QĐ-HVTC")]
    [InlineData("211 / KH - UBND", "211/KH-UBND")]
    [InlineData("28 - CT / TW", "28-CT/TW")]
    [InlineData("  44 /2005/ QĐ-UBND  ", "44/2005/QĐ-UBND")]
    public void Spaces_around_separators_are_removed(string input, string canonical)
    {
        Assert.Equal(canonical, Parsed(input).Canonical);
    }

    [Theory]
    [InlineData("Số: 211/KH-UBND")]
    [InlineData("Số 211/KH-UBND")]
    [InlineData("số 211/KH-UBND")]
    [InlineData("SỐ: 211/KH-UBND")]
    [InlineData("Số:211/KH-UBND")]
    [InlineData("So: 211/KH-UBND")]
    [InlineData("so 211/KH-UBND")]
    public void A_leading_so_prefix_is_removed_and_the_raw_text_kept(string input)
    {
        var number = Parsed(input);

        Assert.Equal("211/KH-UBND", number.Canonical);
        Assert.Equal(input, number.Raw);
        Assert.Empty(number.Warnings);
    }

    [Fact]
    public void Decomposed_input_is_composed_before_matching()
    {
        var number = Parsed("Số: 12/2020/NĐ-CP".Normalize(NormalizationForm.FormD));

        Assert.Equal(DocumentNumberSystem.StateLegal, number.System);
        Assert.Equal("NĐ", number.Type);
        Assert.Equal("12/2020/NĐ-CP", number.Canonical);
    }

    internal static DocumentNumber Parsed(string input)
    {
        var parse = DocumentNumber.Parse(input);
        Assert.True(parse.Succeeded, parse.Error);
        return parse.Number;
    }
}
