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

    /// <summary>The settings as a command: the document a JSON Merge Patch is applied to.</summary>
    public static partial SettingsCommand ToCommand(SiteSettings settings);

    /// <summary>Copies a validated, normalised command onto the tracked entity; lists are replaced whole.</summary>
    [MapperIgnoreTarget(nameof(SiteSettings.Id))]
    [MapperIgnoreTarget(nameof(SiteSettings.UpdatedAt))]
    [MapperIgnoreTarget(nameof(SiteSettings.Version))]
    public static partial void Apply(SettingsCommand command, SiteSettings settings);

    private static partial ThemeColourCommand ToCommand(ThemeColour colour);

    private static partial BannerCommand ToCommand(Banner banner);

    private static partial SiteLinkCommand ToCommand(SiteLink link);

    private static partial ThemeColour ToEntity(ThemeColourCommand colour);

    private static partial Banner ToEntity(BannerCommand banner);

    private static partial SiteLink ToEntity(SiteLinkCommand link);
}
