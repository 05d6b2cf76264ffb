using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Api;
using Portal.Api.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// A normal start is quiet and correct: the service reads its own appsettings.json wherever it is started from, and
/// neither a start nor the readers' everyday requests log an EF Core warning.
/// </summary>
public sealed class QuietStartTests
{
    /// <summary>What a reader's browser and a frontend ask for on a normal day (the counter, pages, feeds).</summary>
    private static readonly string[] ReaderTour =
    [
        "/api/v1/hits", "/api/v1/hits/daily", "/api/v1/settings", "/api/v1/articles", "/api/v1/articles?q=tre%20em",
        "/api/v1/articles/tang-cuong-cong-tac-cham-soc-giao-duc-va-bao-ve-tre-em", "/api/v1/directives", "/api/v1/categories",
        "/api/v1/feeds/articles.rss", "/api/v1/feeds/articles.atom", "/health",
    ];

    [Fact]
    public void The_content_root_is_the_application_folder_unless_it_is_set()
    {
        static string? Root(string[] args, string? variable = null) =>
            PortalHost.Options(args, name => name == "DOTNET_CONTENTROOT" ? variable : null).ContentRootPath;

        Assert.Equal(AppContext.BaseDirectory, Root([]));
        Assert.Equal(AppContext.BaseDirectory, Root(["--urls", "http://127.0.0.1:5080", "--Database:Path", "data/portal.db"]));
        // Set explicitly: the builder takes it from the arguments or the environment itself.
        Assert.Null(Root(["--contentRoot", "/srv/portal"]));
        Assert.Null(Root(["--contentroot=/srv/portal"]));
        Assert.Null(Root([], "/srv/portal"));
    }

    [Fact]
    public async Task Started_from_another_folder_Portal_reads_its_own_settings_and_logs_no_SQL_and_no_EF_warning()
    {
        var work = Directory.CreateTempSubdirectory("portal-start-");
        try
        {
            var log = await RunPortalAsync(work.FullName);
            Assert.Contains("Now listening on:", log, StringComparison.Ordinal);
            // appsettings.json sets Microsoft.EntityFrameworkCore.Database.Command to Warning; without it every statement is logged.
            Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
            Assert.DoesNotContain("warn: Microsoft.EntityFrameworkCore", log, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", log, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_start_and_a_tour_of_the_reader_endpoints_log_no_EF_warning()
    {
        var logs = new CapturedLogs();
        using var app = new PortalApp();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = logged.CreateClient();
        foreach (var url in ReaderTour)
        {
            Assert.True((await client.GetAsync(url)).IsSuccessStatusCode, url);
        }

        Assert.True((await client.PostJson("/api/v1/hits", new { path = "/" })).IsSuccessStatusCode);
        await logged.Services.GetRequiredService<Portal.Api.Features.Hits.HitCounter>().FlushAsync(CancellationToken.None);
        Assert.True((await client.GetAsync("/api/v1/hits")).IsSuccessStatusCode);

        // The model is validated once per process and may have been built by another test: validate it again here.
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await using (var db = TestDatabase.IsPostgres
            ? new PostgresPortalDbContext(Fresh<PostgresPortalDbContext>(logged.Services, loggers))
            : (PortalDbContext)new SqlitePortalDbContext(Fresh<SqlitePortalDbContext>(logged.Services, loggers)))
        {
            Assert.NotEmpty(db.Model.GetEntityTypes());
        }

        // The capture sees EF Core's own entries (migrations, model building), so an empty list of warnings means none.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        // Warnings only: on a new PostgreSQL database EF's migrator logs its first look at the missing history table as a
        // failed command (an Error) before it creates the table; that is not one of the warnings this test is about.
        var warnings = logs.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Level == LogLevel.Warning);
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_only_optional_dependent_without_a_required_column_is_the_cover_image_whose_validator_requires_one()
    {
        using var app = new PortalApp();
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
        var ambiguous = model.GetEntityTypes()
            .Where(e => e.FindOwnership() is { IsRequiredDependent: false })
            .Where(e => e.GetProperties().Where(p => !p.IsPrimaryKey()).All(p => p.IsNullable))
            .Select(e => e.ClrType.Name)
            .ToList();
        Assert.Equal(["ArticleImage"], ambiguous);
    }

    /// <summary>The app's own options for <typeparamref name="T"/>, logging to <paramref name="loggers"/>, with a model of their own.</summary>
    private static DbContextOptions<T> Fresh<T>(IServiceProvider services, ILoggerFactory loggers)
        where T : DbContext =>
        new DbContextOptionsBuilder<T>(services.GetRequiredService<DbContextOptions<T>>())
            .UseLoggerFactory(loggers).EnableServiceProviderCaching(false).Options;

    /// <summary>
    /// Starts the built Portal.Api from <paramref name="workingDirectory"/> (which holds no appsettings.json) on a free
    /// port with its own database, asks for the reader tour, stops it and returns what it printed.
    /// </summary>
    private static async Task<string> RunPortalAsync(string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Portal.Api.dll"), "--urls", "http://127.0.0.1:0",
            "--Database:Path", Path.Combine(workingDirectory, "data", "portal.db"), "--Files:Root", Path.Combine(workingDirectory, "data", "files"),
        })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var variable in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Logging__LogLevel__Default" })
        {
            start.Environment.Remove(variable);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        void Collect(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            const string prefix = "Now listening on: ";
            var at = line.IndexOf(prefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(line[(at + prefix.Length)..].Trim()));
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
            Assert.True(first == listening.Task, $"Portal did not start:\n{output}");
            using var client = new HttpClient { BaseAddress = await listening.Task };
            foreach (var url in ReaderTour)
            {
                Assert.True((await client.GetAsync(url)).IsSuccessStatusCode, url);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (output)
        {
            return output.ToString();
        }
    }
}
