using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// Times an operation over several runs and, from EF Core's own diagnostic events, how much of each
/// run the database took (command executed and its rows read), so what is spent outside SQL shows.
/// </summary>
internal sealed class Timing : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    // One operation runs at a time, so one clock will do (an AsyncLocal would not survive EF's async calls).
    private Stopwatch? _sqlClock;
    private long _sqlTicks;

    public Timing() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>When set, the text of every statement executed (with its parameters) is added here.</summary>
    public List<string>? Statements { get; set; }

    public record Result(string Name, double P50, double P95, double Max, double SqlP50, int Runs, string Note);

    public async Task<Result> MeasureAsync(string name, int runs, Func<Task<string>> operation, int warmUps = 2)
    {
        for (var i = 0; i < warmUps; i++) await operation(); // warm-up: JIT, EF's query cache, the database's page cache
        var totals = new List<double>();
        var sql = new List<double>();
        var note = "";
        for (var i = 0; i < runs; i++)
        {
            Interlocked.Exchange(ref _sqlTicks, 0);
            var watch = Stopwatch.StartNew();
            note = await operation();
            totals.Add(watch.Elapsed.TotalMilliseconds);
            sql.Add(TimeSpan.FromTicks(Interlocked.Read(ref _sqlTicks)).TotalMilliseconds);
        }
        return new(name, Percentile(totals, 50), Percentile(totals, 95), totals.Max(), Percentile(sql, 50), runs, note);
    }

    public static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) _listeners.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        // From the command's start to its reader's close: the statement and reading its rows.
        if (e.Key == RelationalEventId.CommandExecuting.Name)
        {
            _sqlClock = Stopwatch.StartNew();
            if (Statements is { } statements && e.Value is CommandEventData { Command: var command })
                statements.Add(string.Join("\n", command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => $"-- {p.ParameterName} = {p.Value}").Append(command.CommandText)));
        }
        else if (e.Key is var key && (key == RelationalEventId.DataReaderClosing.Name || key == RelationalEventId.CommandError.Name
                 || (key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData { Result: not System.Data.Common.DbDataReader })))
        {
            if (_sqlClock is { } clock) Interlocked.Add(ref _sqlTicks, clock.Elapsed.Ticks);
            _sqlClock = null;
        }
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        foreach (var l in _listeners) l.Dispose();
    }
}
