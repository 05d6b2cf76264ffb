using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Domain.Access;

namespace Portal.Api.Features.ApiKeys;

/// <summary>
/// <c>Portal.Api create-key --name NAME --role admin|editor</c>: creates a key in the configured database, prints the
/// secret once on standard output and exits. Used by <c>make key</c>.
/// </summary>
internal static class ApiKeyCommandLine
{
    public static bool IsCreateKey(string[] args) => args.Length > 0 && args[0] == "create-key";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var name = Option(args, "--name") ?? "admin";
        if (!Enum.TryParse<Role>(Option(args, "--role") ?? "admin", ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            await Console.Error.WriteLineAsync("--role must be admin or editor");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var secret = ApiKeySecrets.NewSecret();
        db.ApiKeys.Add(ApiKeySecrets.NewKey(name, role, secret, TimeProvider.System.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        await Console.Out.WriteLineAsync(secret);
        await Console.Error.WriteLineAsync($"Created {role.ToString().ToLowerInvariant()} key '{name}'. The key above is shown once; only its hash is stored.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
