namespace PowerService.Benchmarks.ScaleBuild;

public enum BuildProvider { Sqlite, Postgres }

/// <summary>How batches are stored: prepared INSERTs from the EF model (default), or EF Core's SaveChanges (for comparison).</summary>
public enum BuildWriter { Model, Ef }

/// <summary>
/// The arguments of <c>bench.sh build</c>:
/// <c>--count N --provider sqlite --path FILE</c> or <c>--count N --provider postgres --connection "Host=…;Database=…"</c>,
/// with <c>--force</c> to replace a database that already holds tables, <c>--batch</c> (complaints per
/// insert transaction), <c>--seed</c> (the generator's random seed), <c>--writer model|ef</c> and <c>--now</c> (an
/// ISO instant to build as of, instead of the current time: the same seed and instant give the same
/// complaints, apart from random ids — intake tokens and the accounts' ids).
/// </summary>
public sealed record BuildOptions(int Count, BuildProvider Provider, string ConnectionString, string Target, bool Force, int BatchSize, int Seed, BuildWriter Writer,
    DateTimeOffset? Now)
{
    public const string Usage =
        "usage: PowerService.Benchmarks build --count N --provider sqlite --path FILE [--force] [--batch 2000] [--seed 9] [--writer model|ef] [--now 2026-11-24T02:00:00Z]\n" +
        "       PowerService.Benchmarks build --count N --provider postgres --connection \"Host=…;Database=…\" [--force] [--batch 2000] [--seed 9] [--writer model|ef] [--now 2026-11-24T02:00:00Z]";

    /// <summary>The options, or the reason they are not valid.</summary>
    public static (BuildOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        var force = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--force") { force = true; continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count) return (null, $"unexpected argument '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        if (!int.TryParse(values.GetValueOrDefault("count"), out var count) || count < 1) return (null, "--count must be a positive number");
        var batch = values.TryGetValue("batch", out var b) ? int.TryParse(b, out var parsed) && parsed > 0 ? parsed : -1 : 2000;
        if (batch < 1) return (null, "--batch must be a positive number");
        var seed = values.TryGetValue("seed", out var s) ? int.TryParse(s, out var parsedSeed) ? parsedSeed : -1 : 9;
        if (seed < 0) return (null, "--seed must be a non-negative number");
        DateTimeOffset? now = null;
        if (values.TryGetValue("now", out var n))
        {
            if (!DateTimeOffset.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsedNow)) return (null, "--now must be an instant such as 2026-11-24T02:00:00Z");
            now = parsedNow.ToUniversalTime();
        }
        if (!Enum.TryParse<BuildWriter>(values.GetValueOrDefault("writer", "model"), ignoreCase: true, out var writer)) return (null, "--writer must be model or ef");

        switch (values.GetValueOrDefault("provider")?.ToLowerInvariant())
        {
            case "sqlite":
                if (values.GetValueOrDefault("path") is not { Length: > 0 } path) return (null, "--path is required for SQLite");
                path = Path.GetFullPath(path);
                return (new BuildOptions(count, BuildProvider.Sqlite, $"Data Source={path}", path, force, batch, seed, writer, now), null);
            case "postgres":
                if (values.GetValueOrDefault("connection") is not { Length: > 0 } connection) return (null, "--connection is required for PostgreSQL");
                var database = new Npgsql.NpgsqlConnectionStringBuilder(connection).Database;
                if (string.IsNullOrEmpty(database)) return (null, "--connection must name the database (Database=…)");
                return (new BuildOptions(count, BuildProvider.Postgres, connection, database, force, batch, seed, writer, now), null);
            default:
                return (null, "--provider must be sqlite or postgres");
        }
    }
}
