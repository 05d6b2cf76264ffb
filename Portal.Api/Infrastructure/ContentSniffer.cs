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
            return HasPdfTrailer(content) ? Pdf : null;
        }

        if (head.StartsWith(OleMagic))
        {
            return IsCompoundFile(content) ? Doc : null;
        }

        return head.StartsWith("PK\x03\x04"u8) ? ZipDocument(content) : null;
    }

    /// <summary>A PDF ends with <c>%%EOF</c> (ISO 32000-1 §7.5.5); readers accept a little trailing junk, so the last KiB is searched.</summary>
    private static bool HasPdfTrailer(Stream content)
    {
        var tail = new byte[(int)Math.Min(1024, content.Length)];
        content.Position = content.Length - tail.Length;
        content.ReadExactly(tail);
        content.Position = 0;
        return tail.AsSpan().LastIndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>
    /// An OLE compound file header ([MS-CFB] §2.2): after the signature, byte order FFFE, major version 3 (512-byte
    /// sectors, shift 9) or 4 (4096-byte sectors, shift 12), and a file long enough to hold the header sector.
    /// </summary>
    private static bool IsCompoundFile(Stream content)
    {
        Span<byte> header = stackalloc byte[32];
        content.Position = 0;
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read < header.Length || content.Length < 512)
        {
            return false;
        }

        var major = header[26] | (header[27] << 8);
        var shift = header[30] | (header[31] << 8);
        return header[28] == 0xFE && header[29] == 0xFF && ((major == 3 && shift == 9) || (major == 4 && shift == 12));
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
