using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Settings;

/// <summary>
/// A full replacement of the site settings (PUT, and the result of applying a PATCH). All instants UTC.
/// Omitted lists mean empty lists; blank optional text means null. Lists hold at most
/// <see cref="SettingsCommandValidator.MaxThemeColours"/> colours, <see cref="SettingsCommandValidator.MaxBanners"/>
/// banners and <see cref="SettingsCommandValidator.MaxLinks"/> links (<see cref="MaxLengthAttribute"/>: the API counts
/// them before it looks at any item).
/// </summary>
public sealed record SettingsCommand(
    string? SiteName,
    string? GoverningAgency,
    string? ResponsiblePerson,
    string? StandingAgency,
    string? Address,
    string? Phone,
    string? Fax,
    string? Email,
    string? RepublishNotice,
    string? LinksTitle,
    [property: MaxLength(SettingsCommandValidator.MaxThemeColours)] IReadOnlyList<ThemeColourCommand>? ThemeColours,
    [property: MaxLength(SettingsCommandValidator.MaxBanners)] IReadOnlyList<BannerCommand>? Banners,
    [property: MaxLength(SettingsCommandValidator.MaxLinks)] IReadOnlyList<SiteLinkCommand>? Links) : INormalizable<SettingsCommand>
{
    /// <inheritdoc />
    public SettingsCommand Normalized() => this with
    {
        SiteName = Rules.Clean(SiteName),
        GoverningAgency = Rules.Clean(GoverningAgency),
        ResponsiblePerson = Rules.Clean(ResponsiblePerson),
        StandingAgency = Optional(StandingAgency),
        Address = Rules.Clean(Address),
        Phone = Rules.Clean(Phone),
        Fax = Optional(Fax),
        Email = Rules.Clean(Email),
        RepublishNotice = Optional(RepublishNotice),
        LinksTitle = Optional(LinksTitle),
        // A JSON null inside a list stays null here and is reported by the validator.
        ThemeColours = ThemeColours?.Select(c => c is null ? null! : c with { Key = Rules.Clean(c.Key), Name = Rules.Clean(c.Name), Hex = Rules.Clean(c.Hex) }).ToList() ?? [],
        Banners = Banners?.Select(b => b is null ? null! : b with { Title = Rules.Clean(b.Title), ImageUrl = Optional(b.ImageUrl), LinkUrl = Optional(b.LinkUrl), StartsAt = Utc(b.StartsAt), EndsAt = Utc(b.EndsAt) }).ToList() ?? [],
        Links = Links?.Select(l => l is null ? null! : l with { Title = Rules.Clean(l.Title), Url = Rules.Clean(l.Url) }).ToList() ?? [],
    };

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : Rules.Clean(value);

    // JSON instants with an offset arrive as local DateTimes; without one, they are read as UTC (API.md: instants are UTC).
    private static DateTime? Utc(DateTime? value) => value?.Kind switch
    {
        DateTimeKind.Local => value.Value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value.Value, DateTimeKind.Utc),
        _ => value,
    };
}

/// <summary>A reader-selectable theme: key (a-z, 0-9, '-'), display name and #RRGGBB colour.</summary>
public sealed record ThemeColourCommand(string? Key, string? Name, string? Hex, bool IsDefault);

/// <summary>A banner and its display period: RFC 3339 instants with an offset or Z (e.g. 2024-06-01T00:00:00+07:00; stored as UTC); either end may be open.</summary>
public sealed record BannerCommand(string? Title, string? ImageUrl, string? LinkUrl, DateTime? StartsAt, DateTime? EndsAt);

/// <summary>A website link with its display order.</summary>
public sealed record SiteLinkCommand(string? Title, string? Url, int Order);

/// <summary>
/// Rules for <see cref="SettingsCommand"/>. Governing agency, address, e-mail, phone and the responsible person
/// are required by Decree 15/2020/NĐ-CP art. 99. Each rule reports its first failure only.
/// </summary>
public sealed class SettingsCommandValidator : PortalValidator<SettingsCommand>
{
    /// <summary>Longest URL accepted for banners and links.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>Most theme colours the settings may offer.</summary>
    public const int MaxThemeColours = 20;

    /// <summary>Most banners the settings may hold, past and future ones included.</summary>
    public const int MaxBanners = 50;

    /// <summary>Most website links the settings may hold.</summary>
    public const int MaxLinks = 100;

    public SettingsCommandValidator()
    {
        RuleFor(x => x.SiteName).RequiredLine(300);
        RuleFor(x => x.GoverningAgency).RequiredLine(300);
        RuleFor(x => x.ResponsiblePerson).RequiredLine(300);
        RuleFor(x => x.StandingAgency).OptionalLine(300);
        RuleFor(x => x.Address).RequiredLine(500);
        RuleFor(x => x.Phone).NotEmpty().WithMessage("'{PropertyName}' is required.").VietnamesePhone();
        RuleFor(x => x.Fax).VietnamesePhone().When(x => !string.IsNullOrEmpty(x.Fax));
        RuleFor(x => x.Email).NotEmpty().WithMessage("'{PropertyName}' is required.").EmailAddress();
        RuleFor(x => x.RepublishNotice).OptionalLine(500);
        RuleFor(x => x.LinksTitle).OptionalLine(200);
        RuleFor(x => x.ThemeColours).Must(c => c is null || c.Count <= MaxThemeColours).WithMessage($"At most {MaxThemeColours} theme colours.")
            .Must(c => c is null || c.Count == 0 || c.Count(t => t is { IsDefault: true }) == 1)
            .WithMessage("Exactly one theme colour must be the default.")
            .Must(c => c is null || c.Select(t => t?.Key).Distinct(StringComparer.Ordinal).Count() == c.Count)
            .WithMessage("Theme colour keys must be unique.");
        RuleForEach(x => x.ThemeColours).NotNull().ChildRules(c =>
        {
            c.RuleLevelCascadeMode = CascadeMode.Stop;
            c.RuleFor(t => t.Key).RequiredLine(40).Matches("^[a-z0-9-]+$").WithMessage("'{PropertyName}' may hold only a-z, 0-9 and '-'.");
            c.RuleFor(t => t.Name).RequiredLine(100);
            c.RuleFor(t => t.Hex).NotEmpty().WithMessage("'{PropertyName}' is required.").HexColour();
        });
        RuleFor(x => x.Banners).Must(b => b is null || b.Count <= MaxBanners).WithMessage($"At most {MaxBanners} banners.");
        RuleForEach(x => x.Banners).NotNull().ChildRules(b =>
        {
            b.RuleLevelCascadeMode = CascadeMode.Stop;
            b.RuleFor(t => t.Title).RequiredLine(300);
            b.RuleFor(t => t.ImageUrl).MaximumLength(MaxUrlLength).HttpUrl().When(t => t.ImageUrl is not null);
            b.RuleFor(t => t.LinkUrl).MaximumLength(MaxUrlLength).HttpUrl().When(t => t.LinkUrl is not null);
            b.RuleFor(t => t.EndsAt).GreaterThan(t => t.StartsAt).When(t => t.StartsAt is not null && t.EndsAt is not null)
                .WithMessage("'{PropertyName}' must be after the start of the display period.");
        });
        RuleFor(x => x.Links).Must(l => l is null || l.Count <= MaxLinks).WithMessage($"At most {MaxLinks} links.");
        RuleForEach(x => x.Links).NotNull().ChildRules(l =>
        {
            l.RuleLevelCascadeMode = CascadeMode.Stop;
            l.RuleFor(t => t.Title).RequiredLine(200);
            l.RuleFor(t => t.Url).NotEmpty().WithMessage("'{PropertyName}' is required.").MaximumLength(MaxUrlLength).HttpUrl();
            l.RuleFor(t => t.Order).GreaterThanOrEqualTo(0);
        });
    }
}
