using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PowerService.Web.Data;

/// <summary>
/// Sets the pragmas every SQLite connection needs. WAL lets readers work while one writer writes;
/// busy_timeout makes a briefly locked database wait instead of failing; NORMAL sync is safe under WAL;
/// a WAL grown past 64 MiB (a large import's) is cut back when it restarts. Once the app's own
/// checkpointer runs (<see cref="SqliteCheckpointer"/>), new connections leave checkpoints to it.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=67108864;";

    /// <summary>SQLite's own: a commit that leaves the WAL at this many pages or more copies them into the database.</summary>
    public const int SqliteAutoCheckpoint = 1000;

    private volatile bool _checkpointedInBackground;

    /// <summary>The automatic checkpoint a connection has: none once the app's checkpointer runs, else SQLite's.</summary>
    public int AutoCheckpoint => _checkpointedInBackground ? 0 : SqliteAutoCheckpoint;

    /// <summary>Connections opened from now on do not checkpoint at commit.</summary>
    public void CheckpointInBackground() => _checkpointedInBackground = true;

    private string Text => Pragmas + $" PRAGMA wal_autocheckpoint={AutoCheckpoint};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Text;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Text;
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
