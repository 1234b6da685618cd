namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// The database a scale benchmark runs against, from <c>--provider sqlite --path FILE</c> or
/// <c>--provider postgres --connection "Host=…;Database=…"</c>, as the app's settings.
/// </summary>
internal sealed record BenchTarget(string Name, IReadOnlyDictionary<string, string?> Settings, IReadOnlyDictionary<string, string> Options)
{
    public static (BenchTarget? Target, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count) return (null, $"unexpected argument '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        switch (values.GetValueOrDefault("provider")?.ToLowerInvariant())
        {
            case "sqlite" when values.GetValueOrDefault("path") is { Length: > 0 } path && File.Exists(path):
                return (new BenchTarget($"SQLite {Path.GetFileName(path)}",
                    new Dictionary<string, string?> { ["ConnectionStrings:PowerService"] = $"Data Source={Path.GetFullPath(path)}" }, values), null);
            case "sqlite":
                return (null, "--path must name an existing SQLite file (build one with ./bench.sh build)");
            case "postgres" when values.GetValueOrDefault("connection") is { Length: > 0 } connection:
                return (new BenchTarget($"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(connection).Database}",
                    new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:PowerService"] = connection }, values), null);
            default:
                return (null, "--provider sqlite --path FILE or --provider postgres --connection \"Host=…;Database=…\"");
        }
    }

    public int Int(string name, int fallback) => Options.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
}
