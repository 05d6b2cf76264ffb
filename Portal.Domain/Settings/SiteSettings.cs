namespace Portal.Domain.Settings;

/// <summary>
/// The portal's site-wide settings (a singleton). Decree 15/2020/NĐ-CP art. 99 fines portals whose home page
/// lacks the governing body, address, e-mail, phone or responsible person, so those are required.
/// </summary>
public sealed class SiteSettings
{
    /// <summary>The singleton's key.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Portal name, e.g. "TRANG THÔNG TIN ĐIỆN TỬ HUYỆN VĨNH CỬU - ĐỒNG NAI".</summary>
    public string SiteName { get; set; } = "";

    /// <summary>Cơ quan chủ quản.</summary>
    public string GoverningAgency { get; set; } = "";

    /// <summary>Chịu trách nhiệm (person responsible for content, with title).</summary>
    public string ResponsiblePerson { get; set; } = "";

    /// <summary>Cơ quan thường trực.</summary>
    public string? StandingAgency { get; set; }

    public string Address { get; set; } = "";

    public string Phone { get; set; } = "";

    public string? Fax { get; set; }

    public string Email { get; set; } = "";

    /// <summary>The "cite the source when republishing" notice.</summary>
    public string? RepublishNotice { get; set; }

    /// <summary>Heading of the links section, e.g. "Liên kết website".</summary>
    public string? LinksTitle { get; set; }

    public List<ThemeColour> ThemeColours { get; set; } = [];

    public List<Banner> Banners { get; set; } = [];

    public List<SiteLink> Links { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A colour theme offered to readers, e.g. "Màu đỏ" #C8102E; exactly one is the default.</summary>
public sealed class ThemeColour
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string Hex { get; set; } = "";

    public bool IsDefault { get; set; }
}

/// <summary>A banner shown between two UTC instants (open-ended where null).</summary>
public sealed class Banner
{
    public string Title { get; set; } = "";

    public string? ImageUrl { get; set; }

    public string? LinkUrl { get; set; }

    public DateTime? StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public bool IsActiveAt(DateTime nowUtc) => (StartsAt is null || StartsAt <= nowUtc) && (EndsAt is null || nowUtc < EndsAt);
}

/// <summary>A website link in the links section, in display order.</summary>
public sealed class SiteLink
{
    public string Title { get; set; } = "";

    public string Url { get; set; } = "";

    public int Order { get; set; }
}
