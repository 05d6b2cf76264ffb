using Portal.Domain.Directives;
using static Portal.Tests.Domain.Directives.DocumentNumberNormalisationTests;

namespace Portal.Tests.Domain.Directives;

public sealed class DocumentTypeAgreementTests
{
    private static readonly DateOnly In2017 = new(2017, 12, 19);
    private static readonly DateOnly In2019 = new(2019, 6, 1);
    private static readonly DateOnly In2024 = new(2024, 1, 3);

    [Theory]
    [InlineData("15/QĐ-UBND", "QĐ", true)]
    [InlineData("15/QĐ-UBND", "qđ", true)]
    [InlineData("15/QĐ-UBND", "Quyết định", true)]
    [InlineData("15/QĐ-UBND", "quyet dinh", true)]
    [InlineData("15/QĐ-UBND", "KH", false)]
    [InlineData("211/KH-UBND", "Kế hoạch", true)]
    [InlineData("211-KH/HU", "KH", true)]
    [InlineData("12/HĐ-UBND", "HD", false)]
    [InlineData("12/HĐ-UBND", "Hợp đồng", true)]
    [InlineData("30/2020/NĐ-CP", "Nghị định", true)]
    [InlineData("12/2020/TT-BTC", "Thông tư", true)]
    [InlineData("12/2020/TT-BTC", "Thông tri", false)]
    [InlineData("12-TT/TU", "Thông tri", true)]
    [InlineData("12-TT/TU", "Thông tư", false)]
    [InlineData("12/QyĐ-UBND", "Quy định", true)]
    public void Type_code_agrees_with_the_declared_type_of_the_same_kind(string input, string declared, bool agrees)
    {
        Assert.Equal(agrees, Parsed(input).TypeAgreesWith(declared, In2024));
    }

    [Theory]
    [InlineData("QyĐ", true)]
    [InlineData("Quy định", true)]
    [InlineData("QĐi", true)]
    [InlineData("QĐ", false)]
    [InlineData("Quyết định", false)]
    public void Party_qdi_since_2018_is_quy_dinh(string declared, bool agrees)
    {
        Assert.Equal(agrees, Parsed("08-QĐi/TW").TypeAgreesWith(declared, new DateOnly(2018, 10, 25)));
    }

    [Theory]
    [InlineData("Quy định", true)]
    [InlineData("QĐi", true)]
    [InlineData("QyĐ", true)]
    [InlineData("Quyết định", true)]
    [InlineData("Chỉ thị", false)]
    public void Party_qd_before_2018_may_be_quy_dinh_or_quyet_dinh(string declared, bool agrees)
    {
        Assert.Equal(agrees, Parsed("105-QĐ/TW").TypeAgreesWith(declared, In2017));
    }

    [Fact]
    public void Party_qd_after_the_guidance_is_only_quyet_dinh()
    {
        var number = Parsed("100-QĐ/TW");

        Assert.False(number.TypeAgreesWith("Quy định", In2019));
        Assert.True(number.TypeAgreesWith("Quyết định", In2019));
        Assert.True(number.TypeAgreesWith("Quy định", new DateOnly(2018, 4, 2)));
        Assert.False(number.TypeAgreesWith("Quy định", DocumentTypes.PartyRegulationCodeDate));
    }

    [Theory]
    [InlineData("12/UQ-UBND", "GUQ")]
    [InlineData("12/NP-UBND", "Giấy nghỉ phép")]
    [InlineData("12/GN-UBND", "BGN")]
    [InlineData("12/TTh-UBND", "Bản thoả thuận")]
    public void Old_state_codes_agree_only_before_decree_30(string input, string declared)
    {
        var number = Parsed(input);

        Assert.True(number.TypeAgreesWith(declared, In2019));
        Assert.True(number.TypeAgreesWith(declared, new DateOnly(2020, 3, 4)));
        Assert.False(number.TypeAgreesWith(declared, DocumentTypes.Decree30EffectiveDate));
        Assert.False(number.TypeAgreesWith(declared, In2024));
    }

    [Theory]
    [InlineData("2457/UBND-VX", "Công văn")]
    [InlineData("64/2025/QH15", "Luật")]
    [InlineData("05-CP", "Nghị định")]
    [InlineData("C2025-18-11/HĐ-KHCN", "HĐ")]
    public void Numbers_without_a_type_code_cannot_tell(string input, string declared)
    {
        Assert.Null(Parsed(input).TypeAgreesWith(declared, In2024));
    }

    [Fact]
    public void A_declared_type_outside_the_catalogue_cannot_tell()
    {
        Assert.Null(Parsed("15/QĐ-UBND").TypeAgreesWith("Bản tin", In2024));
    }

    [Theory]
    [InlineData("hd", "HD")]
    [InlineData("HĐ", "HĐ")]
    [InlineData("hđ", "HĐ")]
    [InlineData("da", "DA")]
    [InlineData("đa", "ĐA")]
    [InlineData("qd", "QĐ")]
    [InlineData("ND", "NĐ")]
    [InlineData("cd", "CĐ")]
    [InlineData("qdi", "QĐi")]
    [InlineData("CTR", "CTr")]
    [InlineData("ttr", "TTr")]
    [InlineData("trs", "TrS")]
    public void Codes_canonicalise_from_the_table(string code, string canonical)
    {
        Assert.Equal(canonical, DocumentTypes.Canonicalize(code));
    }

    [Theory]
    [InlineData("UBND")]
    [InlineData("TTg")]
    [InlineData("")]
    public void Non_codes_do_not_canonicalise(string code)
    {
        Assert.Null(DocumentTypes.Canonicalize(code));
    }

    [Fact]
    public void The_catalogue_holds_every_decree_30_code_and_its_sources()
    {
        string[] appendixIII =
        [
            "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr",
            "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL",
        ];

        foreach (var code in appendixIII)
        {
            Assert.True(DocumentTypes.IsUsedBy(code, DocumentNumberSystem.State), code);
        }

        Assert.All(DocumentTypes.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
        Assert.Equal(2, DocumentTypes.Find("TT").Count);
        Assert.False(DocumentTypes.IsUsedBy("NĐ", DocumentNumberSystem.State));
        Assert.True(DocumentTypes.IsUsedBy("QĐi", DocumentNumberSystem.Party));
    }
}
