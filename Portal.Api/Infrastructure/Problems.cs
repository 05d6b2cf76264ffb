using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>
/// RFC 9457 problem details for every error. Expected outcomes (not found, stale ETag…) are returned by
/// handlers; this class also turns the framework's binding failures (malformed query values, malformed JSON,
/// wrong content type, oversized bodies) into problems that name the offending field.
/// </summary>
internal static partial class Problems
{
    public static IServiceCollection AddPortalProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Type ??= TypeOf(ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode);
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ForeignKeyConflictHandler>();
        // Binding failures throw so that the handler above can name the parameter instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// The <c>type</c> of a problem with <paramref name="status"/>, so that every problem has one: the section of the RFC
    /// that defines the status, as ASP.NET Core gives for the statuses it knows (RFC 9110 §15; 428, 429 and 431 are
    /// RFC 6585's); "about:blank" (RFC 9457 §4.2.1: no more than the status says) for any other.
    /// </summary>
    public static string TypeOf(int status)
    {
        // RFC 9110 numbers its status sections in order: 15.5.1 is 400, … 15.5.19 is 418, then 421, 422, 426.
        int[] clientErrors = [400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 426];
        var client = Array.IndexOf(clientErrors, status);
        return status switch
        {
            _ when client >= 0 => $"https://tools.ietf.org/html/rfc9110#section-15.5.{client + 1}",
            >= 500 and <= 505 => $"https://tools.ietf.org/html/rfc9110#section-15.6.{status - 499}",
            StatusCodes.Status428PreconditionRequired => "https://tools.ietf.org/html/rfc6585#section-3",
            StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "https://tools.ietf.org/html/rfc6585#section-5",
            _ => "about:blank",
        };
    }

    /// <summary>Declares, for every endpoint of the group, each problem status it can return (openapi.json tells the truth).</summary>
    public static RouteGroupBuilder ProducesProblems(this RouteGroupBuilder group, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            group.ProducesProblem(status);
        }

        return group;
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed");

    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition Required");

    public static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unprocessable Content");

    /// <summary>
    /// A problem at <paramref name="status"/> whose <c>errors</c> name the fields concerned, as a validation problem's
    /// do: for state rules (409, 422) and rejected uploads (413, 415) as much as for 400s.
    /// </summary>
    public static ProblemHttpResult Fields(int status, string detail, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: TitleOf(status), extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });

    /// <summary><see cref="Fields"/> for one field, the detail doubling as its message.</summary>
    public static ProblemHttpResult Field(int status, string field, string detail) =>
        Fields(status, detail, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [detail] });

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable Content",
        _ => "One or more validation errors occurred.",
    };

    /// <summary>A 400 validation problem with one message for one field (camelCase JSON name or query parameter).</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "One or more validation errors occurred.");

    /// <summary>Maps <see cref="BadHttpRequestException"/> (thrown by parameter binding) to a problem naming the field.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            var status = bad.StatusCode;
            string detail;
            string? field;
            if (bad.InnerException is JsonException json)
            {
                // The serializer's messages name .NET types; the client needs the JSON path and what was wrong, in JSON terms.
                // The exception handler clears the endpoint before handlers run; the feature keeps the one that failed.
                var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
                var root = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var options = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                (field, detail) = JsonErrors.Describe(json, root, options);
            }
            else
            {
                (field, detail) = (FieldOf(bad), Describe(bad));
            }

            var problem = new ProblemDetails
            {
                Status = status,
                Title = TitleOf(status),
                Detail = detail,
            };
            if (status == StatusCodes.Status400BadRequest && field is not null)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail] };
            }

            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        }

        private static string Describe(BadHttpRequestException bad) => bad switch
        {
            _ when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is larger than this operation accepts.",
            _ when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) =>
                "A request body is required.",
            _ when ReadFailure().Match(bad.Message) is { Success: true } r =>
                $"The request body could not be read as '{JsonNamingPolicy.CamelCase.ConvertName(r.Groups["name"].Value)}': it is malformed or incomplete.",
            _ => BindFailure().Match(bad.Message) is { Success: true } m
                ? $"'{m.Groups["value"].Value}' is not a valid value for '{JsonNamingPolicy.CamelCase.ConvertName(m.Groups["name"].Value)}'{FormOf(m.Groups["type"].Value)}."
                : "The request could not be read.",
        };

        // Time parameters say which form they take (IsoTime): the value refused is often a form another server accepted.
        // The framework names the parameter's type as "QueryDate? from" or "Nullable<QueryDate> from".
        private static string FormOf(string type) => type switch
        {
            _ when type.Contains(nameof(QueryInstant), StringComparison.Ordinal) => $": it must be {IsoTime.InstantForm}",
            _ when type.Contains(nameof(QueryDate), StringComparison.Ordinal) => $": it must be {IsoTime.DateForm}",
            _ => "",
        };

        private static string? FieldOf(BadHttpRequestException bad)
        {
            var m = BindFailure().Match(bad.Message);
            if (!m.Success)
            {
                m = ReadFailure().Match(bad.Message);
            }

            return m.Success && m.Groups["name"].Value is { } name && !name.Equals("command", StringComparison.Ordinal)
                ? JsonNamingPolicy.CamelCase.ConvertName(name)
                : "body";
        }
    }

    /// <summary>"$.coverImage.caption" → "coverImage.caption"; "$.tags[2]" → "tags[2]".</summary>
    public static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // The framework's message: Failed to bind parameter "int? page" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?:(?<type>[^"]*)\s)?(?<name>[A-Za-z0-9_]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    // The framework's message: Failed to read parameter "IFormFile file" from the request body as form.
    [GeneratedRegex("""^Failed to read parameter "(?:[^"]*\s)?(?<name>[A-Za-z0-9_]+)" """, RegexOptions.Singleline)]
    private static partial Regex ReadFailure();
}

internal static class ProblemMetadata
{
    /// <summary>Declares each of <paramref name="statuses"/> as a problem response, so openapi.json lists every error the route can answer.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
