using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace PowerService.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite by default; <c>Database:Provider = Postgres</c> for several instances on one database.
    /// Both use the "PowerService" connection string.
    /// </summary>
    public static IServiceCollection AddPowerServiceDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
        var connectionString = configuration.GetConnectionString("PowerService") ?? (postgres ? null : "Data Source=powerservice.db")
            ?? throw new InvalidOperationException("ConnectionStrings:PowerService is required for PostgreSQL.");
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<WriteGate>();
        if (postgres)
        {
            services.AddDbContextFactory<PostgresAppDbContext>(options => options
                .UseNpgsql(connectionString)
                .ConfigureWarnings(LogFailuresWhereHandled));
            services.AddSingleton<IDbContextFactory<AppDbContext>, AsAppDbContext<PostgresAppDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqliteAppDbContext>((sp, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmas>())
                .ConfigureWarnings(LogFailuresWhereHandled));
            services.AddSingleton<IDbContextFactory<AppDbContext>, AsAppDbContext<SqliteAppDbContext>>();
            services.AddHostedService<SqliteCheckpointer>(); // runs where a host runs (the app), not in tools that only build services
        }
        // Identity's stores take a scoped context; the features use the factory (one context per operation).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// EF logs every failed command, save and query as an error, with a stack trace, before the exception
    /// reaches the code that handles it. The handlers log what matters once and with context (a
    /// lost race is no error at all; a failure that repeats is counted, not repeated), and an
    /// unhandled one is logged by the host; EF's own copy is detail for the debug level.
    /// </summary>
    private static void LogFailuresWhereHandled(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug));

    /// <summary>Hands out the provider's context as the model type the features depend on.</summary>
    private sealed class AsAppDbContext<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }

    /// <summary>Prepares the database when the host starts, before the server takes requests.</summary>
    public static IServiceCollection AddDatabasePreparation(this IServiceCollection services)
    {
        services.AddHostedService<DatabasePreparation>();
        return services;
    }

    /// <summary>How long one migration statement may run.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Applies migrations (and, once, the data upgrades they call for), then reference data; demo accounts and complaints when Demo:Enabled.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        // A migration that fills or indexes a large table runs one statement longer than the usual
        // 30-second command limit (the queue key's backfill and indexes at a million complaints):
        // a timeout would roll it back and stop the start-up every time.
        db.Database.SetCommandTimeout(MigrationTimeout);
        await db.Database.MigrateAsync();
        // On PostgreSQL the queue key's backfill left a dead version of every complaint row; until a
        // vacuum marks the pages all-visible again no index-only scan can skip the table (本部门 read
        // 100,000 rows from it at a million). VACUUM cannot run inside a migration's transaction:
        // it runs here, once, right after (about 7 s at 1,000,000 complaints).
        if (db.Database.IsNpgsql() && pending.Any(m => m.EndsWith("_QueueKeyAndSearch", StringComparison.Ordinal)))
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"Complaints\"");
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"SlaAlerts\"");
        }
        db.Database.SetCommandTimeout(null);
        // Data the new columns need, derived once, right after the migration that added them: never
        // again, so an entry inserted later without a seal stays unsealed and fails verification.
        if (pending.Any(m => m.EndsWith("_TimelineSeals", StringComparison.Ordinal))) await LegacyTimelineSealing.SealAsync(db);
        if (pending.Any(m => m.EndsWith("_ClockIds", StringComparison.Ordinal) || m.EndsWith("_SecondRevisitDue", StringComparison.Ordinal)))
            await LegacyComplaintUpgrade.RunAsync(db);
        var demo = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
        await demo.EnsureReferenceDataAsync();
        if (services.GetService<IHostEnvironment>()?.IsProduction() == true) await demo.DisablePublishedAccountsAsync();
        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            // Demo accounts share a published password: they never exist where real customers' data is.
            if (services.GetRequiredService<IHostEnvironment>().IsProduction())
                throw new InvalidOperationException("Demo:Enabled is true in Production: demo accounts use a published password and are refused here. " +
                    "Turn it off and create the first admin with: dotnet PowerService.Web.dll create-admin --user NAME");
            await demo.EnsureAccountsAsync();
            if (configuration.GetValue("Demo:Complaints", true))
            {
                await demo.EnsureComplaintsAsync();
                await DemoTraining.EnsureAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow());
                await DemoSampling.EnsureAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow());
            }
        }
    }
}

/// <summary>
/// Runs migrations and seeding in <see cref="StartingAsync"/>, which the host calls before any
/// service starts — the web server included — so no request ever meets an unmigrated database.
/// </summary>
internal sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.PrepareDatabaseAsync(configuration);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
