using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PowerService.Web.Data;

/// <summary>
/// Sets the pragmas every SQLite connection needs. WAL lets readers work while one writer writes;
/// busy_timeout makes a briefly locked database wait instead of failing; NORMAL sync is safe under WAL;
/// a WAL grown past 64 MiB (a large import's, which checkpoints only at its end) is cut back when it restarts.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=67108864;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// One writer at a time. SQLite allows a single writer, and EF Core can surface SQLITE_BUSY without
/// retrying when a reader is disposed under load, so the app serialises its own writes here.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try { return await write(); }
        finally { _gate.Release(); }
    }
}
