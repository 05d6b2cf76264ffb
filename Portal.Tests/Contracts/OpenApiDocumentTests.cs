using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts;

/// <summary>
/// The committed openapi.json is the API's contract: it must equal what the service serves. <c>make openapi</c>
/// runs this test with PORTAL_WRITE_OPENAPI=1 to rewrite the file; otherwise any drift fails the build.
/// </summary>
public sealed class OpenApiDocumentTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task The_served_document_equals_the_committed_openapi_json()
    {
        var served = await portal.App.Client().GetStringAsync("/swagger/v1/swagger.json");
        var committedPath = Path.Combine(RepoRoot(), "openapi.json");
        if (Environment.GetEnvironmentVariable("PORTAL_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
        }

        Assert.True(File.Exists(committedPath), "openapi.json is missing at the repo root: run `make openapi`.");
        var committed = await File.ReadAllTextAsync(committedPath);
        Assert.True(committed == served, "openapi.json differs from the served document: run `make openapi` and review the diff.");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_its_security_and_its_error_responses()
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(await portal.App.Client().GetStringAsync("/swagger/v1/swagger.json"))!;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation!["operationId"]?.GetValue<string>()), $"{where} has no operationId");
                Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
                var responses = operation["responses"]!.AsObject();
                if (method == "get" && path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    Assert.True(responses.ContainsKey("304"), $"{where} does not document 304");
                }

                Assert.True(operation["security"] is JsonArray { Count: > 0 }, $"{where} states no security");
                Assert.True(responses.ContainsKey("401"), $"{where} does not document 401 (a key that does not authenticate)");
                if (operation["requestBody"] is not null)
                {
                    Assert.True(responses.ContainsKey("415") && responses.ContainsKey("413"), $"{where} takes a body but documents no 413/415");
                }

                if (responses["412"] is not null)
                {
                    Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-Match");
                }

                if (path.Contains('{', StringComparison.Ordinal) || operation["parameters"] is not null)
                {
                    Assert.True(responses.ContainsKey("400") || responses.ContainsKey("404"), $"{where} documents no 4xx");
                }
            }
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
