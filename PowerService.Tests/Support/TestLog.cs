using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PowerService.Tests.Support;

/// <summary>Keeps what the application logs, so a test can say "nothing went wrong" as well as "this happened".</summary>
public sealed class TestLog : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Warnings and errors: what an operator reading the log would have to look at.</summary>
    public IReadOnlyList<Entry> Problems => Entries.Where(e => e.Level >= LogLevel.Warning).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(TestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
