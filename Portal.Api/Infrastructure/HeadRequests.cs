using Microsoft.AspNetCore.Routing;

namespace Portal.Api.Infrastructure;

/// <summary>
/// HEAD wherever GET (RFC 9110 §9.3.2): every endpoint that answers GET also answers HEAD with the same status and
/// headers (ETag, Cache-Control, Content-Type, Content-Length) and no body — the server drops the body the handler
/// writes. If-None-Match gives 304 as for GET. The reader cache serves and stores GETs only, so a HEAD can never leave
/// an empty body for a later GET. openapi.json lists only the GET operations.
/// </summary>
internal static class HeadRequests
{
    /// <summary>Adds HEAD to the methods of every GET endpoint mapped through <paramref name="builder"/> (a route group).</summary>
    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        // Finally: after every endpoint's own conventions, so the methods seen are the ones the endpoint ends up with.
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
