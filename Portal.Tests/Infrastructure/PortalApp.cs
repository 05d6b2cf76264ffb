using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Portal hosted in memory over a real database of its own — a SQLite file, or a PostgreSQL database under
/// <c>make test-postgres</c> — migrated and seeded as at a real start, with a fake clock that tests move.
/// Dispose deletes the database unless <see cref="KeepDatabase"/> is set. Two apps given the same
/// <c>databasePath</c> share one database (as two instances of Portal would).
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    /// <summary>The admin key every test Portal starts with (Auth:BootstrapAdminKey).</summary>
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    /// <summary>2026-11-29 10:00 in Asia/Ho_Chi_Minh.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public PortalApp(string? databasePath = null, FakeTimeProvider? clock = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "portal-tests", $"{Guid.NewGuid():N}.db");
        Clock = clock ?? new FakeTimeProvider(DefaultNow);
        if (TestDatabase.IsPostgres)
        {
            Setting("Database:Provider", "Postgres");
            Setting("Database:ConnectionString", TestDatabase.EnsurePostgresDatabase(PostgresName));
        }
        else
        {
            Setting("Database:Path", DatabasePath);
        }

        Setting("Hits:FlushIntervalMs", "50");
        // Tests post many hits from one client; HitRateLimitTests turns the limit back on.
        Setting("Hits:RateLimit:PermitLimit", "0");
        Setting("Auth:BootstrapAdminKey", AdminKey);
        Setting("Files:Root", Path.ChangeExtension(DatabasePath, ".files"));
        // Tests drive webhook delivery themselves (WebhookSender.DeliverDueAsync) with the fake clock.
        Setting("Webhooks:PollIntervalMs", "3600000");
        Setting("Webhooks:AllowPrivateNetworks", "true");
    }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The PostgreSQL database name derived from <see cref="DatabasePath"/>.</summary>
    private string PostgresName => "portal_t_" + Path.GetFileNameWithoutExtension(DatabasePath).ToLowerInvariant();

    public bool KeepDatabase { get; set; }

    /// <summary>
    /// Serves every request under the culture <paramref name="name"/> (CurrentCulture and CurrentUICulture), as a
    /// server whose locale is set so would: parsing and formatting must not depend on it.
    /// </summary>
    public PortalApp WithCulture(string name)
    {
        _culture = CultureInfo.GetCultureInfo(name);
        return this;
    }

    private CultureInfo? _culture;

    /// <summary>Overrides a configuration value (before the first request).</summary>
    public PortalApp Setting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (_culture is { } culture)
            {
                services.AddSingleton<IStartupFilter>(new CultureFilter(culture));
            }
        });
    }

    /// <summary>A client that does not follow redirects, so tests see 301s.</summary>
    public HttpClient Client(string? bearer = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>A client authenticated with a fresh key of <paramref name="role"/> ("editor" or "admin") created through the API.</summary>
    public async Task<HttpClient> ClientWithRoleAsync(string role)
    {
        var response = await Client(AdminKey).PostJson("/api/v1/api-keys", new { name = $"test {role}", role });
        var created = await response.Json(System.Net.HttpStatusCode.Created);
        return Client(created["secret"]!.GetValue<string>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDatabase && TestDatabase.IsPostgres)
        {
            TestDatabase.DropPostgresDatabase(PostgresName);
        }
        else if (disposing && !KeepDatabase)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(DatabasePath + suffix);
                }
                catch (IOException)
                {
                    // A pooled connection may still hold the file on some platforms; the temp folder is disposable.
                }
            }
        }
    }
}

/// <summary>Runs the whole pipeline of each request under one culture.</summary>
internal sealed class CultureFilter(CultureInfo culture) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, inner) =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return inner(context);
        });
        next(app);
    };
}

/// <summary>One seeded Portal shared by the read-only tests of a class.</summary>
public sealed class SeededPortal : IDisposable
{
    public PortalApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
