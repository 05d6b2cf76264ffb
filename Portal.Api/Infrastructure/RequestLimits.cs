using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Portal.Api.Infrastructure;

/// <summary>
/// Caps JSON request bodies at <see cref="MaxJsonBodyBytes"/> (2 MB: an article body of 200,000 characters fits
/// with room to spare), or at the endpoint's own smaller limit (<see cref="IRequestSizeLimitMetadata"/>, e.g. the
/// settings' 1 MB). A larger declared length is refused before it is read; a chunked body that grows past the cap
/// fails while being read. Both answer 413 problem details. File uploads set their own limits.
/// </summary>
internal static class RequestLimits
{
    public const long MaxJsonBodyBytes = 2 * 1024 * 1024;

    /// <summary>The cap for a JSON body sent to <paramref name="context"/>'s endpoint.</summary>
    public static long JsonLimitFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } own && own < MaxJsonBodyBytes
            ? own
            : MaxJsonBodyBytes;

    public static IApplicationBuilder UseJsonBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.HasJsonContentType())
        {
            var max = JsonLimitFor(context);
            if (request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Payload Too Large", Detail = $"JSON bodies sent here are limited to {max} bytes." },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max;
            }
        }

        await next(context);
    });
}
