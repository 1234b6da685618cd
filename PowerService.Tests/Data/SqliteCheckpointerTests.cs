using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Tests.Support;
using PowerService.Web.Data;

namespace PowerService.Tests.Data;

/// <summary>
/// The app's WAL checkpointer (SQLite only): once it runs, connections stop checkpointing at commit, and
/// what a commit wrote reaches the database file within seconds all the same — nobody else copying it.
/// </summary>
public sealed class SqliteCheckpointerTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Once_it_runs_commits_do_not_checkpoint_and_what_they_write_reaches_the_file_within_seconds()
    {
        // Held open throughout: SQLite copies the WAL into the file when its last connection closes, which
        // would change the file whoever checkpoints.
        await using var holder = _db.NewContext();
        await holder.Database.OpenConnectionAsync(Ct);
        var path = holder.Database.GetDbConnection().DataSource;
        Assert.Equal(SqlitePragmas.SqliteAutoCheckpoint, await AutoCheckpointAsync());
        var checkpointer = ActivatorUtilities.CreateInstance<SqliteCheckpointer>(_db.Services);
        await checkpointer.StartAsync(Ct);
        try
        {
            Assert.True(await WithinAsync(async () => await AutoCheckpointAsync() == 0), "new connections still checkpoint at commit");
            await using (var db = _db.NewContext())
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", Ct);
            var before = Hash(path);

            await _db.RegisterAsync(await _db.StaffAsync("agent"));

            Assert.True(await WithinAsync(() => Task.FromResult(Hash(path) != before)), "the database file did not change within 5 s of the commit");
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
    }

    private async Task<long> AutoCheckpointAsync()
    {
        await using var db = _db.NewContext();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>The main database file only: a commit writes the WAL, a checkpoint this file.</summary>
    private static string Hash(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    /// <summary>Polls for up to 5 s: the checkpointer runs on the machine's clock, once a second.</summary>
    private static async Task<bool> WithinAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition()) return true;
            await Task.Delay(100, Ct);
        }
        return false;
    }
}
