using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Data;

/// <summary>
/// On SQLite, copies committed pages from the WAL into the database file in the background, every
/// second, so that no commit has to. SQLite's automatic checkpoint runs inside the commit that finds the
/// WAL past its threshold: during a large import that was a person's save, holding the one writer while
/// it copied the import's pages (docs/benchmarks.md, issue 12). Once running, new connections have the
/// automatic checkpoint off (<see cref="SqlitePragmas"/>) and the idle pooled ones, which had it on, are retired.
/// </summary>
/// <remarks>
/// A passive checkpoint never waits for, or holds up, readers and the writer; what it cannot copy yet it
/// copies next time. The WAL restarts from its beginning at the first write after everything is copied
/// (and is cut back to the journal size limit then). The delay is the machine's, not the app's clock:
/// this is upkeep of a file, and a test clock standing still must not stop it.
/// </remarks>
public sealed class SqliteCheckpointer(IDbContextFactory<AppDbContext> dbFactory, SqlitePragmas pragmas, TimeProvider time, ILogger<SqliteCheckpointer> log)
    : BackgroundService
{
    private const string Checkpoint = "The background WAL checkpoint";

    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        pragmas.CheckpointInBackground();
        var retired = false;
        return RepeatedWork.RunAsync(Checkpoint, async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!retired)
            {
                SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
                retired = true;
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)", ct);
        }, ct => Task.Delay(Every, ct), log, time, stoppingToken);
    }
}
