using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Every 4xx answer is a problem with a <c>type</c> (RFC 9457 §3.1.1), whether a handler, the framework (401, 403, 405,
/// 415), the body limit (413), a precondition (412, 428) or the rate limiter (429) wrote it.
/// </summary>
public sealed class ProblemTypeTests : IDisposable
{
    private readonly PortalApp _app = new PortalApp().Setting("Hits:RateLimit:PermitLimit", "1").Setting("Hits:RateLimit:WindowSeconds", "3600");

    [Fact]
    public async Task Every_4xx_problem_has_a_type_naming_the_status()
    {
        var admin = _app.Client(PortalApp.AdminKey);
        var editor = await _app.ClientWithRoleAsync("editor");
        var anonymous = _app.Client();
        var category = await (await editor.PostJson("/api/v1/categories", new { name = Editing.Unique("Chuyên mục") })).Json(HttpStatusCode.Created);
        var issuer = await DirectiveData.IssuerAsync(editor);

        var answers = new (HttpStatusCode Status, HttpResponseMessage Response)[]
        {
            (HttpStatusCode.BadRequest, await anonymous.GetAsync("/api/v1/articles?page=0")),
            (HttpStatusCode.BadRequest, await anonymous.GetAsync("/api/v1/hits/daily?from=04/06/2024")),
            (HttpStatusCode.Unauthorized, await anonymous.PostJson("/api/v1/articles", Editing.Article("Không khóa"))),
            (HttpStatusCode.Forbidden, await editor.GetAsync("/api/v1/api-keys")),
            (HttpStatusCode.NotFound, await anonymous.GetAsync("/api/v1/articles/khong-co")),
            (HttpStatusCode.MethodNotAllowed, await anonymous.PatchAsync("/api/v1/articles", new StringContent("{}", Encoding.UTF8, "application/json"))),
            (HttpStatusCode.Conflict, await editor.PostJson("/api/v1/categories", new { name = "Khác", slug = category["slug"]!.GetValue<string>() })),
            (HttpStatusCode.PreconditionFailed, await SettingsAsync(admin, "\"r1-AAAAAAAAAAAAAAAA\"")),
            (HttpStatusCode.RequestEntityTooLarge, await editor.PostAsync("/api/v1/articles", new StringContent(new string(' ', 3_000_000), Encoding.UTF8, "application/json"))),
            (HttpStatusCode.UnsupportedMediaType, await editor.PostAsync("/api/v1/articles", new StringContent("tiêu đề", Encoding.UTF8, "text/plain"))),
            (HttpStatusCode.UnprocessableEntity, await editor.PostJson("/api/v1/directives", new DirectiveBody($"{DirectiveData.NextNumber()}/KH-UBND", "CT", issuer))),
            (HttpStatusCode.PreconditionRequired, await SettingsAsync(admin, null)),
        };
        var visitor = _app.Client();
        visitor.DefaultRequestHeaders.Add("X-Visitor-Id", "problem-type-visitor");
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostJson("/api/v1/hits", new { path = "/" })).StatusCode);
        var limited = await visitor.PostJson("/api/v1/hits", new { path = "/" });

        foreach (var (status, response) in answers.Append((HttpStatusCode.TooManyRequests, limited)))
        {
            var problem = await response.Problem(status);
            var type = problem["type"]!.GetValue<string>();
            Assert.True(type.StartsWith("https://tools.ietf.org/html/rfc", StringComparison.Ordinal), $"{(int)status}: {type}");
        }
    }

    private static Task<HttpResponseMessage> SettingsAsync(HttpClient admin, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, SettingsRequests.Url)
        {
            Content = new StringContent("""{"phone":"(0251) 3861 114"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/merge-patch+json")),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return admin.SendAsync(request);
    }

    public void Dispose() => _app.Dispose();
}
