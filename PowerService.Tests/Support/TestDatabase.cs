using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features;
using PowerService.Web.Features.Sla;
using PowerService.Web.Features.Account;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Support;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// A real database — a SQLite file in a temporary folder, or a throwaway database on the loopback
/// PostgreSQL that test.sh starts — migrated and holding the reference data and demo accounts, with
/// the application's own service registrations and a clock the test moves.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Set by test.sh (scripts/postgres.sh): the server's connection string without a database.</summary>
    public const string PostgresVariable = "POWERSERVICE_TEST_POSTGRES";

    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;

    private TestDatabase(string folder, IReadOnlyDictionary<string, string?> settings, string? postgresDatabase, ServiceProvider services, FakeTimeProvider time, TestLog log)
    {
        _folder = folder;
        _settings = settings;
        _postgresDatabase = postgresDatabase;
        Services = services;
        Time = time;
        Log = log;
    }

    /// <summary>What every instance over this database logged (this one and those from <see cref="OpenAnotherInstance"/>).</summary>
    public TestLog Log { get; }

    public DatabaseProvider Provider => _postgresDatabase is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public string FilePath => Path.Combine(_folder, "powerservice.db");

    /// <summary>The test's temporary folder (removed with it).</summary>
    public string Folder => _folder;

    /// <param name="extra">Settings beyond the database's (e.g. <c>Evidence:Store</c>); a value "{folder}" becomes the test's temporary folder.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var folder = Directory.CreateTempSubdirectory("ps-test-").FullName;
        var time = new FakeTimeProvider(ComplaintBuilder.Start);
        string? database = null;
        Dictionary<string, string?> settings;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrEmpty(server))
                Assert.Fail($"PostgreSQL tests need a server: run ./test.sh (it starts one on 127.0.0.1:55432) or set {PostgresVariable}.");
            database = $"ps_test_{Guid.NewGuid():N}";
            await using (var admin = new Npgsql.NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
            settings = new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:PowerService"] = $"{server};Database={database}" };
        }
        else
        {
            settings = new() { ["ConnectionStrings:PowerService"] = $"Data Source={Path.Combine(folder, "powerservice.db")};Pooling=False" };
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value?.Replace("{folder}", folder);

        var log = new TestLog();
        var services = BuildServices(settings, time, log);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
            var demo = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
            await demo.EnsureReferenceDataAsync();
            await demo.EnsureAccountsAsync();
        }
        return new TestDatabase(folder, settings, database, services, time, log);
    }

    /// <summary>
    /// The application's services over the same database and clock, as a second app instance would have them (its own write gate and caches);
    /// <paramref name="configure"/> adds to them (a command interceptor that holds the instance at a chosen point of a race).
    /// </summary>
    public ServiceProvider OpenAnotherInstance(Action<IServiceCollection>? configure = null) => BuildServices(_settings, Time, Log, configure);

    private static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider time, TestLog log, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(log))
            .AddSingleton<TimeProvider>(time)
            .AddPowerServiceDatabase(configuration)
            .AddPowerServiceFeatures(configuration);
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>().AddStaffPolicies();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public ComplaintService Complaints => Services.GetRequiredService<ComplaintService>();

    public SlaMonitor Monitor => Services.GetRequiredService<SlaMonitor>();

    /// <summary>Takes the schema back to just before the named migration, as a database from before that release was.</summary>
    public async Task MigrateToBeforeAsync(string migration)
    {
        await using var db = NewContext();
        var all = db.Database.GetMigrations().ToList();
        var index = all.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        if (index < 1) throw new ArgumentException($"No migration before {migration}", nameof(migration));
        await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db)
            .MigrateAsync(all[index - 1], Xunit.TestContext.Current.CancellationToken);
    }

    public AppDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>A demo account as the features see it once signed in.</summary>
    public async Task<StaffUser> StaffAsync(string userName)
    {
        await using var db = NewContext();
        return await DemoStaff.LoadAsync(db, userName);
    }

    public async Task<string> RegisterAsync(StaffUser by, ComplaintIntake? intake = null)
    {
        var result = await Complaints.RegisterAsync(intake ?? ComplaintBuilder.ValidIntake(), Guid.NewGuid(), by);
        return result.Value ?? throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Message)));
    }

    public async Task<Complaint> LoadAsync(string number) =>
        await Complaints.FindAsync(number) ?? throw new InvalidOperationException($"{number} not found");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine: the temp folder is cleaned by the OS */ }
    }
}
