using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Runs the FluentValidation validator of <typeparamref name="T"/> (the rules live in Portal.Domain beside the
/// command) on the bound argument and answers a 400 <c>ValidationProblem</c> keyed by camelCase JSON paths.
/// </summary>
/// <typeparam name="T">The command type.</typeparam>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return Problems.Invalid("body", "A JSON body is required.");
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : ValidationProblemOf(result);
    }

    public static ValidationProblem ValidationProblemOf(ValidationResult result) => TypedResults.ValidationProblem(
        result.Errors
            .GroupBy(e => JsonPath(e.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
        title: "One or more validation errors occurred.");

    /// <summary>"CoverImage.Caption" → "coverImage.caption"; "Links[2].Url" → "links[2].url".</summary>
    public static string JsonPath(string propertyName) => string.IsNullOrEmpty(propertyName)
        ? "body"
        : string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}

internal static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> body before the handler runs; documents the 400.</summary>
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
