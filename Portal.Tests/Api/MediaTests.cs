using System.Net;
using System.Net.Http.Headers;
using Portal.Tests.Infrastructure;
using SkiaSharp;

namespace Portal.Tests.Api;

public sealed class MediaTests : IDisposable
{
    private readonly PortalApp _app = new();

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Red);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task An_uploaded_image_reports_its_size_and_is_served_with_long_lived_caching()
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var bytes = Png(64, 48);
        var media = await (await editor.PostAsync("/api/v1/media", Form(bytes, "ảnh trẻ em.png", "application/octet-stream"))).Json(HttpStatusCode.Created);
        Assert.Equal("image/png", media["contentType"]!.GetValue<string>());
        Assert.Equal(64, media["width"]!.GetValue<int>());
        Assert.Equal(48, media["height"]!.GetValue<int>());
        Assert.Equal("ảnh trẻ em.png", media["fileName"]!.GetValue<string>());

        var download = await _app.Client().GetAsync(media["url"]!.GetValue<string>());
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.True(download.Headers.CacheControl is { Public: true } cc && cc.MaxAge >= TimeSpan.FromDays(365));

        var article = await editor.CreateArticleAsync(new { title = Editing.Unique("Có ảnh"), coverImage = new { mediaId = media["id"], caption = "Chú thích", altText = "Mô tả" } });
        Assert.Equal(media["url"]!.GetValue<string>(), article["coverImage"]!["url"]!.GetValue<string>());
    }

    /// <summary>
    /// Bytes of a type media does not take are 415 naming file, as for directive attachments (RFC 9110 §15.5.16: the
    /// content's format, found by inspecting it); bytes of an accepted type that do not decode are a 400.
    /// </summary>
    [Theory]
    [InlineData("MZ\u0090\0\u0003 fake executable", "photo.jpg", "image/jpeg", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("%PDF-1.7 not an image", "photo.png", "image/png", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "logo.svg", "image/svg+xml", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("\u0089PNG\r\n\u001a\n but truncated garbage", "broken.png", "image/png", HttpStatusCode.BadRequest)]
    public async Task A_file_that_is_not_a_decodable_image_is_rejected_whatever_its_name(string content, string name, string declared, HttpStatusCode status)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var bytes = System.Text.Encoding.Latin1.GetBytes(content);
        await (await editor.PostAsync("/api/v1/media", Form(bytes, name, declared))).ProblemNaming("file", status);
    }

    [Fact]
    public async Task Uploads_over_the_limit_are_413_and_need_an_editor()
    {
        _app.Setting("Files:MaxImageBytes", "1000");
        await (await _app.Client().PostAsync("/api/v1/media", Form(Png(8, 8), "a.png", "image/png"))).Problem(HttpStatusCode.Unauthorized);
        var editor = await _app.ClientWithRoleAsync("editor");
        await (await editor.PostAsync("/api/v1/media", Form(Png(400, 400), "big.png", "image/png"))).Problem(HttpStatusCode.RequestEntityTooLarge);
        await (await editor.PostJson("/api/v1/media", new { file = "x" })).Problem(HttpStatusCode.UnsupportedMediaType);
    }

    public void Dispose() => _app.Dispose();
}
