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
            var template = await Templates.PostgresAsync(server!);
            await using (var admin = new Npgsql.NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE {template}", admin);
                await create.ExecuteNonQueryAsync();
            }
            settings = new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:PowerService"] = $"{server};Database={database}" };
        }
        else
        {
            var file = Path.Combine(folder, "powerservice.db");
            File.Copy(await Templates.SqliteAsync(), file);
            settings = new() { ["ConnectionStrings:PowerService"] = $"Data Source={file};Pooling=False" };
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value?.Replace("{folder}", folder);

        var log = new TestLog();
        var services = BuildServices(settings, time, log);
        return new TestDatabase(folder, settings, database, services, time, log);
    }

    /// <summary>
    /// A copy of the prepared SQLite database at <paramref name="path"/>: migrated, with the reference
    /// data and demo accounts, as the app's first start leaves it (the browser tests' app starts on it).
    /// </summary>
    public static async Task CopyPreparedSqliteAsync(string path) => File.Copy(await Templates.SqliteAsync(), path);

    /// <summary>
    /// Migrates an empty database and adds the reference data and demo accounts, as the app's start does.
    /// Done once per test run and provider (<see cref="Templates"/>): each test then starts from a copy.
    /// </summary>
    private static async Task PrepareAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var services = BuildServices(settings, new FakeTimeProvider(ComplaintBuilder.Start), new TestLog());
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        var demo = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
        await demo.EnsureReferenceDataAsync();
        await demo.EnsureAccountsAsync();
    }

    /// <summary>
    /// The prepared database each test copies: a SQLite file, and a PostgreSQL template database. Running
    /// every migration and hashing the demo accounts' passwords took about two seconds a test; a copy
    /// takes milliseconds, and the copy is exactly what the migrations and seeding made.
    /// </summary>
    private static class Templates
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static string? _sqlite, _postgres;

        public static async Task<string> SqliteAsync()
        {
            await Gate.WaitAsync();
            try
            {
                if (_sqlite is not null) return _sqlite;
                var folder = Directory.CreateTempSubdirectory("ps-template-").FullName;
                var path = Path.Combine(folder, "template.db");
                // No pooling: when preparation ends the last connection closes and SQLite folds its WAL into the file.
                await PrepareAsync(new Dictionary<string, string?> { ["ConnectionStrings:PowerService"] = $"Data Source={path};Pooling=False" });
                AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
                return _sqlite = path;
            }
            finally { Gate.Release(); }
        }

        /// <summary>A template database named for this test process; those of processes that have ended are dropped first.</summary>
        public static async Task<string> PostgresAsync(string server)
        {
            await Gate.WaitAsync();
            try
            {
                if (_postgres is not null) return _postgres;
                var name = $"ps_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
                await using (var admin = new Npgsql.NpgsqlConnection(server))
                {
                    await admin.OpenAsync();
                    await DropAbandonedAsync(admin);
                    await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin);
                    await create.ExecuteNonQueryAsync();
                }
                var connection = $"{server};Database={name}";
                await PrepareAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:PowerService"] = connection });
                // A template must have no open sessions when it is copied.
                using (var pooled = new Npgsql.NpgsqlConnection(connection)) Npgsql.NpgsqlConnection.ClearPool(pooled);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(server, name);
                return _postgres = name;
            }
            finally { Gate.Release(); }
        }

        private static async Task DropAbandonedAsync(Npgsql.NpgsqlConnection admin)
        {
            var abandoned = new List<string>();
            await using (var list = new Npgsql.NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'ps_template_%'", admin))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                {
                    var parts = reader.GetString(0).Split('_');
                    if (parts.Length > 2 && int.TryParse(parts[2], out var pid) && !Directory.Exists($"/proc/{pid}")) abandoned.Add(reader.GetString(0));
                }
            foreach (var name in abandoned)
            {
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }

        private static void Drop(string server, string name)
        {
            try
            {
                using var admin = new Npgsql.NpgsqlConnection(server);
                admin.Open();
                using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
            }
            catch (Npgsql.NpgsqlException) { /* the server stopped first: nothing is left to drop */ }
        }
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
