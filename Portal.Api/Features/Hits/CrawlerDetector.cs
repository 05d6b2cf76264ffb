using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Api.Features.Hits;

/// <summary>
/// Recognises crawlers by User-Agent with the maintained pattern list of the npm package <c>crawler-user-agents</c>
/// (Features/Hits/Data, embedded; refreshed with <c>make crawlers</c>). The list is compiled once per process: the
/// ~1,450 patterns that are plain text become one multi-string search, the few real regular expressions one combined
/// compiled regex with a match timeout. A user agent whose match times out is treated as a crawler: no browser sends one.
/// </summary>
internal sealed partial class CrawlerDetector
{
    /// <summary>Name of the embedded copy of crawler-user-agents.json.</summary>
    public const string ResourceName = "Portal.Api.crawler-user-agents.json";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly SearchValues<string> _literals;
    private readonly Regex _expressions;

    public CrawlerDetector(IEnumerable<string> patterns)
    {
        var all = patterns.ToList();
        var literals = all.Where(p => LiteralPattern().IsMatch(p)).Select(Regex.Unescape).ToArray();
        var expressions = all.Where(p => !LiteralPattern().IsMatch(p)).Select(p => $"(?:{p})").DefaultIfEmpty("(?!)");
        _literals = SearchValues.Create(literals, StringComparison.Ordinal);
        _expressions = new Regex(string.Join('|', expressions), RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout);
        PatternCount = all.Count;
        // The first match compiles the regex to machine code, which counts against the timeout: do it now, not on a reader's hit.
        try
        {
            _expressions.IsMatch("Mozilla/5.0");
        }
        catch (RegexMatchTimeoutException)
        {
            // Only the warm-up was slow; later matches run compiled code.
        }
    }

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

        try
        {
            return _expressions.IsMatch(userAgent);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
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
