using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Api.Features.Hits;

/// <summary>
/// Recognises crawlers by User-Agent with the maintained pattern list of the npm package <c>crawler-user-agents</c>
/// (Features/Hits/Data, embedded; refreshed with <c>make crawlers</c>). The list is compiled once per process: the
/// ~1,450 patterns that are plain text become one multi-string search, the few real regular expressions one combined
/// regex on .NET's non-backtracking engine (<see cref="RegexOptions.NonBacktracking"/>), which runs in time linear in
/// the User-Agent's length. The answer depends on the User-Agent alone: there is no match timeout, so a busy machine or
/// a GC pause can slow a hit down but never turn a browser into a crawler. A pattern the engine does
/// not support (backreferences, lookarounds) fails at construction, and a test compiles the whole list.
/// </summary>
internal sealed partial class CrawlerDetector
{
    /// <summary>Name of the embedded copy of crawler-user-agents.json.</summary>
    public const string ResourceName = "Portal.Api.crawler-user-agents.json";

    /// <summary>The engine options of the combined expression: linear time, so no timeout is needed.</summary>
    internal const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private readonly SearchValues<string> _literals;
    private readonly Regex? _expressions;

    public CrawlerDetector(IEnumerable<string> patterns)
    {
        var all = patterns.ToList();
        var literals = all.Where(p => LiteralPattern().IsMatch(p)).Select(Regex.Unescape).ToArray();
        var expressions = all.Where(p => !LiteralPattern().IsMatch(p)).Select(p => $"(?:{p})").ToList();
        _literals = SearchValues.Create(literals, StringComparison.Ordinal);
        // The timeout is given explicitly, so that a process-wide REGEX_DEFAULT_MATCH_TIMEOUT cannot bring one back.
        _expressions = expressions.Count == 0
            ? null
            : new Regex(string.Join('|', expressions), Options, Regex.InfiniteMatchTimeout);
        PatternCount = all.Count;
    }

    /// <summary>The combined expression of the patterns that are not plain text (null when there are none).</summary>
    internal Regex? Expressions => _expressions;

    /// <summary>How many patterns the list holds.</summary>
    public int PatternCount { get; }

    /// <summary>The detector built from the embedded list, compiled on first use.</summary>
    public static CrawlerDetector Embedded => Shared.Value;

    private static readonly Lazy<CrawlerDetector> Shared = new(() => new CrawlerDetector(ReadPatterns(OpenEmbeddedList())));

    /// <summary>True when <paramref name="userAgent"/> matches a crawler pattern. A missing User-Agent is not a crawler by itself.</summary>
    public bool IsCrawler(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return false;
        }

        if (userAgent.AsSpan().ContainsAny(_literals))
        {
            return true;
        }

        return _expressions?.IsMatch(userAgent) == true;
    }

    /// <summary>The <c>pattern</c> of every entry of a crawler-user-agents.json document.</summary>
    public static IReadOnlyList<string> ReadPatterns(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.GetProperty("pattern").GetString()!).ToList();
    }

    public static Stream OpenEmbeddedList() =>
        typeof(CrawlerDetector).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Portal.Api.");

    // Text and the escapes \/ \. \- \\ and "\ " only: no classes, groups, anchors, quantifiers or alternation.
    [GeneratedRegex(@"^(?:[^\\\[\](){}.*+?^$|]|\\[/.\-\\ ])+$", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralPattern();
}
