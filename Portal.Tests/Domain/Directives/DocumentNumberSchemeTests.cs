using Portal.Domain.Directives;
using static Portal.Tests.Domain.Directives.DocumentNumberNormalisationTests;

namespace Portal.Tests.Domain.Directives;

public sealed class DocumentNumberSchemeTests
{
    [Fact]
    public void Party_number_in_state_layout_gets_canonical_form_and_warning()
    {
        var number = Parsed("211/KH-HU");

        Assert.Equal("211/KH-HU", number.Raw);
        Assert.Equal(DocumentNumberSystem.Party, number.System);
        Assert.Equal("KH", number.Type);
        Assert.Equal("HU", number.Issuer);
        Assert.Equal("211-KH/HU", number.Canonical);
        var warning = Assert.Single(number.Warnings);
        Assert.Equal("Party number written in the State layout; canonical form is 211-KH/HU", warning);
    }

    [Theory]
    [InlineData("05/KH-BTCTU-BDVTU", "05-KH/BTCTU-BDVTU")]
    [InlineData("12/NQ-ĐUK", "12-NQ/ĐUK")]
    [InlineData("3/TB-VPHU", "03-TB/VPHU")]
    [InlineData("7/CV-thu", "07-CV/ThU")]
    public void State_layout_with_party_type_and_party_issuers_is_a_party_number(string input, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(DocumentNumberSystem.Party, number.System);
        Assert.Equal(canonical, number.Canonical);
        Assert.NotEmpty(number.Warnings);
    }

    [Theory]
    [InlineData("211/KH-UBND")]
    [InlineData("15/QĐ-TTg")]
    [InlineData("12/PA-HU")]
    public void State_layout_with_a_state_issuer_or_state_only_type_stays_state(string input)
    {
        var number = Parsed(input);

        Assert.Equal(DocumentNumberSystem.State, number.System);
        Assert.Empty(number.Warnings);
    }

    [Theory]
    [InlineData("12/qyđ-ubnd", "QyĐ", "12/QyĐ-UBND")]
    [InlineData("12/ctr-ubnd", "CTr", "12/CTr-UBND")]
    [InlineData("12/TTR-UBND", "TTr", "12/TTr-UBND")]
    [InlineData("12/trs-ubnd", "TrS", "12/TrS-UBND")]
    [InlineData("08-qđi/tw", "QĐi", "08-QĐi/TW")]
    [InlineData("15/qđ-ttg", "QĐ", "15/QĐ-TTg")]
    [InlineData("12-kh/thu", "KH", "12-KH/ThU")]
    [InlineData("1-nq/đu", "NQ", "01-NQ/ĐU")]
    [InlineData("2/2019/ttlt-bnv-vpcp", "TTLT", "02/2019/TTLT-BNV-VPCP")]
    public void Codes_take_their_casing_from_the_table(string input, string type, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(type, number.Type);
        Assert.Equal(canonical, number.Canonical);
        Assert.Empty(number.Warnings);
    }

    [Theory]
    [InlineData("36-HD/VPTW", "HD")]
    [InlineData("12/hd-ubnd", "HD")]
    [InlineData("12/HĐ-UBND", "HĐ")]
    [InlineData("12/DA-UBND", "DA")]
    [InlineData("12/ĐA-UBND", "ĐA")]
    public void D_is_never_folded_into_d_with_stroke_or_back(string input, string type)
    {
        var number = Parsed(input);

        Assert.Equal(type, number.Type);
        Assert.Empty(number.Warnings);
    }

    [Theory]
    [InlineData("15/QD-UBND", "QĐ", "15/QĐ-UBND")]
    [InlineData("30/2020/ND-CP", "NĐ", "30/2020/NĐ-CP")]
    [InlineData("12/cd-ubnd", "CĐ", "12/CĐ-UBND")]
    [InlineData("08-QDi/TW", "QĐi", "08-QĐi/TW")]
    [InlineData("12/QyD-UBND", "QyĐ", "12/QyĐ-UBND")]
    public void Ascii_d_is_read_as_d_with_stroke_where_no_code_is_spelled_that_way(string input, string type, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(type, number.Type);
        Assert.Equal(canonical, number.Canonical);
        Assert.Contains(number.Warnings, w => w.Contains("ASCII D", StringComparison.Ordinal));
        Assert.Equal(Parsed(canonical).SearchKey, number.SearchKey);
    }

    [Theory]
    [InlineData("211/KH-HU")]
    [InlineData("211-KH/HU")]
    [InlineData("211 kh hu")]
    [InlineData("Số: 211 - KH / HU")]
    [InlineData("211/kh-hu")]
    public void The_forms_of_one_party_number_share_a_search_key(string input)
    {
        Assert.Equal("211khhu", Parsed(input).SearchKey);
        Assert.Equal("211khhu", DocumentNumber.SearchKeyOf(input));
    }

    [Fact]
    public void Search_keys_fold_d_with_stroke_and_ignore_padding()
    {
        Assert.Equal("8qditw", Parsed("Số: 08-QĐi/TW").SearchKey);
        Assert.Equal("8qditw", Parsed("8-QĐi/TW").SearchKey);
        Assert.Equal("8qditw", Parsed("08 qđi tw").SearchKey);
        Assert.Equal("122020ndcp", Parsed("12/2020/NĐ-CP").SearchKey);
        Assert.Equal("2457ubndvx", Parsed("2457/UBND-VX").SearchKey);
    }

    [Fact]
    public void A_search_query_that_cannot_be_a_number_still_gets_a_key()
    {
        Assert.Equal("211khhu", DocumentNumber.SearchKeyOf("211 \"KH\" HU"));
        Assert.Equal(string.Empty, DocumentNumber.SearchKeyOf(null));
    }

    [Theory]
    [InlineData("30/NĐ-CP", DocumentNumberSystem.StateLegal, "without a year")]
    [InlineData("01/2020/KH-UBND", DocumentNumberSystem.StateLegal, "not a legal normative")]
    [InlineData("12/KL-UBND", DocumentNumberSystem.State, "not a State type code")]
    [InlineData("01-ĐA/TU", DocumentNumberSystem.Party, "not a Party type code")]
    public void Codes_from_another_scheme_parse_with_a_warning(string input, DocumentNumberSystem system, string warning)
    {
        var number = Parsed(input);

        Assert.Equal(system, number.System);
        Assert.Contains(number.Warnings, w => w.Contains(warning, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("05-CP", "CP", "05-CP")]
    [InlineData("217-hđbt", "HĐBT", "217-HĐBT")]
    public void Legacy_numbers_keep_number_and_issuer(string input, string issuer, string canonical)
    {
        var number = Parsed(input);

        Assert.Equal(DocumentNumberSystem.Legacy, number.System);
        Assert.Equal(issuer, number.Issuer);
        Assert.Equal(canonical, number.Canonical);
    }

    [Fact]
    public void Cong_van_numbers_split_issuer_and_drafting_unit()
    {
        var number = Parsed("1234/ubnd-kt-nc");

        Assert.Equal(DocumentNumberSystem.StateLetter, number.System);
        Assert.Null(number.Type);
        Assert.Equal("UBND", number.Issuer);
        Assert.Equal("KT-NC", number.Unit);
        Assert.Equal("1234/UBND-KT-NC", number.Canonical);
    }

    [Fact]
    public void Values_parsed_from_the_same_text_are_equal_and_print_canonically()
    {
        var first = Parsed("Số: 211/KH-HU");
        var second = Parsed("Số: 211/KH-HU");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Parsed("211-KH/HU"));
        Assert.Equal("211-KH/HU", first.ToString());
    }

    [Theory]
    [InlineData(DocumentNumberSystem.State, "state")]
    [InlineData(DocumentNumberSystem.StateLegal, "state-legal")]
    [InlineData(DocumentNumberSystem.StateLetter, "state-letter")]
    [InlineData(DocumentNumberSystem.NationalAssembly, "national-assembly")]
    [InlineData(DocumentNumberSystem.Party, "party")]
    [InlineData(DocumentNumberSystem.Legacy, "legacy")]
    [InlineData(DocumentNumberSystem.Unknown, "unknown")]
    public void Systems_round_trip_through_their_wire_names(DocumentNumberSystem system, string wireName)
    {
        Assert.Equal(wireName, system.ToWireName());
        Assert.True(DocumentNumberSystems.TryParseWireName(wireName, out var parsed));
        Assert.Equal(system, parsed);
    }

    [Theory]
    [InlineData("State")]
    [InlineData("stateLegal")]
    [InlineData(null)]
    public void Unknown_wire_names_are_not_read(string? wireName)
    {
        Assert.False(DocumentNumberSystems.TryParseWireName(wireName, out _));
    }
}
