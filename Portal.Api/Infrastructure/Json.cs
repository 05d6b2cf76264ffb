using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Api.Infrastructure;

internal static class Json
{
    /// <summary>camelCase properties, enums as lower camelCase strings ("published"), nulls written (every documented
    /// property is always present), and request bodies closed as openapi.json declares them (additionalProperties
    /// false): a member the body's type does not define — a typo, a server-owned field — or a member given twice
    /// (RFC 8259 §4: the names within an object should be unique; which one wins differs between parsers) fails
    /// binding, which <see cref="Problems"/> answers with a 400 naming the member (<see cref="JsonErrors"/>). Instants
    /// and dates are read by one rule whatever the server's zone and culture (<see cref="TimeJson"/>).</summary>
    public static IServiceCollection AddPortalJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.AllowDuplicateProperties = false;
            TimeJson.AddTo(o.SerializerOptions.Converters);
        });
}
