using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Common;
using Portal.Domain.Directives;
using Portal.Domain.Text;

namespace Portal.Api.Features.Directives;

/// <summary>Builds directive entities with the number's parsed parts filled in from the document-number parser.</summary>
internal static class DirectiveFactory
{
    public static Directive Create(string number, string typeCode, IssuingBody issuer, DateOnly issuedOn, string @abstract, string? contentHtml, DateTime publishedAtUtc, DateTime nowUtc)
    {
        var directive = new Directive
        {
            Id = Guid.CreateVersion7(),
            IssuerId = issuer.Id,
            IssuerName = issuer.Name,
            IssuedOn = issuedOn,
            Abstract = @abstract,
            ContentHtml = contentHtml,
            Status = ContentStatus.Published,
            PublishedAt = publishedAtUtc,
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
        };
        ApplyNumber(directive, DocumentNumber.Parse(number).Number!, typeCode);
        return directive;
    }

    /// <summary>
    /// Copies the parsed number and the type's catalogue name onto the directive and refreshes its search text and
    /// uniqueness key; set the issuer and issue date first.
    /// </summary>
    public static void ApplyNumber(Directive directive, DocumentNumber number, string typeCode)
    {
        // A code can name two types (TT: Thông tư in State numbers, Thông tri in Party ones): the number's scheme decides.
        var type = DocumentTypes.For(typeCode, number.System);
        directive.Number = number.Raw;
        directive.NumberCanonical = number.Canonical;
        directive.NumberKey = number.SearchKey;
        directive.NumberSystem = number.System.ToWireName();
        directive.TypeCode = type?.Code ?? typeCode;
        directive.TypeName = type?.Name ?? typeCode;
        directive.SearchText = SearchText(directive);
        directive.FieldSearch = FieldSearch(directive.Field);
        directive.UniquenessKey = DirectiveUniqueness.KeyOf(number, directive.IssuerName, directive.IssuedOn);
    }

    /// <summary>
    /// Fills <see cref="Directive.FieldSearch"/> for directives written before the column existed (migration
    /// <c>DirectiveFieldSearch</c>): the fold is .NET code no SQL engine has, so it runs at start-up, after the
    /// migrations. Idempotent: once every lĩnh vực has its fold, it costs one query that finds nothing.
    /// Direct UPDATEs: no change is logged for sync or webhooks, since nothing a reader sees changes.
    /// </summary>
    public static async Task<int> BackfillFieldSearchAsync(PortalDbContext db, CancellationToken ct)
    {
        var pending = await db.Directives.AsNoTracking()
            .Where(d => d.Field != null && d.FieldSearch == null)
            .Select(d => new { d.Id, d.Field })
            .ToListAsync(ct);
        foreach (var row in pending)
        {
            var folded = FieldSearch(row.Field);
            await db.Directives.Where(d => d.Id == row.Id && d.FieldSearch == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.FieldSearch, folded), ct);
        }

        return pending.Count;
    }

    /// <summary>
    /// Re-keys directives whose uniqueness key still names their catalogue issuer by id, as keys did before they named
    /// the printed issuer whichever way it was given (<see cref="DirectiveUniqueness"/>): the fold is .NET code no SQL
    /// engine has, so it runs at start-up, after the migrations, like <see cref="BackfillFieldSearchAsync"/>. Where the
    /// new key is already another directive's (one document entered once by id and once by name, which the old rule let
    /// through), the one created first takes it, as the <c>PartyNumbersPerYear</c> migration did: a later one keyed by
    /// id keeps its old key, a later one keyed by name is held back (<see cref="DirectiveUniqueness.HeldBackKeyOf"/>), so
    /// the unique index holds, and the editor resolves the duplicate the next time the later one is saved (409).
    /// Idempotent: a run after the first changes nothing; it reads only the directives keyed by id that kept their key.
    /// Direct UPDATEs guarded by the key read, so that instances starting together cannot undo each other: no change
    /// is logged for sync or webhooks, since nothing a reader sees changes. Returns the number of directives re-keyed.
    /// </summary>
    public static async Task<int> RekeyByPrintedIssuerAsync(PortalDbContext db, CancellationToken ct)
    {
        var candidates = await db.Directives.AsNoTracking()
            .Where(d => d.IssuerId != null && d.UniquenessKey != null && !d.UniquenessKey.Contains("|name:"))
            .Select(d => new { d.Id, d.Number, d.IssuerId, d.IssuerName, d.IssuedOn, d.CreatedAt, Key = d.UniquenessKey! })
            .ToListAsync(ct);
        var rekeyed = 0;
        foreach (var row in candidates.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id))
        {
            var idSegment = "|" + row.IssuerId!.Value.ToString("N", CultureInfo.InvariantCulture) + "|";
            if (!row.Key.Contains(idSegment, StringComparison.Ordinal) || DocumentNumber.Parse(row.Number).Number is not { } number)
            {
                continue;
            }

            var key = DirectiveUniqueness.KeyOf(number, row.IssuerName, row.IssuedOn);
            var holder = await db.Directives.AsNoTracking().Where(d => d.UniquenessKey == key && d.Id != row.Id)
                .Select(d => new { d.Id, d.CreatedAt }).FirstOrDefaultAsync(ct);
            try
            {
                if (holder is not null)
                {
                    if (holder.CreatedAt < row.CreatedAt || (holder.CreatedAt == row.CreatedAt && holder.Id.CompareTo(row.Id) < 0))
                    {
                        continue;
                    }

                    var heldBack = DirectiveUniqueness.HeldBackKeyOf(holder.Id);
                    await db.Directives.Where(d => d.Id == holder.Id && d.UniquenessKey == key)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.UniquenessKey, heldBack), ct);
                }

                rekeyed += await db.Directives.Where(d => d.Id == row.Id && d.UniquenessKey == row.Key)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.UniquenessKey, key), ct);
            }
            catch (DbException)
            {
                // Another instance starting at the same time took the key first; the next start-up looks again.
            }
        }

        return rekeyed;
    }

    /// <summary>The folded lĩnh vực the <c>field</c> filter matches; null when the directive has none.</summary>
    public static string? FieldSearch(string? field) => string.IsNullOrEmpty(field) ? null : VietnameseText.Fold(field);

    /// <summary>
    /// The folded text <c>q</c> matches. It holds <see cref="FieldSearch"/> too, so the trigram index over it can narrow
    /// a <c>field</c> search before the exact match on the field's own column.
    /// </summary>
    public static string SearchText(Directive d) =>
        VietnameseText.Fold(string.Join(' ', d.Number, d.NumberCanonical, d.TypeName, d.IssuerName, d.Abstract, d.Field ?? "", Infrastructure.HtmlContent.ToPlainText(d.ContentHtml)));
}
