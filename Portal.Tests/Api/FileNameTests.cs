using System.Net;
using System.Net.Http.Headers;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>
/// File names from uploads (media, directive attachments) and <c>coverImage.fileName</c> follow one rule: odd names are
/// a 400 naming the field and nothing is stored; Vietnamese names are kept and downloaded under a correct Content-Disposition.
/// </summary>
public sealed class FileNameTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    public static TheoryData<string> BadNames =>
    [
        "bao\u0001cao.pdf",
        "bao\ncao.pdf",
        "../../etc/passwd.pdf",
        "thu-muc/ke-hoach.pdf",
        "C:\\fakepath\\ke-hoach.pdf",
        "..",
        "...",
        "ke-hoach.pdf.",
        "anh\u202Egpj.exe.pdf",
        "\u2066ke-hoach\u2069.pdf",
        "CON.pdf",
        "nul",
        "com1.pdf",
        "ke:hoach.pdf",
        "ke*hoach?.pdf",
        "a\uFFFEb.pdf",
        "ke-hoach\uFFFD.pdf", // what a server makes of a name whose bytes were not valid UTF-8
        new string('a', 252) + ".pdf",
        "COM\u00B9.pdf", // Windows reads superscript digits as digits in device names
        "lpt\u00B2",
        "\uFEFFke-hoach.pdf", // a leading byte-order mark
        "ke\u200Bhoach.pdf", // zero-width space
        "ke-hoach.pdf\u200D",
        "ke\u00ADhoach.pdf", // soft hyphen
        "ke\u2028hoach.pdf", // line separator
        "ke\uFE0Fhoach.pdf", // variation selector
        "ke-hoach\U000E0041.pdf", // tag character
    ];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task An_odd_multipart_file_name_is_a_400_naming_the_file_field_for_media_and_attachments(string name)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var media = await editor.PostAsync("/api/v1/media", Form(MediaTests.Png(4, 4), name));
        await media.ProblemNaming("file");

        var directive = await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", await IssuerAsync(editor)));
        var id = directive["id"]!.GetValue<string>();
        var attachment = await editor.PostAsync($"/api/v1/directives/{id}/attachments", Form(DirectivesAttachmentTests.Pdf(), name));
        await attachment.ProblemNaming("file");
        Assert.Empty((await (await editor.GetAsync($"/api/v1/directives/{id}")).Json())["attachments"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task An_odd_cover_image_file_name_is_a_400_naming_the_field(string name)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var response = await editor.PostJson("/api/v1/articles", new { title = Editing.Unique("Ảnh bìa"), coverImage = new { fileName = name } });
        await response.ProblemNaming("coverImage.fileName");
    }

    [Fact]
    public async Task A_Vietnamese_name_is_kept_in_NFC_and_downloads_with_an_encoded_Content_Disposition()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        const string Name = "Kế hoạch số 211-KH-HU (bản ký).pdf";
        var decomposed = Name.Normalize(System.Text.NormalizationForm.FormD);
        var directive = await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", await IssuerAsync(editor)));
        var created = await (await editor.PostAsync($"/api/v1/directives/{directive["id"]}/attachments", Form(DirectivesAttachmentTests.Pdf(), "  " + decomposed))).Json(HttpStatusCode.Created);
        Assert.Equal(Name, created["fileName"]!.GetValue<string>());

        var download = await editor.GetAsync(created["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Name, download.Content.Headers.ContentDisposition!.FileNameStar);

        var cover = await editor.CreateArticleAsync(new { title = Editing.Unique("Ảnh bìa"), coverImage = new { fileName = "  " + "ảnh trẻ em 1.jpg".Normalize(System.Text.NormalizationForm.FormD) } });
        Assert.Equal("ảnh trẻ em 1.jpg", cover["coverImage"]!["fileName"]!.GetValue<string>());
    }

    /// <summary>A multipart body whose file name is sent as RFC 5987 <c>filename*</c>, so any character reaches the server.</summary>
    private static MultipartFormDataContent Form(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        return new MultipartFormDataContent { file };
    }
}
