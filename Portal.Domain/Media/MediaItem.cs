namespace Portal.Domain.Media;

/// <summary>What a stored file is for: article images or directive attachments (same file store).</summary>
public enum MediaKind
{
    Image,
    Document,
}

/// <summary>
/// A file in Portal's file store. The content type is decided from the bytes (magic numbers), never from the
/// name; <see cref="Sha256"/> lets integrators verify a download.
/// </summary>
public sealed class MediaItem
{
    public Guid Id { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>The uploader's file name, NFC, as shown in Content-Disposition (Vietnamese names kept intact).</summary>
    public string FileName { get; set; } = "";

    /// <summary>Detected content type, e.g. image/jpeg, application/pdf.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>Pixel width (images only).</summary>
    public int? Width { get; set; }

    /// <summary>Pixel height (images only).</summary>
    public int? Height { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Path inside the file store, relative to its root.</summary>
    public string StoragePath { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
