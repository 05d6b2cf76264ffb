using System.Linq.Expressions;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Parses <c>sort=-publishedAt,title</c> (minus for descending) against a fixed set of fields and applies it
/// with a final tie-break on the id, so that the order is total and paging never repeats or skips an item.
/// </summary>
/// <typeparam name="T">The entity being ordered.</typeparam>
public sealed class SortFields<T>
{
    private readonly Dictionary<string, ISortField> _fields = new(StringComparer.Ordinal);
    private readonly SortField<Guid> _tieBreak;
    private readonly string _default;

    public SortFields(Expression<Func<T, Guid>> id, string defaultSort)
    {
        _tieBreak = new SortField<Guid>(id);
        _default = defaultSort;
    }

    /// <summary>The field names a client may sort by.</summary>
    public IEnumerable<string> Names => _fields.Keys;

    /// <summary>The accepted syntax as a regular expression (for the API document): known fields, comma-separated, each optionally prefixed with '-'.</summary>
    public string Pattern
    {
        get
        {
            var one = "-?(" + string.Join('|', _fields.Keys) + ")";
            return $"^{one}(,{one})*$";
        }
    }

    public SortFields<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _fields[name] = new SortField<TKey>(key);
        return this;
    }

    /// <summary>Orders <paramref name="query"/> by <paramref name="sort"/> (or the default), recording unknown fields as errors.</summary>
    public IQueryable<T> Apply(IQueryable<T> query, string? sort, QueryErrors errors)
    {
        var spec = string.IsNullOrWhiteSpace(sort) ? _default : sort;
        IOrderedQueryable<T>? ordered = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var descending = raw.StartsWith('-');
            var name = descending ? raw[1..] : raw;
            if (!_fields.TryGetValue(name, out var field) || !seen.Add(name))
            {
                errors.Add("sort", $"'{raw}' is not a sort field; use a comma-separated list of {string.Join(", ", Names)}, each optionally prefixed with '-', each once.");
                return query;
            }

            ordered = field.Apply(query, ordered, descending);
        }

        return _tieBreak.Apply(query, ordered, descending: false);
    }

    private interface ISortField
    {
        IOrderedQueryable<T> Apply(IQueryable<T> query, IOrderedQueryable<T>? ordered, bool descending);
    }

    private sealed class SortField<TKey>(Expression<Func<T, TKey>> key) : ISortField
    {
        public IOrderedQueryable<T> Apply(IQueryable<T> query, IOrderedQueryable<T>? ordered, bool descending) => (ordered, descending) switch
        {
            (null, false) => query.OrderBy(key),
            (null, true) => query.OrderByDescending(key),
            (_, false) => ordered.ThenBy(key),
            (_, true) => ordered.ThenByDescending(key),
        };
    }
}
