namespace Portal.Domain.Access;

/// <summary>The roles of API.md: editors write articles and directives; admins do everything.</summary>
public enum Role
{
    Editor,
    Admin,
}

/// <summary>
/// An API key. Only the SHA-256 of the secret is stored: keys are 256-bit random values, so a fast hash is
/// enough, and a database leak does not reveal a usable key. <see cref="Prefix"/> identifies a key in lists.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Role Role { get; set; }

    /// <summary>The first characters of the secret (e.g. "ptl_Xy12"), safe to show.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
