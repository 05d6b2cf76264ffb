namespace Portal.Api.Infrastructure;

/// <summary>
/// <c>X-Content-Type-Options: nosniff</c> on every response Portal writes — JSON, problem details (404, 405, 500 included),
/// media and attachments, Swagger UI, the API document and /health — so a browser never runs a response as a type it
/// guessed instead of the one declared. Set when the response starts, so it survives the exception handler clearing
/// the headers of a failed response.
/// </summary>
internal static class NoSniff
{
    public static IApplicationBuilder UseNoSniff(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
