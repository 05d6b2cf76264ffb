using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Checks the bound argument's list caps (<see cref="CollectionLimits"/>), then runs the FluentValidation validator of
/// <typeparamref name="T"/> (the rules live in Portal.Domain beside the command) on it and answers a 400 <c>ValidationProblem</c> keyed by camelCase JSON paths.
/// </summary>
/// <typeparam name="T">The command type.</typeparam>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var index = IndexOfArgument(context);
        if (index < 0 || context.Arguments[index] is not T argument)
        {
            return Problems.Invalid("body", "A JSON body is required.");
        }

        // Lists over their cap are refused before their items are normalised and validated one by one.
        var json = context.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (CollectionLimits.Check(argument, json) is { } tooMany)
        {
            return tooMany;
        }

        if (argument is INormalizable<T> normalizable)
        {
            argument = normalizable.Normalized();
            context.Arguments[index] = argument;
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : ValidationProblemOf(result);
    }

    private static int IndexOfArgument(EndpointFilterInvocationContext context)
    {
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is T)
            {
                return i;
            }
        }

        return -1;
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
