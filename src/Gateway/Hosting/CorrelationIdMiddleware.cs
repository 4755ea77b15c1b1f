namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// Gives every request a correlation id (the caller's <c>x-correlation-id</c>, or a new one), puts it in
/// the logging scope of everything the request logs, and returns it in the response headers.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "x-correlation-id";

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[Header].ToString();
        var id = supplied.Length is > 0 and <= 64 ? supplied : Guid.NewGuid().ToString("N");
        context.Response.Headers[Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id, ["Path"] = context.Request.Path.ToString() }))
        {
            await next(context);
        }
    }
}
