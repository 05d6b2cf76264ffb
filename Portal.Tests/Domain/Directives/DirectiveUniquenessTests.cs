using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

public sealed class DirectiveUniquenessTests
{
    private static readonly Guid Issuer = Guid.NewGuid();

    private static string Key(string number, DateOnly issuedOn, Guid? issuer = null, string issuerName = "UBND huyện Vĩnh Cửu") =>
        DirectiveUniqueness.KeyOf(DocumentNumber.Parse(number).Number!, issuer ?? Issuer, issuerName, issuedOn);

    [Fact]
    public void State_numbers_of_one_issuer_collide_within_a_calendar_year_whatever_their_spelling()
    {
        Assert.Equal(Key("15/QĐ-UBND", new(2024, 1, 2)), Key("Số: 15/QD-UBND", new(2024, 12, 31)));
        Assert.NotEqual(Key("15/QĐ-UBND", new(2024, 12, 31)), Key("15/QĐ-UBND", new(2025, 1, 1)));
        Assert.NotEqual(Key("15/QĐ-UBND", new(2024, 1, 2)), Key("15/QĐ-UBND", new(2024, 1, 2), Guid.NewGuid()));
        Assert.NotEqual(Key("15/QĐ-UBND", new(2024, 1, 2)), Key("15/KH-UBND", new(2024, 1, 2)));
    }

    [Fact]
    public void Party_numbers_of_one_issuer_and_type_collide_within_a_calendar_year_while_terms_are_unknown()
    {
        Assert.Equal(Key("211-KH/HU", new(2024, 5, 29)), Key("211/KH-HU", new(2024, 5, 29)));
        Assert.Equal(Key("211-KH/HU", new(2024, 1, 2)), Key("211-KH/HU", new(2024, 12, 31)));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 12, 31)), Key("211-KH/HU", new(2025, 1, 1)));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 5, 29)), Key("211-CT/HU", new(2024, 5, 29)));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 5, 29)), Key("211-KH/HU", new(2024, 5, 29), Guid.NewGuid()));
        Assert.NotEqual(Key("211-KH/HU", new(2024, 5, 29)), Key("211/KH-UBND", new(2024, 5, 29)));
    }

    [Fact]
    public void Without_a_catalogue_issuer_the_printed_name_decides_ignoring_case_and_marks()
    {
        var date = new DateOnly(2024, 3, 1);
        var a = DirectiveUniqueness.KeyOf(DocumentNumber.Parse("7/TB-UBND").Number!, null, "UBND huyện Vĩnh Cửu", date);
        var b = DirectiveUniqueness.KeyOf(DocumentNumber.Parse("7/TB-UBND").Number!, null, "ubnd huyen vinh cuu", date);
        var c = DirectiveUniqueness.KeyOf(DocumentNumber.Parse("7/TB-UBND").Number!, null, "UBND huyện Trảng Bom", date);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
