using Microsoft.Extensions.Logging;

namespace Dashboard.Benchmarks.Orders;

/// <summary>
/// Counts EF Core's error logs instead of printing them: the naive writer's refused inserts (its chain forks) each
/// log a DbUpdateException with a stack trace, thousands of lines of noise around the table. The count goes in it.
/// </summary>
internal sealed class EfErrorCounter : ILoggerProvider
{
    public const string Category = "Microsoft.EntityFrameworkCore";

    private long count;

    public long Count => Interlocked.Read(ref count);

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith(Category, StringComparison.Ordinal) ? new Counting(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Counting(EfErrorCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Interlocked.Increment(ref owner.count);
            }
        }
    }
}
