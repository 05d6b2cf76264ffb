using Microsoft.AspNetCore.Http.Features;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Caps JSON request bodies at <see cref="MaxJsonBodyBytes"/> (2 MB: an article body of 200,000 characters fits
/// with room to spare). A larger declared length is refused before it is read; a chunked body that grows past
/// the cap fails while being read. Both answer 413 problem details. File uploads set their own limits.
/// </summary>
internal static class RequestLimits
{
    public const long MaxJsonBodyBytes = 2 * 1024 * 1024;

    public static IApplicationBuilder UseJsonBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.HasJsonContentType())
        {
            if (request.ContentLength > MaxJsonBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Payload Too Large", Detail = $"JSON bodies are limited to {MaxJsonBodyBytes} bytes." },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxJsonBodyBytes;
            }
        }

        await next(context);
    });
}
