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

    /// <summary>An image of <paramref name="format"/> whose pixels vary (so that it compresses like a photo, not to nothing).</summary>
    internal static byte[] Encoded(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(width * 31 + height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)(x * 7), (byte)(y * 3)));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A 1 × 1 GIF89a (one frame, or <paramref name="frames"/> frames of an animation), written by hand: Skia does not encode GIF.</summary>
    internal static byte[] Gif(int frames = 1)
    {
        byte[] header = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0];
        byte[] frame = [0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
        byte[] loop = [0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0];
        return [.. header, .. frames > 1 ? loop : [], .. Enumerable.Repeat(frame, frames).SelectMany(f => f), 0x3B];
    }

    /// <summary><paramref name="png"/> with its IHDR saying <paramref name="width"/> × <paramref name="height"/> (CRC corrected), its pixel data unchanged.</summary>
    private static byte[] WithDeclaredSize(byte[] png, int width, int height)
    {
        var bytes = (byte[])png.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    private static byte[] Half(byte[] bytes) => bytes[..(bytes.Length / 2)];

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public static TheoryData<string, byte[], string> Undecodable => new()
    {
        { "a GIF header followed by a script", "GIF89a<script>alert(1)</script>"u8.ToArray(), "29500 × 29283" },
        { "a 17-byte GIF header claiming 60000 × 60000", [.. "GIF89a"u8, 0x60, 0xEA, 0x60, 0xEA, 0, 0, 0, 0x2C, 0, 0, 0], "decode" },
        { "a PNG whose pixel data holds 10 of its 100 rows", WithDeclaredSize(Encoded(SKEncodedImageFormat.Png, 100, 10), 100, 100), "cut short" },
        { "a PNG declaring 16000 × 16000", WithDeclaredSize(Encoded(SKEncodedImageFormat.Png, 300, 200), 16000, 16000), "16000 × 16000" },
        { "a PNG declaring 8000 × 8000 (64 megapixels)", WithDeclaredSize(Encoded(SKEncodedImageFormat.Png, 300, 200), 8000, 8000), "50 megapixels" },
        { "a PNG 16385 pixels wide", Encoded(SKEncodedImageFormat.Png, 16385, 1), "16384 pixels a side" },
        { "a PNG cut in half", Half(Encoded(SKEncodedImageFormat.Png, 120, 80)), "decode" },
        { "a JPEG cut in half", Half(Encoded(SKEncodedImageFormat.Jpeg, 120, 80)), "decode" },
        { "a WebP cut in half", Half(Encoded(SKEncodedImageFormat.Webp, 120, 80)), "decode" },
        { "a GIF cut in its pixel data", Gif()[..^4], "decode" },
    };

    /// <summary>Every pixel is decoded (after the size cap) before an image is accepted; anything short of a complete decode is a 400 naming file.</summary>
    [Theory]
    [MemberData(nameof(Undecodable))]
    public async Task An_image_that_does_not_decode_completely_or_is_too_large_is_400(string why, byte[] bytes, string message)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var problem = await (await editor.PostAsync("/api/v1/media", Form(bytes, "anh.png", "image/png"))).ProblemNaming("file");
        Assert.True(problem["errors"]!["file"]![0]!.GetValue<string>().Contains(message, StringComparison.Ordinal), $"{why}: {problem}");
    }

    public static TheoryData<string, byte[], string, int, int> Decodable => new()
    {
        { "JPEG", Encoded(SKEncodedImageFormat.Jpeg, 120, 80), "image/jpeg", 120, 80 },
        { "PNG", Encoded(SKEncodedImageFormat.Png, 120, 80), "image/png", 120, 80 },
        { "WebP", Encoded(SKEncodedImageFormat.Webp, 120, 80), "image/webp", 120, 80 },
        { "GIF", Gif(), "image/gif", 1, 1 },
        { "animated GIF", Gif(frames: 3), "image/gif", 1, 1 },
        { "PNG 16384 pixels wide", Encoded(SKEncodedImageFormat.Png, 16384, 1), "image/png", 16384, 1 },
    };

    [Theory]
    [MemberData(nameof(Decodable))]
    public async Task Complete_images_of_each_type_are_accepted_and_served_with_nosniff(string why, byte[] bytes, string type, int width, int height)
    {
        var editor = await _app.ClientWithRoleAsync("editor");
        var media = await (await editor.PostAsync("/api/v1/media", Form(bytes, "anh.jpg", "application/octet-stream"))).Json(HttpStatusCode.Created);
        Assert.Equal(type, media["contentType"]!.GetValue<string>());
        Assert.Equal((width, height), (media["width"]!.GetValue<int>(), media["height"]!.GetValue<int>()));

        var download = await _app.Client().GetAsync(media["url"]!.GetValue<string>());
        Assert.True(download.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", why);
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
