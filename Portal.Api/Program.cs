using Portal.Api;
using Portal.Api.Data;
using Portal.Api.Features.ApiKeys;

var builder = WebApplication.CreateBuilder(PortalHost.Options(args));
builder.AddPortal();

var app = builder.Build();
app.UsePortal();
await app.MigrateAndSeedAsync();
if (ApiKeyCommandLine.IsCreateKey(args))
{
    return await ApiKeyCommandLine.RunAsync(app, args);
}

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
