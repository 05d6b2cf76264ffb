using Portal.Api.Infrastructure;

namespace Portal.Api.Features.Settings;

/// <summary>The site settings a frontend renders in every footer and header. Instants UTC.</summary>
/// <param name="SiteName">Portal name.</param>
/// <param name="GoverningAgency">Cơ quan chủ quản.</param>
/// <param name="ResponsiblePerson">Chịu trách nhiệm nội dung.</param>
/// <param name="StandingAgency">Cơ quan thường trực.</param>
/// <param name="Address">Địa chỉ.</param>
/// <param name="Phone">Điện thoại, as printed, e.g. (0251).3861114.</param>
/// <param name="Fax">Fax, or null.</param>
/// <param name="Email">E-mail.</param>
/// <param name="RepublishNotice">The "cite the source when republishing" notice.</param>
/// <param name="LinksTitle">Heading of the links section.</param>
/// <param name="ThemeColours">Colour themes offered to readers; exactly one is the default.</param>
/// <param name="Banners">Anonymous callers see only banners active now; admins see all.</param>
/// <param name="Links">Website links in display order.</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
/// <param name="Version">Revision; the ETag is derived from it.</param>
public sealed record SettingsResponse(
    string SiteName,
    string GoverningAgency,
    string ResponsiblePerson,
    string? StandingAgency,
    string Address,
    string Phone,
    string? Fax,
    string Email,
    string? RepublishNotice,
    string? LinksTitle,
    IReadOnlyList<ThemeColourResponse> ThemeColours,
    IReadOnlyList<BannerResponse> Banners,
    IReadOnlyList<SiteLinkResponse> Links,
    DateTime UpdatedAt,
    int Version) : IVersioned;

/// <summary>A colour theme, e.g. { key: "do", name: "Màu đỏ", hex: "#C8102E", isDefault: true }.</summary>
public sealed record ThemeColourResponse(string Key, string Name, string Hex, bool IsDefault);

/// <summary>A banner and its display period (UTC instants; null = open-ended).</summary>
public sealed record BannerResponse(string Title, string? ImageUrl, string? LinkUrl, DateTime? StartsAt, DateTime? EndsAt);

/// <summary>A website link.</summary>
public sealed record SiteLinkResponse(string Title, string Url, int Order);
