using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DirectiveData;

namespace Portal.Tests.Api;

/// <summary>A directive's downloadable file (Decree 42/2022/NĐ-CP art. 4.1.a), recognised from its bytes.</summary>
public sealed class DirectivesAttachmentTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string VietnameseName = "Kế hoạch số 211-KH-HU triển khai Chỉ thị 28-CT-TW về trẻ em.pdf";

    private readonly HttpClient _anonymous = portal.App.Client();

    [Fact]
    public async Task A_download_returns_the_exact_bytes_uploaded_with_the_Vietnamese_file_name_intact()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = await DraftAsync(editor);
        var bytes = Pdf();

        var created = await (await UploadAsync(editor, id, bytes, VietnameseName, "application/octet-stream")).Json(HttpStatusCode.Created);
        Assert.Equal(VietnameseName, created["fileName"]!.GetValue<string>());
        Assert.Equal("application/pdf", created["contentType"]!.GetValue<string>());
        Assert.Equal(bytes.Length, created["length"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), created["sha256"]!.GetValue<string>());
        await PublishAsync(editor, id);

        var listed = Assert.Single((await (await _anonymous.GetAsync($"/api/v1/directives/{id}")).Json())["attachments"]!.AsArray())!;
        var download = await _anonymous.GetAsync(listed["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(VietnameseName, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal($"\"{created["sha256"]}\"", download.Headers.ETag!.Tag);
        Assert.True(download.Headers.CacheControl is { Public: true } cc && cc.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {download.Headers.CacheControl}");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, listed["url"]!.GetValue<string>());
        conditional.Headers.IfNoneMatch.Add(download.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await _anonymous.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_rejected_naming_file_and_nothing_is_attached()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = await DraftAsync(editor);
        var executable = new byte[512];
        "MZ"u8.CopyTo(executable);
        "This program cannot be run in DOS mode."u8.CopyTo(executable.AsSpan(78));

        await (await UploadAsync(editor, id, executable, "Quyết định.pdf", "application/pdf")).ProblemNaming("file", HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(editor, id, Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "Quyết định.pdf", "application/pdf"))
            .ProblemNaming("file", HttpStatusCode.UnsupportedMediaType);
        var stored = await (await editor.GetAsync($"/api/v1/directives/{id}")).Json();
        Assert.Empty(stored["attachments"]!.AsArray());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_Word_file_is_recognised_from_its_content_and_named_for_what_it_is()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = await DraftAsync(editor);
        var created = await (await UploadAsync(editor, id, Docx(), "Dự thảo quyết định.pdf", "application/pdf")).Json(HttpStatusCode.Created);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", created["contentType"]!.GetValue<string>());
        Assert.Equal("Dự thảo quyết định.docx", created["fileName"]!.GetValue<string>());

        var download = await editor.GetAsync(created["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {download.Headers.CacheControl}");
        await (await _anonymous.GetAsync(created["url"]!.GetValue<string>())).Problem(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(created["url"]!.GetValue<string>())).StatusCode);
        await (await editor.GetAsync(created["url"]!.GetValue<string>())).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_upload_without_a_file_is_a_400_naming_file()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = await DraftAsync(editor);
        using var form = new MultipartFormDataContent { { new StringContent("không phải tệp"), "note" } };
        await (await editor.PostAsync($"/api/v1/directives/{id}/attachments", form)).ProblemNaming("file");
        await (await UploadAsync(editor, id, [], "rỗng.pdf")).ProblemNaming("file");
        await (await UploadAsync(_anonymous, id, Pdf(), "a.pdf")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_a_413_naming_file()
    {
        using var app = new PortalApp().Setting("Files:MaxDocumentBytes", "2048");
        var editor = await app.ClientWithRoleAsync("editor");
        var id = (await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", await IssuerAsync(editor))))["id"]!.GetValue<string>();
        var large = Pdf(4096);
        await (await UploadAsync(editor, id, large, "lớn.pdf")).ProblemNaming("file", HttpStatusCode.RequestEntityTooLarge);
        await (await UploadAsync(editor, id, Pdf(1024), "nhỏ.pdf")).Json(HttpStatusCode.Created);
    }

    /// <summary>Posts <paramref name="bytes"/> as the multipart field <c>file</c>.</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string directiveId, byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.PostAsync($"/api/v1/directives/{directiveId}/attachments", form);
    }

    /// <summary>A small file that starts like a PDF, padded to <paramref name="length"/> bytes.</summary>
    public static byte[] Pdf(int length = 600)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        "\n%%EOF\n"u8.CopyTo(bytes.AsSpan(length - 7));
        return bytes;
    }

    private static byte[] Docx() => Zip(("[Content_Types].xml", "<?xml version=\"1.0\"?><root/>"), ("word/document.xml", "<?xml version=\"1.0\"?><root/>"));

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>An OLE compound file header (version 3, 512-byte sectors) followed by one sector of zeros.</summary>
    private static byte[] Doc(bool validHeader = true)
    {
        var bytes = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        if (validHeader)
        {
            bytes[24] = 0x3E;
            bytes[26] = 3;
            bytes[28] = 0xFE;
            bytes[29] = 0xFF;
            bytes[30] = 9;
        }

        return bytes;
    }

    public static TheoryData<string, byte[]> Impostors => new()
    {
        { "a PDF header followed by garbage", [.. "%PDF-1.7\n"u8, .. Enumerable.Repeat((byte)'x', 4000)] },
        { "an OLE signature followed by garbage", Doc(validHeader: false) },
        { "a ZIP without word/document.xml", Zip(("[Content_Types].xml", "<Types/>")) },
        { "a ZIP without [Content_Types].xml", Zip(("word/document.xml", "<w/>")) },
        { "a ZIP whose mimetype is not ODT", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")) },
        { "a truncated ZIP", Docx()[..40] },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task A_file_that_only_starts_like_a_document_is_a_415_naming_file(string what, byte[] bytes)
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = await DraftAsync(editor);
        var response = await UploadAsync(editor, id, bytes, "văn bản.pdf");
        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{what}: {(int)response.StatusCode}");
        await response.ProblemNaming("file", HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Complete_PDF_DOC_and_ODT_files_are_accepted()
    {
        var editor = await portal.App.ClientWithRoleAsync("editor");
        var id = await DraftAsync(editor);
        foreach (var (bytes, type) in new[]
        {
            (Pdf(), "application/pdf"),
            (Doc(), "application/msword"),
            (Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")), "application/vnd.oasis.opendocument.text"),
        })
        {
            var created = await (await UploadAsync(editor, id, bytes, "văn bản")).Json(HttpStatusCode.Created);
            Assert.Equal(type, created["contentType"]!.GetValue<string>());
        }
    }

    private static async Task<string> DraftAsync(HttpClient editor) =>
        (await CreateAsync(editor, new DirectiveBody($"{NextNumber()}/KH-UBND", "KH", await IssuerAsync(editor))))["id"]!.GetValue<string>();
}
