using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Domain.Settings;

/// <summary>A full replacement of the site settings (PUT). All instants UTC.</summary>
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
    IReadOnlyList<ThemeColourCommand>? ThemeColours,
    IReadOnlyList<BannerCommand>? Banners,
    IReadOnlyList<SiteLinkCommand>? Links) : INormalizable<SettingsCommand>
{
    /// <inheritdoc />
    public SettingsCommand Normalized() => this with
    {
        SiteName = Rules.Clean(SiteName),
        GoverningAgency = Rules.Clean(GoverningAgency),
        ResponsiblePerson = Rules.Clean(ResponsiblePerson),
        StandingAgency = Rules.Clean(StandingAgency),
        Address = Rules.Clean(Address),
        Phone = Rules.Clean(Phone),
        Fax = Rules.Clean(Fax),
        Email = Rules.Clean(Email),
        RepublishNotice = Rules.Clean(RepublishNotice),
        LinksTitle = Rules.Clean(LinksTitle),
        ThemeColours = ThemeColours?.Select(c => c with { Key = Rules.Clean(c.Key), Name = Rules.Clean(c.Name), Hex = Rules.Clean(c.Hex) }).ToList(),
        Banners = Banners?.Select(b => b with { Title = Rules.Clean(b.Title), ImageUrl = Rules.Clean(b.ImageUrl), LinkUrl = Rules.Clean(b.LinkUrl) }).ToList(),
        Links = Links?.Select(l => l with { Title = Rules.Clean(l.Title), Url = Rules.Clean(l.Url) }).ToList(),
    };
}

/// <summary>A reader-selectable theme: key (a-z, 0-9, '-'), display name and #RRGGBB colour.</summary>
public sealed record ThemeColourCommand(string? Key, string? Name, string? Hex, bool IsDefault);

/// <summary>A banner and its display period (UTC instants; either end may be open).</summary>
public sealed record BannerCommand(string? Title, string? ImageUrl, string? LinkUrl, DateTime? StartsAt, DateTime? EndsAt);

/// <summary>A website link with its display order.</summary>
public sealed record SiteLinkCommand(string? Title, string? Url, int Order);

/// <summary>
/// Rules for <see cref="SettingsCommand"/>. Governing agency, address, e-mail, phone and the responsible person
/// are required by Decree 15/2020/NĐ-CP art. 99.
/// </summary>
public sealed class SettingsCommandValidator : AbstractValidator<SettingsCommand>
{
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
        RuleFor(x => x.ThemeColours).Must(c => c is null || c.Count == 0 || c.Count(t => t.IsDefault) == 1)
            .WithMessage("Exactly one theme colour must be the default.")
            .Must(c => c is null || c.Count <= 20).WithMessage("At most 20 theme colours.")
            .Must(c => c is null || c.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() == c.Count)
            .WithMessage("Theme colour keys must be unique.");
        RuleForEach(x => x.ThemeColours).ChildRules(c =>
        {
            c.RuleFor(t => t.Key).RequiredLine(40).Matches("^[a-z0-9-]+$").WithMessage("'{PropertyName}' may hold only a-z, 0-9 and '-'.");
            c.RuleFor(t => t.Name).RequiredLine(100);
            c.RuleFor(t => t.Hex).NotEmpty().HexColour();
        });
        RuleFor(x => x.Banners).Must(b => b is null || b.Count <= 50).WithMessage("At most 50 banners.");
        RuleForEach(x => x.Banners).ChildRules(b =>
        {
            b.RuleFor(t => t.Title).RequiredLine(300);
            b.RuleFor(t => t.ImageUrl).HttpUrl().When(t => t.ImageUrl is not null);
            b.RuleFor(t => t.LinkUrl).HttpUrl().When(t => t.LinkUrl is not null);
            b.RuleFor(t => t.EndsAt).GreaterThan(t => t.StartsAt).When(t => t.StartsAt is not null && t.EndsAt is not null)
                .WithMessage("'{PropertyName}' must be after the start of the display period.");
        });
        RuleFor(x => x.Links).Must(l => l is null || l.Count <= 100).WithMessage("At most 100 links.");
        RuleForEach(x => x.Links).ChildRules(l =>
        {
            l.RuleFor(t => t.Title).RequiredLine(200);
            l.RuleFor(t => t.Url).NotEmpty().HttpUrl();
            l.RuleFor(t => t.Order).GreaterThanOrEqualTo(0);
        });
    }
}
