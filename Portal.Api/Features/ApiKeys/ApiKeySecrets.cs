using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Access;

namespace Portal.Api.Features.ApiKeys;

/// <summary>Creating, hashing and bootstrapping API keys.</summary>
internal static class ApiKeySecrets
{
    public const string SecretPrefix = "ptl_";

    /// <summary>A new secret: "ptl_" and 43 base64url characters (256 random bits).</summary>
    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static ApiKey NewKey(string name, Role role, string secret, DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Role = role,
        Prefix = secret[..Math.Min(secret.Length, 8)],
        Hash = Hash(secret),
        CreatedAt = nowUtc,
    };

    /// <summary>
    /// Stores <c>Auth:BootstrapAdminKey</c> (hashed) as an admin key when no key exists yet, so automation
    /// (CI, containers) can start with a known key. Ignored once any key exists.
    /// </summary>
    public static async Task BootstrapAsync(PortalDbContext db, string? bootstrapSecret, DateTime nowUtc, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(bootstrapSecret) || await db.ApiKeys.AnyAsync(ct))
        {
            return;
        }

        if (bootstrapSecret.Length < 24)
        {
            throw new InvalidOperationException("Auth:BootstrapAdminKey must be at least 24 characters long.");
        }

        db.ApiKeys.Add(NewKey("bootstrap admin", Role.Admin, bootstrapSecret, nowUtc));
        await db.SaveChangesAsync(ct);
    }
}
