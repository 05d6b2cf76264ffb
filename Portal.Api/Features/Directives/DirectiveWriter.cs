using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Articles;
using Portal.Api.Infrastructure;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Directives;

/// <summary>
/// Applies validated directive commands to entities: the issuer checked against the catalogue, the number's type
/// code checked against the declared type, content sanitised, derived number fields refreshed, and the number's
/// uniqueness among its issuer's documents checked (Decree 30/2020/NĐ-CP; Guidance 36-HD/VPTW).
/// </summary>
internal sealed class DirectiveWriter(PortalDbContext db, HtmlContent html)
{
    /// <summary>
    /// Copies <paramref name="command"/> onto <paramref name="directive"/>. Null on success; otherwise the problem:
    /// 400 for an unknown issuer, 422 when the number's type code disagrees with the declared type, 409 for a duplicate.
    /// </summary>
    public async Task<ProblemHttpResult?> ApplyAsync(Directive directive, DirectiveCommand command, CancellationToken ct)
    {
        var number = DocumentNumber.Parse(command.Number).Number!;
        var issuedOn = command.IssuedOn!.Value;
        IssuingBody? issuer = null;
        if (command.IssuerId is { } issuerId
            && (issuer = await db.IssuingBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == issuerId, ct)) is null)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "issuerId", $"No issuing body has the id '{issuerId}'.");
        }

        if (number.TypeAgreesWith(command.TypeCode!, issuedOn) == false)
        {
            return TypeMismatch(number, command.TypeCode!);
        }

        directive.IssuerId = issuer?.Id;
        directive.IssuerName = string.IsNullOrEmpty(command.IssuerName) ? issuer!.Name : command.IssuerName;
        directive.IssuedOn = issuedOn;
        directive.EffectiveOn = command.EffectiveOn;
        directive.ExpiresOn = command.ExpiresOn;
        directive.Abstract = command.Abstract!;
        directive.ContentHtml = html.Sanitize(command.ContentHtml) is { Length: > 0 } content ? content : null;
        directive.Signer = string.IsNullOrEmpty(command.Signer) ? null : command.Signer;
        directive.Field = string.IsNullOrEmpty(command.Field) ? null : command.Field;
        DirectiveFactory.ApplyNumber(directive, number, command.TypeCode!);
        return await DuplicateAsync(directive, ct);
    }

    /// <summary>
    /// The directive's editable fields as a command (the document a JSON Merge Patch is applied to). A printed issuer
    /// name that is just the catalogue name of its issuer is left out (null), as a PUT naming only issuerId would have
    /// sent it, so that a patch changing issuerId takes the new issuer's name instead of keeping the old one.
    /// </summary>
    public async Task<DirectiveCommand> ToCommandAsync(Directive directive, CancellationToken ct)
    {
        var catalogueName = directive.IssuerId is { } issuerId
            ? await db.IssuingBodies.AsNoTracking().Where(b => b.Id == issuerId).Select(b => b.Name).FirstOrDefaultAsync(ct)
            : null;
        return new DirectiveCommand(
            directive.Number, directive.TypeCode, directive.IssuerId,
            string.Equals(catalogueName, directive.IssuerName, StringComparison.Ordinal) ? null : directive.IssuerName,
            directive.IssuedOn, directive.EffectiveOn, directive.ExpiresOn, directive.Abstract, directive.ContentHtml, directive.Signer, directive.Field);
    }

    /// <summary>
    /// The 409 naming the directive that already holds <paramref name="directive"/>'s number, or null when none does:
    /// one with the same key (the same number of the same printed issuer in the period, <see cref="DirectiveUniqueness"/>),
    /// or one linked to the same catalogue issuer with the same number in the period under another printed name
    /// (the body's header spelt another way: still its number).
    /// </summary>
    public async Task<ProblemHttpResult?> DuplicateAsync(Directive directive, CancellationToken ct)
    {
        var (id, key, issuerId, numberKey) = (directive.Id, directive.UniquenessKey, directive.IssuerId, directive.NumberKey);
        var others = db.Directives.AsNoTracking().Where(d => d.Id != id && d.UniquenessKey != null);
        var existing = await others.Where(d => d.UniquenessKey == key)
            .Select(d => new { d.Id, d.Number, d.IssuerName })
            .FirstOrDefaultAsync(ct);
        if (existing is null && issuerId is not null)
        {
            var (first, last) = (new DateOnly(directive.IssuedOn.Year, 1, 1), new DateOnly(directive.IssuedOn.Year, 12, 31));
            var party = DocumentNumberSystem.Party.ToWireName();
            var sameIssuer = others.Where(d => d.IssuerId == issuerId && d.NumberKey == numberKey && d.IssuedOn >= first && d.IssuedOn <= last);
            sameIssuer = directive.NumberSystem == party ? sameIssuer.Where(d => d.NumberSystem == party) : sameIssuer.Where(d => d.NumberSystem != party);
            existing = await sameIssuer.OrderBy(d => d.CreatedAt).Select(d => new { d.Id, d.Number, d.IssuerName }).FirstOrDefaultAsync(ct);
        }

        if (existing is null)
        {
            return null;
        }

        var period = DirectiveUniqueness.PeriodOf(DocumentNumber.Parse(directive.Number).Number!, directive.IssuedOn);
        var message = $"'{existing.Number}' of {existing.IssuerName} already has this number {period}: directive {existing.Id}.";
        return Problems.Fields(StatusCodes.Status409Conflict, $"The number '{directive.Number}' is taken. {message}",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["number"] = [message] });
    }

    /// <summary>Links articles' mentions to the directive's current number, releasing those of <paramref name="previousKey"/>.</summary>
    public async Task LinkMentionsAsync(Directive directive, string? previousKey, CancellationToken ct)
    {
        if (previousKey == directive.NumberKey)
        {
            return;
        }

        if (previousKey is not null)
        {
            await ArticleMentions.ReleaseAsync(db, directive.Id, previousKey, ct);
        }

        await ArticleMentions.ResolveAsync(db, directive.Id, directive.NumberKey, ct);
    }

    // DOMAIN.md: a Chỉ thị numbered …-KH/… is a contradiction the editor must resolve, not a typo to guess at.
    private static ProblemHttpResult TypeMismatch(DocumentNumber number, string typeCode)
    {
        var declared = DocumentTypes.Find(typeCode);
        var declaredName = declared.Count > 0 ? $"{declared[0].Code} ({string.Join(" / ", declared.Select(t => t.Name).Distinct())})" : typeCode;
        var carried = DocumentTypes.For(number.Type!, number.System);
        var carriedName = carried is null ? number.Type : $"{carried.Code} ({carried.Name})";
        var detail = $"The number '{number.Raw}' carries the type code {carriedName}, but the directive is declared as {declaredName}. Correct the number or the type.";
        return Problems.Fields(StatusCodes.Status422UnprocessableEntity, detail, new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["typeCode"] = [$"'{typeCode}' does not agree with the type code {carriedName} in the number '{number.Raw}'."],
            ["number"] = [$"The type code {carriedName} in '{number.Raw}' does not agree with typeCode '{typeCode}'."],
        });
    }
}
