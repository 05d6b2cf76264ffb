using Portal.Domain.Text;

namespace Portal.Api.Infrastructure;

/// <summary>
/// The name a stored upload is served under (Content-Disposition): the uploader's name with its Vietnamese intact
/// (NFC), without folder parts or control characters, at most 255 characters, and ending in the extension of the
/// type its bytes were found to be — so "Quyết định.pdf" that is really a DOCX downloads as "Quyết định.docx".
/// </summary>
internal static class UploadNames
{
    public const int MaxLength = 255;

    private static readonly HashSet<string> KnownExtensions = new(
        [".pdf", ".doc", ".docx", ".odt", ".jpg", ".jpeg", ".png", ".gif", ".webp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The cleaned name; <paramref name="fallback"/> (without extension) when nothing usable was sent.</summary>
    public static string Clean(string? uploaded, SniffedType type, string fallback)
    {
        var name = VietnameseText.Nfc(uploaded ?? "");
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        var extension = Path.GetExtension(name);
        var stem = KnownExtensions.Contains(extension) ? name[..^extension.Length].TrimEnd() : name;
        if (stem.Trim('.', ' ').Length == 0)
        {
            stem = fallback;
        }

        if (stem.Length > MaxLength - type.Extension.Length)
        {
            stem = stem[..(MaxLength - type.Extension.Length)];
        }

        return stem + type.Extension;
    }
}
