using Microsoft.EntityFrameworkCore;
using Npgsql;
using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>A PostgreSQL database, named by the connection string; dropped and created through the server's "postgres" database.</summary>
internal sealed class PostgresTarget(string connectionString, string database) : BuildTarget
{
    // The writer's INSERTs are three statements sent hundreds of thousands of times: Npgsql prepares
    // them on the server after a couple of uses instead of having them parsed and planned each time.
    private readonly DbContextOptions<PostgresAppDbContext> _options = new DbContextOptionsBuilder<PostgresAppDbContext>()
        .UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 8, AutoPrepareMinUsages = 2 }.ConnectionString).Options;

    public override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:PowerService"] = connectionString,
    };

    public override async Task<bool> HoldsTablesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try { await connection.OpenAsync(); }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName) { return false; } // no such database yet
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {Quoted} WITH (FORCE)");
    }

    /// <summary>
    /// Created here rather than by the migrations: EF would first try to connect to the missing
    /// database and log that failure as an error before creating it.
    /// </summary>
    public override async Task CreateIfMissingAsync()
    {
        await using var admin = await OpenAdminAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", database);
        if ((long)(await exists.ExecuteScalarAsync())! == 0) await AdminAsync($"CREATE DATABASE {Quoted}");
    }

    private string Quoted => $"\"{database.Replace("\"", "\"\"")}\"";

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        return admin;
    }

    private async Task AdminAsync(string sql)
    {
        await using var admin = await OpenAdminAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    public override Task<AppDbContext> OpenWriterAsync() => Task.FromResult<AppDbContext>(new PostgresAppDbContext(_options));

    public override async Task FinishAsync()
    {
        await using var db = await OpenWriterAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    public override async Task<long> SizeAsync()
    {
        await using var db = await OpenWriterAsync();
        return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
    }

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
