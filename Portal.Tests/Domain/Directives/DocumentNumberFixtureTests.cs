using System.Globalization;
using System.Text;
using Portal.Domain.Directives;

namespace Portal.Tests.Domain.Directives;

/// <summary>Every row of TestData/document-numbers.tsv, read at run time, parses as the row says.</summary>
public sealed class DocumentNumberFixtureTests
{
    private static readonly string[] Columns =
        ["input", "system", "number", "year", "type", "issuer", "unit", "canonical", "warning", "source"];

    public static IEnumerable<object[]> Rows()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "document-numbers.tsv");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.Equal(Columns, lines[0].Split('\t'));
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            Assert.True(cells.Length == Columns.Length, $"Row has {cells.Length} cells: {line}");
            yield return cells;
        }
    }

    [Fact]
    public void The_fixture_file_has_rows()
    {
        Assert.True(Rows().Count() >= 20);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Fixture_row_parses_as_expected(
        string input, string system, string number, string year, string type,
        string issuer, string unit, string canonical, string warning, string source)
    {
        Assert.False(string.IsNullOrWhiteSpace(source), $"Row {input} names no source");
        var parse = DocumentNumber.Parse(input);

        Assert.True(parse.Succeeded, parse.Error);
        var parsed = parse.Number;
        Assert.Equal(input, parsed.Raw);
        Assert.Equal(system, parsed.System.ToWireName());
        Assert.Equal(OrNull(number), parsed.Number?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(OrNull(year), parsed.Year?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(OrNull(type), parsed.Type);
        Assert.Equal(OrNull(issuer), parsed.Issuer);
        Assert.Equal(OrNull(unit), parsed.Unit);
        Assert.Equal(canonical, parsed.Canonical);
        Assert.True(
            (warning == "yes") == (parsed.Warnings.Count > 0),
            $"warning expected: {warning}; got: [{string.Join("; ", parsed.Warnings)}]");
    }

    private static string? OrNull(string cell) => cell.Length == 0 ? null : cell;
}
