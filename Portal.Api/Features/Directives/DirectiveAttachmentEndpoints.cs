using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Directives;
using Portal.Domain.Media;

namespace Portal.Api.Features.Directives;

/// <summary>
/// A directive's files (Decree 42/2022/NĐ-CP art. 4.1.a: a portal shows each document with a downloadable file).
/// Uploads are PDF, DOC, DOCX or ODT, recognised from their bytes, never from the name or Content-Type, and stored
/// content-addressed (SHA-256) as media items of kind Document linked to the directive.
/// </summary>
internal static class DirectiveAttachmentEndpoints
{
    // Room for the multipart envelope around the file itself.
    private const long MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapDirectiveAttachments(this RouteGroupBuilder group)
    {
        var limit = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<FileStoreOptions>().MaxDocumentBytes;
        group.MapGet("{id:guid}/attachments/{attachmentId:guid}", Download)
            .WithName("DownloadDirectiveAttachment")
            .WithSummary("Download a directive's file")
            .WithDescription("The bytes as uploaded, with their detected Content-Type and Content-Disposition: attachment carrying the Vietnamese file name (RFC 6266 filename*). The ETag is the SHA-256; files of published directives may be cached for a year. Anonymous callers get 404 for files of directives they cannot see.")
            .Produces<Stream>(StatusCodes.Status200OK, ContentSniffer.Pdf.ContentType, ContentSniffer.Doc.ContentType, ContentSniffer.Docx.ContentType, ContentSniffer.Odt.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = group.MapEditorWrites();
        writes.MapPost("{id:guid}/attachments", Upload)
            .WithName("UploadDirectiveAttachment")
            .WithSummary("Attach a file to a directive (editor)")
            .WithDescription($"multipart/form-data with the file in the field 'file': PDF, DOC, DOCX or ODT, at most {limit} bytes (413 beyond). The type is read from the content: anything else, such as an executable renamed to .pdf, is 415 naming 'file'. Honours If-Match on the directive.")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit + MultipartOverhead))
            .WithFormOptions(multipartBodyLengthLimit: limit + MultipartOverhead)
            .ProducesValidationProblem()
            .ProducesProblems(
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        writes.MapDelete("{id:guid}/attachments/{attachmentId:guid}", Remove)
            .WithName("RemoveDirectiveAttachment")
            .WithSummary("Remove a file from a directive (editor)")
            .WithDescription("Unlinks the file; the stored bytes stay (they are content-addressed and may be shared). Honours If-Match on the directive.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        return group;
    }

    public static async Task<Results<Created<AttachmentResponse>, ProblemHttpResult>> Upload(
        Guid id, IFormFile? file, FileStore store, PortalDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var target = await db.Directives.Where(d => d.Id == id).ForWriteAsync(http.Request, DirectiveWriteEndpoints.NotFound(id), ct);
        if (target.Refused)
        {
            return target.Refusal;
        }

        var directive = target.Item;

        var max = store.Options.MaxDocumentBytes;
        if (file is null || file.Length == 0)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "file", "Send the document as multipart/form-data in the field 'file'; it must not be empty.");
        }

        if (file.Length > max)
        {
            return Problems.Field(StatusCodes.Status413PayloadTooLarge, "file", $"The file has {file.Length} bytes; a document may have at most {max}.");
        }

        if (UploadNames.Check(file.FileName, "file") is { } badName)
        {
            return badName;
        }

        await using var content = await SeekableAsync(file, ct);
        if (ContentSniffer.Document(content) is not { } type)
        {
            return Problems.Field(StatusCodes.Status415UnsupportedMediaType, "file", "The file is not a PDF, DOC, DOCX or ODT document (its type is read from its content, not from its name).");
        }

        var stored = await store.SaveAsync(content, type.Extension, ct);
        var media = new MediaItem
        {
            Id = Guid.CreateVersion7(),
            Kind = MediaKind.Document,
            FileName = UploadNames.Clean(file.FileName, type, directive.NumberCanonical.Replace('/', '-')),
            ContentType = type.ContentType,
            Length = stored.Length,
            Sha256 = stored.Sha256,
            StoragePath = stored.RelativePath,
            CreatedAt = now,
        };
        db.Media.Add(media);
        db.DirectiveAttachments.Add(new DirectiveAttachment { DirectiveId = id, MediaId = media.Id, AddedAt = now });
        Lifecycle.Touch(directive, now);
        if (await db.TrySaveAsync(ct) != SaveOutcome.Saved)
        {
            return Preconditions.LostRace(http.Request);
        }

        var response = DirectiveReader.ToAttachment(id, media);
        return TypedResults.Created(response.Url, response);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        Guid id, Guid attachmentId, PortalDbContext db, FileStore store, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var readable = db.Directives.ReadableBy(user.IsEditor(), clock.GetUtcNow().UtcDateTime);
        var media = await db.DirectiveAttachments.AsNoTracking()
            .Where(a => a.DirectiveId == id && a.MediaId == attachmentId && readable.Any(d => d.Id == a.DirectiveId))
            .Select(a => a.Media!)
            .FirstOrDefaultAsync(ct);
        if (media is null || store.OpenRead(media.StoragePath) is not { } stream)
        {
            return Problems.NotFound($"Directive '{id}' has no file '{attachmentId}' that you may read.");
        }

        var etag = $"\"{media.Sha256}\"";
        ConditionalGet.SetCachingHeaders(http, etag, ConditionalGet.ImmutableCacheControl);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, media.ContentType, media.FileName, entityTag: new EntityTagHeaderValue(etag), enableRangeProcessing: true);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, Guid attachmentId, PortalDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var target = await db.Directives.Where(d => d.Id == id).ForWriteAsync(http.Request, DirectiveWriteEndpoints.NotFound(id), ct);
        if (target.Refused)
        {
            return target.Refusal;
        }

        var directive = target.Item;

        var link = await db.DirectiveAttachments.FirstOrDefaultAsync(a => a.DirectiveId == id && a.MediaId == attachmentId, ct);
        if (link is null)
        {
            return Problems.NotFound($"Directive '{id}' has no file '{attachmentId}'.");
        }

        db.DirectiveAttachments.Remove(link);
        Lifecycle.Touch(directive, clock.GetUtcNow().UtcDateTime);
        return await db.TrySaveAsync(ct) == SaveOutcome.Saved ? TypedResults.NoContent() : Preconditions.LostRace(http.Request);
    }

    /// <summary>The upload as a seekable stream (sniffing reads the head, then the store reads it all).</summary>
    private static async Task<Stream> SeekableAsync(IFormFile file, CancellationToken ct)
    {
        var stream = file.OpenReadStream();
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        await using (stream)
        {
            await stream.CopyToAsync(copy, ct);
        }

        copy.Position = 0;
        return copy;
    }
}
