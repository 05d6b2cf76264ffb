using Portal.Domain.Settings;
using Riok.Mapperly.Abstractions;

namespace Portal.Api.Features.Settings;

/// <summary>Compile-time mapping (Mapperly) between settings entities, commands and responses.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class SettingsMapper
{
    public static partial SettingsResponse ToResponse(SiteSettings settings);

    public static partial ThemeColourResponse ToResponse(ThemeColour colour);

    public static partial BannerResponse ToResponse(Banner banner);

    public static partial SiteLinkResponse ToResponse(SiteLink link);
}
