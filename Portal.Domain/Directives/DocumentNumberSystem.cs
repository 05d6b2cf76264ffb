namespace Portal.Domain.Directives;

/// <summary>
/// The numbering scheme a document number (số ký hiệu) follows. Wire names are the kebab-case
/// strings of <see cref="DocumentNumberSystems.ToWireName"/>.
/// </summary>
public enum DocumentNumberSystem
{
    /// <summary>Outside every known scheme; kept as entered. Wire name <c>unknown</c>.</summary>
    Unknown,

    /// <summary>Administrative document, <c>211/KH-UBND</c> (Decree 30/2020/NĐ-CP Appendix I, III). Wire name <c>state</c>.</summary>
    State,

    /// <summary>Legal normative document with its year, <c>30/2020/NĐ-CP</c>. Wire name <c>state-legal</c>.</summary>
    StateLegal,

    /// <summary>Công văn without a type code, issuer then drafting unit: <c>2457/UBND-VX</c>. Wire name <c>state-letter</c>.</summary>
    StateLetter,

    /// <summary>National Assembly or its Standing Committee, ending in the term: <c>64/2025/QH15</c>. Wire name <c>national-assembly</c>.</summary>
    NationalAssembly,

    /// <summary>Communist Party, <c>28-CT/TW</c> (Guidance 36-HD/VPTW, 2018). Wire name <c>party</c>.</summary>
    Party,

    /// <summary>Pre-2000s State number still cited, <c>05-CP</c>. Wire name <c>legacy</c>.</summary>
    Legacy,
}

/// <summary>Wire names of <see cref="DocumentNumberSystem"/> as used in the API and the fixtures.</summary>
public static class DocumentNumberSystems
{
    private static readonly Dictionary<DocumentNumberSystem, string> WireNames = new()
    {
        [DocumentNumberSystem.Unknown] = "unknown",
        [DocumentNumberSystem.State] = "state",
        [DocumentNumberSystem.StateLegal] = "state-legal",
        [DocumentNumberSystem.StateLetter] = "state-letter",
        [DocumentNumberSystem.NationalAssembly] = "national-assembly",
        [DocumentNumberSystem.Party] = "party",
        [DocumentNumberSystem.Legacy] = "legacy",
    };

    /// <summary>The kebab-case name, e.g. <c>state-legal</c>.</summary>
    public static string ToWireName(this DocumentNumberSystem system) =>
        WireNames.TryGetValue(system, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(system), system, "Not a document number system.");

    /// <summary>Reads a kebab-case name (exact, lower case); false for anything else.</summary>
    public static bool TryParseWireName(string? wireName, out DocumentNumberSystem system)
    {
        foreach (var (candidate, name) in WireNames)
        {
            if (string.Equals(name, wireName, StringComparison.Ordinal))
            {
                system = candidate;
                return true;
            }
        }

        system = DocumentNumberSystem.Unknown;
        return false;
    }
}
