using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Api.Infrastructure;

/// <summary>Collects problems with query parameters so that one 400 names every bad parameter at once.</summary>
public sealed class QueryErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message)
    {
        if (!_errors.TryGetValue(parameter, out var list))
        {
            _errors[parameter] = list = [];
        }

        list.Add(message);
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        title: "One or more validation errors occurred.");
}
