using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>The outcome of reading one uploaded file: a seekable copy and its name, or the problem to answer
/// (<see cref="Invalid"/> for a 400 naming the field, <see cref="Failure"/> for 413/415).</summary>
public sealed record Upload(Stream? Content, string? FileName, ValidationProblem? Invalid = null, ProblemHttpResult? Failure = null);

/// <summary>The multipart/form-data body of an upload, for the API document: one file in the part <c>file</c>.</summary>
/// <param name="File">The file's bytes; its type is read from the content, not from its name or declared type.</param>
public sealed record FileUpload(IFormFile File);

/// <summary>Reads multipart uploads with a size limit enforced while reading, answering 413/415/400 problems.</summary>
public static class Uploads
{
    /// <summary>
    /// Reads the single file in form field <paramref name="field"/> into a temporary seekable stream.
    /// Over <paramref name="maxBytes"/> → 413; not multipart → 415; no file → 400 naming the field.
    /// </summary>
    public static async Task<Upload> ReadSingleFileAsync(HttpRequest request, string field, long maxBytes, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return new(null, null, Failure: TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: $"Send the file as multipart/form-data in the field '{field}'."));
        }

        if (request.ContentLength > maxBytes + (64 * 1024))
        {
            return TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + (64 * 1024);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + (64 * 1024) }, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A body over the limit, or a multipart body that is malformed or cut short: never a 500.
            return ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(maxBytes)
                : new(null, null, Invalid: Problems.Invalid(field, "The multipart body is malformed or incomplete (check the boundary and that the body is complete)."));
        }

        var files = form.Files.GetFiles(field);
        if (files.Count > 1)
        {
            return new(null, null, Invalid: Problems.Invalid(field, $"Attach exactly one file in the form field '{field}'."));
        }

        var file = files.Count == 1 ? files[0] : null;
        if (file is null || file.Length == 0)
        {
            return new(null, null, Invalid: Problems.Invalid(field, $"Attach one non-empty file in the form field '{field}'."));
        }

        if (file.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (UploadNames.Check(file.FileName, field) is { } badName)
        {
            return new(null, null, Failure: badName);
        }

        var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await file.CopyToAsync(copy, ct);
        copy.Position = 0;
        var name = FileNames.Normalize(file.FileName);
        return new(copy, name.Length == 0 ? "upload" : name, null);
    }

    private static Upload TooLarge(long maxBytes) => new(null, null, Failure: TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload Too Large",
        detail: $"The file is larger than the limit of {maxBytes} bytes."));
}
