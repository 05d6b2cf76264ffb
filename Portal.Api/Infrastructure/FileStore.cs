using System.Security.Cryptography;

namespace Portal.Api.Infrastructure;

/// <summary>File store options, bound from the <c>Files</c> configuration section.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Root folder of stored files; relative paths resolve against the working directory. Default <c>data/files</c>.</summary>
    public string Root { get; set; } = "data/files";

    /// <summary>Largest image upload in bytes (default 10 MB).</summary>
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest document attachment in bytes (default 20 MB).</summary>
    public long MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>
/// Content-addressed file storage under the data folder: a file is written once under a name derived from its
/// SHA-256, so the same bytes uploaded twice share one file and a stored file never changes.
/// </summary>
public sealed class FileStore(FileStoreOptions options)
{
    private readonly string _root = Path.GetFullPath(options.Root);

    public FileStoreOptions Options => options;

    /// <summary>Copies <paramref name="content"/> into the store; returns its relative path, SHA-256 (hex) and length.</summary>
    public async Task<StoredFile> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        var temp = Path.Combine(_root, $".upload-{Guid.NewGuid():N}");
        string hash;
        long length;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            length = 0;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                length += read;
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        var relative = Path.Combine(hash[..2], hash + extension);
        var target = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temp);
        }
        else
        {
            File.Move(temp, target);
        }

        return new StoredFile(relative.Replace('\\', '/'), hash, length);
    }

    /// <summary>Opens a stored file for reading, or null when it is missing.</summary>
    public Stream? OpenRead(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        return full.StartsWith(_root, StringComparison.Ordinal) && File.Exists(full)
            ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
    }
}

/// <summary>A file written to the <see cref="FileStore"/>.</summary>
public sealed record StoredFile(string RelativePath, string Sha256, long Length);
