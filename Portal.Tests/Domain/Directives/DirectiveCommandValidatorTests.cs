using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

public sealed class DirectiveCommandValidatorTests
{
    private static readonly DirectiveCommand Valid = new(
        "211/KH-HU", "KH", Guid.NewGuid(), null, new DateOnly(2024, 5, 29), null, null, "Triển khai thực hiện Chỉ thị số 28-CT/TW", null, null, null);

    [Fact]
    public void A_complete_command_is_valid()
    {
        Assert.True(new DirectiveCommandValidator().Validate(Valid.Normalized()).IsValid);
    }

    [Theory]
    [InlineData(null, "Number")]
    [InlineData("", "Number")]
    [InlineData("211 < 212", "Number")]
    [InlineData("211/KH-HU\r\n", "Number")]
    [InlineData("\"211/KH-HU\"", "Number")]
    public void A_number_the_parser_refuses_is_one_error_on_number(string? number, string property)
    {
        var result = new DirectiveCommandValidator().Validate((Valid with { Number = number }).Normalized());
        Assert.Equal(property, Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData("qd")]
    [InlineData("QĐi")]
    [InlineData("ttr")]
    public void Type_codes_are_accepted_in_any_case_and_ascii_spelling(string code)
    {
        Assert.True(new DirectiveCommandValidator().Validate((Valid with { TypeCode = code }).Normalized()).IsValid);
    }

    [Theory]
    [InlineData("Kế hoạch")]
    [InlineData("ZZ")]
    [InlineData("")]
    public void Anything_but_a_catalogue_code_is_an_error_on_type_code(string code)
    {
        var result = new DirectiveCommandValidator().Validate((Valid with { TypeCode = code }).Normalized());
        Assert.Equal("TypeCode", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Without_a_catalogue_issuer_the_printed_name_is_required()
    {
        var result = new DirectiveCommandValidator().Validate((Valid with { IssuerId = null, IssuerName = "  " }).Normalized());
        Assert.Equal("IssuerName", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void A_relation_needs_a_kind_and_a_target()
    {
        var result = new RelationCommandValidator().Validate(new RelationCommand(null, Guid.Empty));
        Assert.Equal(["Kind", "TargetId"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.False(new RelationCommandValidator().Validate(new RelationCommand((RelationKind)42, Guid.NewGuid())).IsValid);
    }

    [Theory]
    [InlineData("Huyện ủy Vĩnh Cửu", "HU", "district", true)]
    [InlineData("Huyện ủy Vĩnh Cửu", "ThU", "district", true)]
    [InlineData("Liên cơ quan", "BTCTU-BDVTU", "province", true)]
    [InlineData("Huyện ủy Vĩnh Cửu", "H U", "district", false)]
    [InlineData("Huyện ủy Vĩnh Cửu", "HU-", "district", false)]
    [InlineData("Huyện ủy Vĩnh Cửu", "HU", "ward", false)]
    [InlineData("Huyện ủy Vĩnh Cửu", "HU", "", false)]
    [InlineData("", "HU", "district", false)]
    public void Issuing_bodies_need_a_name_a_code_and_a_known_level(string name, string code, string level, bool valid)
    {
        Assert.Equal(valid, new IssuingBodyCommandValidator().Validate(new IssuingBodyCommand(name, code, level, null, null, null).Normalized()).IsValid);
    }

    [Fact]
    public void An_issuing_body_cannot_end_before_it_began()
    {
        var command = new IssuingBodyCommand("Huyện ủy", "HU", "district", new DateOnly(2025, 7, 1), new DateOnly(2025, 6, 30), null);
        Assert.Equal("ValidTo", Assert.Single(new IssuingBodyCommandValidator().Validate(command).Errors).PropertyName);
    }
}
