using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

public sealed class DocumentNumberRejectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0\t\n")]
    [InlineData("\u200B")]
    public void Empty_input_is_rejected(string? input)
    {
        var parse = DocumentNumber.Parse(input);

        Assert.False(parse.Succeeded);
        Assert.Null(parse.Number);
        Assert.Equal("must not be empty", parse.Error);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "'<'")]
    [InlineData("12/QĐ-UBND>", "'>'")]
    [InlineData("\"12/QĐ-UBND\"", "'\"'")]
    [InlineData("&lt;b&gt;12/QĐ-UBND", "'<'")]
    [InlineData("12/QĐ\n-UBND", "line break")]
    [InlineData("12/QĐ\r\n-UBND", "line break")]
    [InlineData("12/QĐ&#10;-UBND", "line break")]
    [InlineData("12\t/QĐ-UBND", "control characters")]
    [InlineData("12/QĐ\u0007-UBND", "control characters")]
    public void Characters_no_number_can_hold_are_rejected_by_name(string input, string named)
    {
        var parse = DocumentNumber.Parse(input);

        Assert.False(parse.Succeeded);
        Assert.Contains(named, parse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_over_100_characters_is_rejected()
    {
        var parse = DocumentNumber.Parse("211/KH-" + new string('A', 94));

        Assert.False(parse.Succeeded);
        Assert.Equal("must be at most 100 characters", parse.Error);
    }

    [Fact]
    public void Input_of_exactly_100_characters_is_accepted()
    {
        Assert.True(DocumentNumber.Parse("211/KH-" + new string('A', 93)).Succeeded);
    }

    [Fact]
    public void A_trailing_line_break_is_trimmed_not_rejected()
    {
        var parse = DocumentNumber.Parse("211/KH-UBND\r\n");

        Assert.True(parse.Succeeded);
        Assert.Equal("211/KH-UBND", parse.Number.Canonical);
    }

    [Theory]
    [InlineData("C2025-18-11/HĐ-KHCN")]
    [InlineData("211 kh hu")]
    [InlineData("Số hiệu văn bản")]
    [InlineData("12-KH")]
    [InlineData("12/2020/ABC-UBND")]
    [InlineData("25/12/2023")]
    public void Numbers_outside_every_scheme_are_kept_with_a_warning(string input)
    {
        var parse = DocumentNumber.Parse(input);

        Assert.True(parse.Succeeded, parse.Error);
        Assert.Equal(DocumentNumberSystem.Unknown, parse.Number.System);
        Assert.Null(parse.Number.Number);
        Assert.Null(parse.Number.Type);
        Assert.Equal(input, parse.Number.Canonical);
        Assert.Contains(parse.Number.Warnings, w => w.Contains("outside every known scheme; stored as entered", StringComparison.Ordinal));
    }
}
