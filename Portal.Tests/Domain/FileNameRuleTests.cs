using Portal.Domain.Common;

namespace Portal.Tests.Domain;

/// <summary>The file-name rule (<see cref="FileNames"/>) as a table; FileNameTests shows it at every place it applies.</summary>
public sealed class FileNameRuleTests
{
    [Theory]
    [InlineData("Kế hoạch số 211-KH-HU (bản ký).pdf")]
    [InlineData("ảnh trẻ em 1.jpg")]
    [InlineData("COM10.pdf")]
    [InlineData("LPT.pdf")]
    [InlineData("CONSOLE.pdf")]
    [InlineData("Báo cáo m\u00B2.pdf")] // a superscript digit elsewhere in a name is fine
    [InlineData("Diện tích 100\u00A0m2.pdf")] // a no-break space is a visible space
    [InlineData("bao-cao.v2.docx")]
    public void A_name_a_file_system_reads_as_written_is_accepted(string name) =>
        Assert.Null(FileNames.Refusal(FileNames.Normalize(name)));

    [Theory]
    [InlineData("COM\u00B9.pdf", "reserved")]
    [InlineData("com\u00B2", "reserved")]
    [InlineData("COM\u00B3 .txt", "reserved")]
    [InlineData("LPT\u00B9.doc", "reserved")]
    [InlineData("lpt\u00B2", "reserved")]
    [InlineData("LPT\u00B3.pdf", "reserved")]
    [InlineData("COM0.pdf", "reserved")]
    [InlineData("CONIN$.pdf", "reserved")]
    [InlineData("conout$", "reserved")]
    [InlineData("\uFEFFke-hoach.pdf", "U+FEFF")]
    [InlineData("ke\u200Bhoach.pdf", "U+200B")]
    [InlineData("ke\u200Choach.pdf", "U+200C")]
    [InlineData("ke\u200Dhoach.pdf", "U+200D")]
    [InlineData("ke\u2060hoach.pdf", "U+2060")]
    [InlineData("ke\u180Ehoach.pdf", "U+180E")]
    [InlineData("ke\u00ADhoach.pdf", "U+00AD")]
    [InlineData("ke\u061Choach.pdf", "U+061C")]
    [InlineData("ke\u2028hoach.pdf", "U+2028")]
    [InlineData("ke\u2029hoach.pdf", "U+2029")]
    [InlineData("ke\u034Fhoach.pdf", "U+034F")]
    [InlineData("ke\uFE0Fhoach.pdf", "U+FE0F")]
    [InlineData("\u3164.pdf", "U+3164")]
    [InlineData("ke\u115Fhoach.pdf", "U+115F")]
    [InlineData("ke\uFFA0hoach.pdf", "U+FFA0")]
    [InlineData("ke-hoach\U000E0041.pdf", "U+E0041")]
    [InlineData("ke-hoach\U000E0100.pdf", "U+E0100")]
    [InlineData("CON\u200B.pdf", "U+200B")]
    public void A_name_with_an_invisible_character_or_a_reserved_device_name_is_refused(string name, string reason)
    {
        var refusal = FileNames.Refusal(FileNames.Normalize(name));
        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }
}
