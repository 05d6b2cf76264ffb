using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Infrastructure;
using Portal.Domain.Settings;

namespace Portal.Api.Features.Settings;

/// <summary>
/// Changing the site settings (admin). If-Match is required (428 without it): the settings are one document shared
/// by every admin, so a save that did not start from the current revision could silently undo someone else's change.
/// Writes return the new representation (every banner) and its ETag; a write that would store what is already there
/// (an empty patch, a PUT of the current settings) saves nothing and returns the current representation unchanged.
/// </summary>
internal static class SettingsWriteEndpoints
{
    /// <summary>Largest settings body accepted (50 banners and 100 links with long URLs fit comfortably).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private const string UnchangedRule = "A write that changes nothing (an empty patch, the current settings sent back) is a 200 with the current representation: version, updatedAt and the ETag stay as they were.";

    private const string IfMatchRule = "Send If-Match with the ETag of your last GET: a stale one is 412 and nothing changes; none is 428 ('If-Match: *' overwrites whatever is there).";

    public static RouteGroupBuilder MapSettingsWrites(this RouteGroupBuilder group)
    {
        var writes = group.MapGroup("")
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .RequireCors(Cors.Writes)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesProblems(
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound,
                StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status428PreconditionRequired);

        writes.MapPut("", Put)
            .WithName("ReplaceSettings")
            .WithSummary("Replace the site settings (admin)")
            .WithDescription($"Full replacement (application/json): omitted optional fields become null and omitted lists empty. Governing agency, responsible person, address, phone and e-mail are required (Decree 15/2020/NĐ-CP art. 99). Phones follow the Vietnamese numbering plan, e.g. (0251).3861114, 0912 345 678, +84 251 3861114, 1900 1234; URLs are absolute http(s); colours #RGB or #RRGGBB with exactly one default; a banner's endsAt must be after its startsAt. At most {SettingsCommandValidator.MaxThemeColours} theme colours, {SettingsCommandValidator.MaxBanners} banners and {SettingsCommandValidator.MaxLinks} links (counted first: a longer list is a 400 naming it) and {MaxBodyBytes} bytes of body (413). A 400 names each field by its JSON path, e.g. themeColours[1].hex. {UnchangedRule} {IfMatchRule}")
            .Validates<SettingsCommand>();

        writes.MapPatch("", Patch)
            .WithName("PatchSettings")
            .WithSummary("Change some site settings (admin, JSON Merge Patch)")
            .WithDescription($"RFC 7396 JSON Merge Patch, Content-Type {MergePatch.MediaType}: members present replace the current value, null removes an optional one, and lists (themeColours, banners, links) are replaced whole. Member names are matched exactly (camelCase): an unknown or read-only member (version, updatedAt), at any depth and whatever its value — null included — is a 400 naming its JSON path. The merged settings are validated as for PUT, with the same list caps. {UnchangedRule} {IfMatchRule}")
            .Accepts<SettingsCommand>(MergePatch.MediaType)
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>> Put(
        SettingsCommand command, PortalDbContext db, TimeProvider clock, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var settings = await db.Settings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (settings is null)
        {
            return NotCreated();
        }

        return await Preconditions.RequireAsync(http.Request, SettingsEndpoints.Represent(settings, clock.GetUtcNow().UtcDateTime, allBanners: true)) is { } refused
            ? refused
            : await SaveAsync(db, settings, command, clock, http, json, ct);
    }

    public static async Task<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        HttpContext http, PortalDbContext db, IValidator<SettingsCommand> validator, TimeProvider clock, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var read = await MergePatch.ReadAsync<SettingsCommand>(
            http.Request, json.Value.SerializerOptions, "the settings", "{\"email\": \"ubnd-vc@dongnai.gov.vn\"}", "the whole settings with PUT", ct);
        if (read.Unsupported is { } unsupported)
        {
            return unsupported;
        }

        if (read.Invalid is { } misshapen)
        {
            return misshapen;
        }

        var settings = await db.Settings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (settings is null)
        {
            return NotCreated();
        }

        if (await Preconditions.RequireAsync(http.Request, SettingsEndpoints.Represent(settings, clock.GetUtcNow().UtcDateTime, allBanners: true)) is { } refused)
        {
            return refused;
        }

        var (command, invalid) = await MergePatch.ApplyAsync(SettingsMapper.ToCommand(settings), read.Patch!, json.Value.SerializerOptions, validator, ct);
        return invalid is not null ? invalid : await SaveAsync(db, settings, command!, clock, http, json, ct);
    }

    private static async Task<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        PortalDbContext db, SiteSettings settings, SettingsCommand command, TimeProvider clock, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Unchanged(settings, command, json.Value.SerializerOptions))
        {
            // Nothing to save: no new revision, updatedAt, ETag or content version (readers' caches stay warm), no event.
            return Current(settings, now, http, json);
        }

        SettingsMapper.Apply(command, settings);
        settings.Version++;
        settings.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.LostRace(http.Request);
        }

        return Current(settings, now, http, json);
    }

    /// <summary>
    /// True when saving <paramref name="command"/> (validated and normalised) would store exactly what
    /// <paramref name="settings"/> holds: both are compared as normalised commands written as JSON.
    /// </summary>
    private static bool Unchanged(SiteSettings settings, SettingsCommand command, JsonSerializerOptions json) =>
        JsonSerializer.SerializeToUtf8Bytes(SettingsMapper.ToCommand(settings).Normalized(), json)
            .AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(command, json));

    private static Ok<SettingsResponse> Current(SiteSettings settings, DateTime now, HttpContext http, IOptions<JsonOptions> json)
    {
        var response = SettingsEndpoints.Represent(settings, now, allBanners: true);
        Preconditions.SetETag(http, response, json.Value.SerializerOptions);
        return TypedResults.Ok(response);
    }

    private static ProblemHttpResult NotCreated() => Problems.NotFound("The site settings have not been created yet.");
}
