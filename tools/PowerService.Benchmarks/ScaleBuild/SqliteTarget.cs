using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>
/// A SQLite file. The inserts share one open connection with durability relaxed (synchronous=OFF:
/// a crash mid-build means building again, nothing is lost) and a large page cache, since the
/// random-keyed unique indexes (intake token, number) are touched all over on every batch.
/// </summary>
internal sealed class SqliteTarget(string path) : BuildTarget
{
    private const string BulkPragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;";

    private SqliteConnection? _connection;
    private DbContextOptions<SqliteAppDbContext>? _options;

    public override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["ConnectionStrings:PowerService"] = $"Data Source={path}" };

    public override async Task<bool> HoldsTablesAsync()
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return false;
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(await command.ExecuteScalarAsync()) > 0;
    }

    public override Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        return Task.CompletedTask;
    }

    public override async Task<AppDbContext> OpenWriterAsync()
    {
        if (_connection is null)
        {
            _connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await _connection.OpenAsync();
            await using var command = _connection.CreateCommand();
            command.CommandText = BulkPragmas;
            await command.ExecuteNonQueryAsync();
            _options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(_connection).Options;
        }
        return new SqliteAppDbContext(_options!);
    }

    public override async Task FinishAsync()
    {
        await using var db = await OpenWriterAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        // Everything into the main file, so its size is the database's size and it can be copied alone.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    public override Task<long> SizeAsync() =>
        Task.FromResult(new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length));

    public override async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
