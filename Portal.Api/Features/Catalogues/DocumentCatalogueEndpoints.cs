using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Api.Infrastructure;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Catalogues;

/// <summary>
/// What frontends need to enter documents correctly: the document type catalogue (Decree 30/2020/NĐ-CP Appendix III,
/// the Law on Promulgation of Legal Documents, Guidance 36-HD/VPTW) and a number check that shows how Portal reads a
/// số ký hiệu before it is saved. Anonymous, cacheable.
/// </summary>
internal static class DocumentCatalogueEndpoints
{
    public static IEndpointRouteBuilder MapDocumentCatalogues(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/document-types", ListTypes)
            .WithTags("Catalogues")
            .WithName("ListDocumentTypes")
            .WithSummary("List document types (loại văn bản) and their codes")
            .WithDescription("Every type code with its Vietnamese name, the numbering systems that use it (state, state-legal, party), the rule it comes from, and the dates it was valid for codes that changed (GN, TTh, UQ, NP ended on 05/03/2020; Party QĐi began on 03/4/2018). One code may appear twice with different names: TT is Thông tư in State numbers and Thông tri in Party ones. Filter: system.")
            .ProducesValidationProblem()
            .WithETag().CachedForReaders();

        app.MapGet("/api/v1/document-numbers/parse", ParseNumber)
            .WithTags("Catalogues")
            .WithName("ParseDocumentNumber")
            .WithSummary("Check a document number (số ký hiệu) and show how Portal reads it")
            .WithDescription("Returns the numbering system, the parts (number, year, type, issuer, unit), the canonical form, the search key and warnings, e.g. that '211/KH-HU' is a Party plan properly written '211-KH/HU'. Numbers outside the known schemes are accepted with a warning; only text no number can hold (empty, '<', a line break…) is 400 naming 'number'.")
            .ProducesValidationProblem()
            .WithETag().CachedForReaders();
        return app;
    }

    public static Results<Ok<IReadOnlyList<DocumentTypeResponse>>, ValidationProblem> ListTypes([FromQuery(Name = "system")] string? system)
    {
        var types = DocumentTypes.All.AsEnumerable();
        if (system is not null)
        {
            if (!DocumentNumberSystems.TryParseWireName(system, out var wanted))
            {
                return Problems.Invalid("system", $"'{system}' is not a numbering system; use state, state-legal or party.");
            }

            types = types.Where(t => t.IsUsedBy(wanted));
        }

        return TypedResults.Ok<IReadOnlyList<DocumentTypeResponse>>(types
            .Select(t => new DocumentTypeResponse(t.Code, t.Name, t.Systems.Select(s => s.ToWireName()).ToList(), t.Source, t.ValidFrom, t.ValidBefore))
            .ToList());
    }

    /// <param name="number">The number as written, e.g. 211/KH-HU.</param>
    public static Results<Ok<DocumentNumberResponse>, ValidationProblem> ParseNumber([FromQuery(Name = "number")] string? number)
    {
        var parse = DocumentNumber.Parse(number);
        if (!parse.Succeeded)
        {
            return Problems.Invalid("number", $"'number' is not a document number: it {parse.Error}.");
        }

        var n = parse.Number;
        var typeName = n.Type is null ? null : DocumentTypes.For(n.Type, n.System)?.Name;
        return TypedResults.Ok(new DocumentNumberResponse(
            n.Raw, n.System.ToWireName(), n.Number, n.Year, n.Type, typeName, n.Issuer, n.Unit, n.Canonical, n.SearchKey, n.Warnings));
    }
}

/// <summary>A document type code from the catalogue.</summary>
/// <param name="Code">The code as its table spells it: KH, QĐ, QyĐ, CTr, QĐi.</param>
/// <param name="Name">Loại văn bản, e.g. "Kế hoạch".</param>
/// <param name="Systems">Numbering systems whose numbers carry the code: state, state-legal, party.</param>
/// <param name="Source">The rule the code comes from.</param>
/// <param name="ValidFrom">First day the code had this meaning, or null.</param>
/// <param name="ValidBefore">Day the code stopped having this meaning (exclusive), or null.</param>
public sealed record DocumentTypeResponse(string Code, string Name, IReadOnlyList<string> Systems, string Source, DateOnly? ValidFrom, DateOnly? ValidBefore);

/// <summary>How Portal reads a document number.</summary>
/// <param name="Raw">The text as sent.</param>
/// <param name="System">state, state-legal, state-letter, national-assembly, party, legacy or unknown.</param>
/// <param name="Number">The running number (211), or null.</param>
/// <param name="Year">The year in a legal normative or National Assembly number, or null.</param>
/// <param name="Type">The canonical type code (KH, QĐ, QĐi), or null when the number carries none.</param>
/// <param name="TypeName">The type's name in this system (TT: Thông tư or Thông tri), or null.</param>
/// <param name="Issuer">The issuer code(s), joint issuers joined by '-'.</param>
/// <param name="Unit">The drafting unit of a công văn (VX in 2457/UBND-VX), or null.</param>
/// <param name="Canonical">The canonical string, e.g. 211-KH/HU.</param>
/// <param name="SearchKey">The folded key every spelling of the number shares, e.g. 211khhu.</param>
/// <param name="Warnings">What was corrected or could not be checked, for the editor.</param>
public sealed record DocumentNumberResponse(
    string Raw,
    string System,
    int? Number,
    int? Year,
    string? Type,
    string? TypeName,
    string? Issuer,
    string? Unit,
    string Canonical,
    string SearchKey,
    IReadOnlyList<string> Warnings);
