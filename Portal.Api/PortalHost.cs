using Microsoft.AspNetCore.Hosting;

namespace Portal.Api;

/// <summary>
/// How Portal's host is created. The content root — where <c>appsettings.json</c> is read from — is the application's
/// own folder (<see cref="AppContext.BaseDirectory"/>) unless it is set with <c>--contentRoot</c> or the
/// <c>ASPNETCORE_CONTENTROOT</c> / <c>DOTNET_CONTENTROOT</c> environment variables. The framework's default is the
/// working directory, so a service started from elsewhere (systemd, a script, another folder) silently ran without its
/// settings: default log levels that print every SQL statement, default limits. Relative paths in the settings
/// (<c>Database:Path</c>, <c>Files:Root</c>) still resolve against the working directory.
/// </summary>
internal static class PortalHost
{
    private static readonly string[] ContentRootVariables = ["ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT"];

    /// <summary>The builder options for <paramref name="args"/> and the process's environment.</summary>
    public static WebApplicationOptions Options(string[] args) => Options(args, Environment.GetEnvironmentVariable);

    /// <summary>The builder options for <paramref name="args"/> and an environment given as a lookup.</summary>
    internal static WebApplicationOptions Options(string[] args, Func<string, string?> environment)
    {
        var fromArgs = new ConfigurationBuilder().AddCommandLine(args).Build()[WebHostDefaults.ContentRootKey];
        var isSet = !string.IsNullOrEmpty(fromArgs) || ContentRootVariables.Any(v => !string.IsNullOrEmpty(environment(v)));
        // Null leaves the choice to the builder, which reads the explicit setting itself.
        return new WebApplicationOptions { Args = args, ContentRootPath = isSet ? null : AppContext.BaseDirectory };
    }
}
