using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EPoomasi.Gateway.Tests;

/// <summary>Keeps every log line a gateway writes, with its scopes and exception, as text.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            capture._scopes.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object>> pairs
                ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}"))
                : scope?.ToString() ?? ""), scopes);
            var values = state is IEnumerable<KeyValuePair<string, object?>> fields ? string.Join(",", fields.Select(p => $"{p.Key}={p.Value}")) : "";
            capture.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | scopes: {string.Join(" / ", scopes)} | {exception}");
        }
    }
}
