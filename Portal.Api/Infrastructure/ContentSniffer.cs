using System.IO.Compression;

namespace Portal.Api.Infrastructure;

/// <summary>A detected file type: its content type and the extension Portal stores it under.</summary>
public sealed record SniffedType(string ContentType, string Extension);

/// <summary>
/// Decides a file's type from its bytes (magic numbers), never from its name or the client's Content-Type, so an
/// executable renamed to .pdf is recognised as not a PDF. Office formats are told apart by their container:
/// DOC is an OLE compound file, DOCX a ZIP with <c>word/document.xml</c>, ODT a ZIP whose <c>mimetype</c>
/// entry says <c>application/vnd.oasis.opendocument.text</c>.
/// </summary>
public static class ContentSniffer
{
    public static readonly SniffedType Jpeg = new("image/jpeg", ".jpg");
    public static readonly SniffedType Png = new("image/png", ".png");
    public static readonly SniffedType Gif = new("image/gif", ".gif");
    public static readonly SniffedType WebP = new("image/webp", ".webp");
    public static readonly SniffedType Pdf = new("application/pdf", ".pdf");
    public static readonly SniffedType Doc = new("application/msword", ".doc");
    public static readonly SniffedType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly SniffedType Odt = new("application/vnd.oasis.opendocument.text", ".odt");

    private const string OdtMime = "application/vnd.oasis.opendocument.text";

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The image type of <paramref name="head"/> (the first bytes of the file), or null.</summary>
    public static SniffedType? Image(ReadOnlySpan<byte> head) =>
        head.StartsWith(JpegMagic) ? Jpeg
        : head.StartsWith(PngMagic) ? Png
        : head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? Gif
        : head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? WebP
        : null;

    /// <summary>The document type of a seekable stream (PDF, DOC, DOCX or ODT), or null. Leaves the stream at 0.</summary>
    public static SniffedType? Document(Stream content)
    {
        Span<byte> buffer = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> head = buffer[..read];
        content.Position = 0;
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(OleMagic))
        {
            return Doc;
        }

        return head.StartsWith("PK\x03\x04"u8) ? ZipDocument(content) : null;
    }

    private static SniffedType? ZipDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null)
            {
                return Docx;
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == OdtMime ? Odt : null;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
