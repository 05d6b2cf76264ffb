using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Portal.Api.Infrastructure;

namespace Portal.Api.Features.Admin;

/// <summary>
/// The editor app (web/admin, a single-page app built by <c>make admin</c>) served at <c>/admin</c>: a file of the build
/// is served as it is (Vite's fingerprinted <c>/admin/assets/*</c> cached for a year, immutable; everything else
/// revalidated), any other path without a file extension falls back to <c>index.html</c> so that the app's own routes
/// load, and a missing file with an extension is a 404 problem. The folder is <c>Admin:Root</c>, by default
/// <c>web/admin/dist</c> found from the content root upwards; when it holds no <c>index.html</c>, <c>/admin</c> is a 404
/// problem saying how to build it. Not part of the API document; the API under <c>/api</c> is never shadowed.
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The configuration key of the built app's folder.</summary>
    public const string RootKey = "Admin:Root";

    private const string Prefix = "/admin";

    // The app is same-origin with the API and holds an API key in session storage, so it loads nothing from elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob: http: https:; style-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var environment = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var root = FindRoot(configuration[RootKey], environment.ContentRootPath);
        var files = root is null ? null : new PhysicalFileProvider(root);

        app.MapGet(Prefix + "/{**path}", (HttpContext http, string? path) => Serve(http, files, path))
            .WithName("AdminApp")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The configured folder, or web/admin/dist in the content root or one of its parents; null when it has no index.html.</summary>
    internal static string? FindRoot(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, contentRoot);
            return File.Exists(Path.Combine(full, "index.html")) ? full : null;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "web", "admin", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Serve(HttpContext http, PhysicalFileProvider? files, string? path)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (files is null)
        {
            return Problems.NotFound(
                $"The editor app is not built: run `make admin` (or `make run`, which builds it), or set {RootKey} to the folder of its build.");
        }

        path ??= "";
        var file = path.Length == 0 ? null : files.GetFileInfo(path);
        if (file is { Exists: true, IsDirectory: false, PhysicalPath: not null })
        {
            var immutable = path.StartsWith("assets/", StringComparison.Ordinal);
            http.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            return TypedResults.PhysicalFile(file.PhysicalPath, ContentTypeOf(path), lastModified: file.LastModified, enableRangeProcessing: false);
        }

        if (Path.HasExtension(path))
        {
            return Problems.NotFound($"The editor app has no file '{path}'.");
        }

        var index = files.GetFileInfo("index.html");
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(index.PhysicalPath!, "text/html; charset=utf-8", lastModified: index.LastModified);
    }

    private static string ContentTypeOf(string path) =>
        ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
}
