using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Portal.Api.Features.Sync;
using Portal.Api.Infrastructure.Caching;

namespace Portal.Api.Data;

/// <summary>The database engines Portal runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, zero set-up: one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of Portal instances.</summary>
    Postgres,
}

/// <summary>Database options, bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file path; relative paths are resolved against the working directory. Default <c>data/portal.db</c>.</summary>
    public string Path { get; set; } = "data/portal.db";

    /// <summary>PostgreSQL connection string (Npgsql syntax), e.g. <c>Host=127.0.0.1;Database=portal;Username=portal;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a connection waits for a lock held by another writer before failing, in milliseconds.</summary>
    public int BusyTimeoutMs { get; set; } = 10_000;

    /// <summary>Apply committed migrations and the seed at start-up (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

internal static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
            services.AddSingleton<ContentVersion>(_ => new DatabaseContentVersion(NpgsqlDataSource.Create(connectionString)));
            services.AddPooledDbContextFactory<PostgresPortalDbContext>((sp, o) => o
                .UseNpgsql(connectionString)
                .ConfigureWarnings(ModelWarnings)
                .AddInterceptors(
                    new ChangeLogInterceptor(sp.GetRequiredService<TimeProvider>()),
                    new ContentVersionInterceptor(sp.GetRequiredService<ContentVersion>(), shared: true)));
            services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgresPortalDbContext>>();
        }
        else
        {
            var connectionString = SqliteConnectionString(options);
            // One pool serves request scopes and background services (the counter's flusher) alike.
            services.AddSingleton<ContentVersion, LocalContentVersion>();
            services.AddHostedService<SqliteOptimizer>();
            services.AddPooledDbContextFactory<SqlitePortalDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .ConfigureWarnings(ModelWarnings)
                .AddInterceptors(
                    new SqlitePragmaInterceptor(options.BusyTimeoutMs),
                    new ChangeLogInterceptor(sp.GetRequiredService<TimeProvider>()),
                    new ContentVersionInterceptor(sp.GetRequiredService<ContentVersion>(), shared: false)));
            services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// EF warns (20606) that an article's cover (<c>ArticleImage</c>, in the Articles table, every column nullable) whose
    /// columns are all null reads back as no cover. That is what a cover means here: one needs a mediaId or a fileName
    /// (<c>ImageCommandValidator</c>), so a stored cover always has a non-null column. A test lists the optional
    /// dependents of the model, so another one is a decision, not a warning nobody reads.
    /// </summary>
    internal static void ModelWarnings(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning);

    public static string SqliteConnectionString(DatabaseOptions options)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
        }.ToString();
    }

    /// <summary>Applies the committed migrations (the schema never comes from the model directly), switches SQLite to WAL, then seeds.</summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run while the counter flushes; it is a property of the file, so setting it once suffices.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var version = scope.ServiceProvider.GetRequiredService<ContentVersion>();
        version.Migrating = true;
        try
        {
            await db.Database.MigrateAsync();
        }
        finally
        {
            version.Migrating = false;
        }

        await Features.Directives.DirectiveFactory.BackfillFieldSearchAsync(db, CancellationToken.None);
        await Features.Directives.DirectiveFactory.RekeyByPrintedIssuerAsync(db, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Seed.PortalSeeder>().SeedAsync(CancellationToken.None);
        if (db.Database.IsSqlite())
        {
            await SqliteStatistics.RefreshAsync(db, CancellationToken.None);
        }
        await Features.ApiKeys.ApiKeySecrets.BootstrapAsync(
            db, app.Configuration["Auth:BootstrapAdminKey"], app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
    }
}

/// <summary>
/// SQLite's query planner needs table statistics to pick, say, the document-number index over the status index for a
/// lookup by số ký hiệu; without them it guessed wrong and scanned every directive. Statistics are gathered at start-up
/// (sampled, so bounded in time) and refreshed every few hours with PRAGMA optimize, as SQLite recommends for
/// long-lived processes. PostgreSQL's autovacuum does the same on its own.
/// </summary>
internal static class SqliteStatistics
{
    public static Task RefreshAsync(PortalDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", ct);

    public static Task OptimizeAsync(PortalDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize;", ct);
}

/// <summary>Runs <see cref="SqliteStatistics.OptimizeAsync"/> every six hours while Portal runs on SQLite.</summary>
internal sealed partial class SqliteOptimizer(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<SqliteOptimizer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                await SqliteStatistics.OptimizeAsync(db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Statistics only steer the planner; a busy database is no reason to stop the service.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing SQLite statistics failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Per-connection SQLite settings: a busy timeout so writers queue instead of failing, and
/// synchronous=NORMAL, which is durable across application crashes in WAL mode.</summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (migrations need no connection).</summary>
internal sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=portal_design").Options);
}
