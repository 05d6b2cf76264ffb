using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;
using Portal.Api.Infrastructure;
using Portal.Domain.Media;
using Portal.Domain.Text;

namespace Portal.Api.Features.Media;

/// <summary>A stored image: <c>url</c> serves its bytes; width and height are in pixels.</summary>
public sealed record MediaResponse(Guid Id, string Url, string FileName, string ContentType, long Length, int? Width, int? Height, string Sha256, DateTime CreatedAt);

/// <summary>/api/v1/media — image uploads for articles (JPEG, PNG, WebP, GIF), served with long-lived caching.</summary>
internal static class MediaEndpoints
{
    public const string FileField = "file";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/media").WithTags("Media");
        group.MapPost("", Upload)
            .WithName("UploadMedia")
            .WithSummary("Upload an image (editor)")
            .WithDescription("multipart/form-data with one file in the field 'file'. JPEG, PNG, WebP or GIF, decided from the bytes (not the name or the declared type): anything else (a PDF, an SVG, an executable renamed to .jpg) is 415 naming 'file', as for directive attachments; the image is then decoded, every pixel (every frame of an animation): one larger than " + ImageDecoder.SizeRule + " (checked before decoding), or whose bytes do not decode completely (damaged, cut short), is a 400 naming 'file'. Not multipart/form-data: 415. Size limit: Files:MaxImageBytes (default 10 MB; 413 beyond). Returns the media id to reference from articles (coverImage.mediaId), its URL, width and height.")
            .RequireAuthorization(ApiKeyAuthentication.EditorPolicy)
            .RequireCors(Cors.Writes)
            .DisableAntiforgery()
            .Accepts<FileUpload>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("{id:guid}", Download)
            .WithName("GetMedia")
            .WithSummary("Get an image's bytes")
            .WithDescription("Served with its detected Content-Type and Cache-Control: public, max-age=31536000, immutable (a media id never changes its bytes); ETag is the SHA-256; X-Content-Type-Options: nosniff.")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp", "image/gif")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<MediaResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpRequest request, PortalDbContext db, FileStore store, TimeProvider clock, CancellationToken ct)
    {
        var upload = await Uploads.ReadSingleFileAsync(request, FileField, store.Options.MaxImageBytes, ct);
        if (upload.Invalid is { } invalid)
        {
            return invalid;
        }

        if (upload.Failure is { } failure)
        {
            return failure;
        }

        await using var content = upload.Content!;
        var head = new byte[16];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        content.Position = 0;
        if (ContentSniffer.Image(head.AsSpan(0, read)) is not { } type)
        {
            // RFC 9110 §15.5.16: a format the resource does not take, found by inspecting the content — as for attachments.
            return Problems.Field(StatusCodes.Status415UnsupportedMediaType, FileField, "The file is not a JPEG, PNG, WebP or GIF image (its type is read from its content, not from its name or declared type).");
        }

        var image = ImageDecoder.Decode(content, type);
        if (image.Refusal is { } refusal)
        {
            return Problems.Invalid(FileField, refusal);
        }

        var stored = await store.SaveAsync(content, type.Extension, ct);
        var media = new MediaItem
        {
            Id = Guid.CreateVersion7(),
            Kind = MediaKind.Image,
            FileName = upload.FileName!,
            ContentType = type.ContentType,
            Length = stored.Length,
            Width = image.Width,
            Height = image.Height,
            Sha256 = stored.Sha256,
            StoragePath = stored.RelativePath,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Media.Add(media);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(UrlOf(media.Id), ToResponse(media));
    }

    public static async Task<IResult> Download(Guid id, PortalDbContext db, FileStore store, HttpContext http, CancellationToken ct)
    {
        var media = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Kind == MediaKind.Image, ct);
        var stream = media is null ? null : store.OpenRead(media.StoragePath);
        if (media is null || stream is null)
        {
            return Problems.NotFound($"No image has the id '{id}'.");
        }

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        // The declared type is the one the bytes decoded as: a browser must not guess another from them.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, media.ContentType, entityTag: new EntityTagHeaderValue($"\"{media.Sha256}\""), enableRangeProcessing: true);
    }

    public static string UrlOf(Guid id) => $"/api/v1/media/{id}";

    public static MediaResponse ToResponse(MediaItem m) =>
        new(m.Id, UrlOf(m.Id), m.FileName, m.ContentType, m.Length, m.Width, m.Height, m.Sha256, m.CreatedAt);
}
