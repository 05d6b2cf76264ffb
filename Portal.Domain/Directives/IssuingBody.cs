namespace Portal.Domain.Directives;

/// <summary>
/// A cơ quan ban hành. Bodies have validity periods: districts were abolished in the 2025 local-government
/// reform and some provinces merged, so a body may end and name a successor while its documents survive
/// (they keep the issuer's name as printed).
/// </summary>
public sealed class IssuingBody
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Code as used in numbers, e.g. "HU", "TW", "UBND". Not unique: every district committee is HU.</summary>
    public string Code { get; set; } = "";

    /// <summary>central, province, district or commune (<see cref="IssuingBodyLevels"/>).</summary>
    public string Level { get; set; } = "";

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public Guid? SuccessorId { get; set; }

    /// <summary>The body that took over its duties, e.g. the province after a district ended.</summary>
    public IssuingBody? Successor { get; set; }

    /// <summary>Revision, incremented by every write; the basis of If-Match.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>The administrative levels of issuing bodies (two-level local government since 1 July 2025).</summary>
public static class IssuingBodyLevels
{
    public const string Central = "central";
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";

    /// <summary>Every level, from the top.</summary>
    public static IReadOnlyList<string> All { get; } = [Central, Province, District, Commune];
}
