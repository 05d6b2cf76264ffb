using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

public sealed class DirectiveUniquenessTests
{
    private static string Key(string number, DateOnly issuedOn, string issuerName = "UBND huyện Vĩnh Cửu") =>
        DirectiveUniqueness.KeyOf(DocumentNumber.Parse(number).Number!, issuerName, issuedOn);

    [Fact]
    public void State_numbers_of_one_issuer_collide_within_a_calendar_year_whatever_their_spelling()
    {
        Assert.Equal(Key("15/QĐ-UBND", new(2024, 1, 2)), Key("Số: 15/QD-UBND", new(2024, 12, 31)));
        Assert.NotEqual(Key("15/QĐ-UBND", new(2024, 12, 31)), Key("15/QĐ-UBND", new(2025, 1, 1)));
        Assert.NotEqual(Key("15/QĐ-UBND", new(2024, 1, 2)), Key("15/QĐ-UBND", new(2024, 1, 2), "UBND huyện Trảng Bom"));
        Assert.NotEqual(Key("15/QĐ-UBND", new(2024, 1, 2)), Key("15/KH-UBND", new(2024, 1, 2)));
    }

    [Fact]
    public void Party_numbers_of_one_issuer_and_type_collide_within_a_calendar_year_while_terms_are_unknown()
    {
        Assert.Equal(Key("211-KH/HU", new(2024, 5, 29)), Key("211/KH-HU", new(2024, 5, 29)));
        Assert.Equal(Key("211-KH/HU", new(2024, 1, 2)), Key("211-KH/HU", new(2024, 12, 31)));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 12, 31)), Key("211-KH/HU", new(2025, 1, 1)));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 5, 29)), Key("211-CT/HU", new(2024, 5, 29)));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 5, 29)), Key("211-KH/HU", new(2024, 5, 29), "Ban Thường vụ Huyện ủy Trảng Bom"));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 5, 29)), Key("211/KH-UBND", new(2024, 5, 29)));
    }

    [Fact]
    public void The_printed_issuer_name_decides_ignoring_case_and_marks()
    {
        var date = new DateOnly(2024, 3, 1);
        Assert.Equal(Key("7/TB-UBND", date), Key("7/TB-UBND", date, "ubnd huyen vinh cuu"));
        Assert.Equal(Key("7/TB-UBND", date), Key("7/TB-UBND", date, "UBND HUYỆN VĨNH CỬU"));
        Assert.NotEqual(Key("7/TB-UBND", date), Key("7/TB-UBND", date, "UBND huyện Trảng Bom"));
    }

    [Fact]
    public void A_held_back_key_is_the_directive_s_own_and_no_number_s()
    {
        var id = Guid.NewGuid();
        Assert.Equal(DirectiveUniqueness.HeldBackKeyOf(id), DirectiveUniqueness.HeldBackKeyOf(id));
        Assert.NotEqual(DirectiveUniqueness.HeldBackKeyOf(id), DirectiveUniqueness.HeldBackKeyOf(Guid.NewGuid()));
        Assert.False(DirectiveUniqueness.HeldBackKeyOf(id).StartsWith("state|", StringComparison.Ordinal));
        Assert.False(DirectiveUniqueness.HeldBackKeyOf(id).StartsWith("party|", StringComparison.Ordinal));
    }
}
