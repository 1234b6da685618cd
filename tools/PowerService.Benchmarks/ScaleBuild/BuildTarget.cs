using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>What differs between building into a SQLite file and into a PostgreSQL database.</summary>
internal abstract class BuildTarget : IAsyncDisposable
{
    public static BuildTarget For(BuildOptions options) => options.Provider switch
    {
        BuildProvider.Sqlite => new SqliteTarget(options.Target),
        _ => new PostgresTarget(options.ConnectionString, options.Target),
    };

    /// <summary>The app's settings for this database, as appsettings or environment variables would give them.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Whether the database already holds any table (a build must never mix into existing data).</summary>
    public abstract Task<bool> HoldsTablesAsync();

    /// <summary>Removes the database entirely (<c>--force</c>); the app's migrations create it again.</summary>
    public abstract Task DropAsync();

    /// <summary>Creates the (empty) database when it does not exist yet, so the app's migrations find one to migrate.</summary>
    public virtual Task CreateIfMissingAsync() => Task.CompletedTask;

    /// <summary>A context for one insert batch, on a connection tuned for bulk loading.</summary>
    public abstract Task<AppDbContext> OpenWriterAsync();

    /// <summary>ANALYZE, so the planner knows the tables' sizes, and whatever makes the database whole and closed.</summary>
    public abstract Task FinishAsync();

    /// <summary>The database's size on disk, in bytes.</summary>
    public abstract Task<long> SizeAsync();

    public abstract ValueTask DisposeAsync();
}
