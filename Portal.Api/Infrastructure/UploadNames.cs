using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>
/// The name a stored upload is served under (Content-Disposition): the uploader's name with its Vietnamese intact
/// (NFC), once <see cref="FileNames"/> accepts it, at most 255 characters, and ending in the extension of the type its
/// bytes were found to be — so "Quyết định.pdf" that is really a DOCX downloads as "Quyết định.docx".
/// </summary>
internal static class UploadNames
{
    public const int MaxLength = 255;

    private static readonly HashSet<string> KnownExtensions = new(
        [".pdf", ".doc", ".docx", ".odt", ".jpg", ".jpeg", ".png", ".gif", ".webp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The 400 problem naming <paramref name="field"/> when the multipart file name <paramref name="uploaded"/> is refused; null when it may be stored.</summary>
    public static ProblemHttpResult? Check(string? uploaded, string field) =>
        FileNames.Refusal(FileNames.Normalize(uploaded ?? "")) is { } refusal && !string.IsNullOrWhiteSpace(uploaded)
            ? Problems.Field(StatusCodes.Status400BadRequest, field, $"The file name is refused. {refusal}")
            : null;

    /// <summary>The name to store for an upload <see cref="Check"/> accepted; <paramref name="fallback"/> (without extension) when none was sent.</summary>
    public static string Clean(string? uploaded, SniffedType type, string fallback)
    {
        var name = FileNames.Normalize(uploaded ?? "");
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
