using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

/// <summary>
/// Numbers as they are really written (issue 13 item 8): '&amp;' inside older ministry codes, TƯ typed for TW, a year
/// run into the type code, a code split by a space, and Đ written with a combining stroke. Real published numbers of
/// each form are rows of TestData/document-numbers.tsv; these check each rule over more codes.
/// </summary>
public sealed class DocumentNumberWrittenFormTests
{
    private static DocumentNumber Parsed(string input)
    {
        var parse = DocumentNumber.Parse(input);
        Assert.True(parse.Succeeded, parse.Error);
        return parse.Number;
    }

    [Theory]
    [InlineData("16/2006/QĐ-BGD&ĐT", "16/2006/QĐ-BGD&ĐT", "BGD&ĐT")]
    [InlineData("10/2003/TT-BLĐTB&XH", "10/2003/TT-BLĐTB&XH", "BLĐTB&XH")]
    [InlineData("88/2007/QĐ-BNN&PTNT", "88/2007/QĐ-BNN&PTNT", "BNN&PTNT")]
    [InlineData("1234/SGD&ĐT-VP", "1234/SGD&ĐT-VP", "SGD&ĐT")]
    [InlineData("15/KH-UBND&MTTQ", "15/KH-UBND&MTTQ", "UBND&MTTQ")]
    [InlineData("07/2005/TTLT-BGD&ĐT-BNV", "07/2005/TTLT-BGD&ĐT-BNV", "BGD&ĐT-BNV")]
    public void Issuer_codes_joined_with_an_ampersand_parse(string input, string canonical, string issuer)
    {
        var number = Parsed(input);

        Assert.NotEqual(DocumentNumberSystem.Unknown, number.System);
        Assert.Equal(canonical, number.Canonical);
        Assert.Equal(issuer, number.Issuer);
    }

    [Fact]
    public void An_ampersand_code_shares_its_search_key_with_the_code_without_it()
    {
        Assert.Equal(Parsed("47/2000/QĐ-BGDĐT").SearchKey, Parsed("47/2000/QĐ-BGD&ĐT").SearchKey);
        Assert.Equal(Parsed("10/TT-BLĐTBXH").SearchKey, Parsed("10/TT-BLĐTB&XH").SearchKey);
    }

    [Theory]
    [InlineData("&15/KH-UBND")]
    [InlineData("15/KH-&UBND")]
    [InlineData("15/KH-UBND&")]
    [InlineData("15/KH-UB&&ND")]
    public void An_ampersand_at_the_edge_of_a_code_is_no_known_scheme(string input) =>
        Assert.Equal(DocumentNumberSystem.Unknown, Parsed(input).System);

    [Theory]
    [InlineData("05-CT/TƯ", "05-CT/TW")]
    [InlineData("Chỉ thị số 05-CT/TƯ", "05-CT/TW")]
    [InlineData("35-NQ/TƯ", "35-NQ/TW")]
    [InlineData("36-HD/VPTƯ", "36-HD/VPTW")]
    [InlineData("12-QĐ/tư", "12-QĐ/TW")]
    [InlineData("211/KH-TƯ", "211-KH/TW")]
    public void Trung_uong_typed_with_U_horn_reads_as_TW_with_a_warning(string input, string canonical)
    {
        var number = Parsed(input);
        Assert.Equal(DocumentNumberSystem.Party, number.System);
        Assert.Equal(canonical, number.Canonical);
        Assert.Contains(number.Warnings, w => w.Contains("Ư typed for W", StringComparison.Ordinal));
        Assert.Equal(Parsed(canonical).SearchKey, number.SearchKey);
    }

    [Fact]
    public void Tinh_uy_TU_is_not_read_as_TW()
    {
        var number = Parsed("391-KH/TU");

        Assert.Equal("391-KH/TU", number.Canonical);
        Assert.Empty(number.Warnings);
    }

    [Theory]
    [InlineData("31/2013TT-BGDĐT", "31/2013/TT-BGDĐT")]
    [InlineData("44/2007 QĐ-BGDĐT", "44/2007/QĐ-BGDĐT")]
    [InlineData("12/2020NĐ-CP", "12/2020/NĐ-CP")]
    public void A_year_run_into_the_type_code_gets_its_slash_back_with_a_warning(string input, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(canonical, number.Canonical);
        Assert.Contains(number.Warnings, w => w.Contains("after the year", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("23/2015/TTLT-BGD ĐT-BNV", "23/2015/TTLT-BGDĐT-BNV")]
    [InlineData("211/KH-UB ND", "211/KH-UBND")]
    public void A_code_split_by_a_space_is_joined_with_a_warning(string input, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(canonical, number.Canonical);
        Assert.Contains(number.Warnings, w => w.Contains("Spaces inside a code", StringComparison.Ordinal));
        Assert.DoesNotContain(number.Warnings, w => w.Contains("outside every known scheme", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_typed_in_a_search_box_stay_unknown() =>
        Assert.Equal(DocumentNumberSystem.Unknown, Parsed("211 kh hu").System);

    [Theory]
    [InlineData("12/2024/TT-BGD\u0044\u0336T")]
    [InlineData("12/2024/TT-BGD\u0044\u0335T")]
    [InlineData("12/2024/TT-BGD\u00D0T")]
    [InlineData("12/2024/TT-BGD\u0189T")]
    [InlineData("12/2024/TT\u2013BGDĐT")]
    [InlineData("12 / 2024 / TT - BGDĐT")]
    [InlineData("12/2024/tt-bgdđt")]
    [InlineData("Thông tư số 12/2024/TT-BGDĐT")]
    public void Look_alikes_of_D_stroke_dashes_spaces_and_case_give_the_canonical_number(string input) =>
        Assert.Equal("12/2024/TT-BGDĐT", Parsed(input).Canonical);
}
