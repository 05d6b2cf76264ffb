using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Api.Infrastructure;

internal static class Json
{
    /// <summary>camelCase properties, enums as lower camelCase strings ("published"), nulls written (every documented
    /// property is always present), and unknown properties ignored on input so read-only fields are never applied.</summary>
    public static IServiceCollection AddPortalJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
}
