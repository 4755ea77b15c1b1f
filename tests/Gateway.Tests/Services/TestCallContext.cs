using EPoomasi.Gateway.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace EPoomasi.Gateway.Tests.Services;

/// <summary>
/// A server call as a service method sees it, without a server: its caller (as the authorization interceptor
/// would have admitted it), headers and cancellation. Grpc.AspNetCore finds the HTTP context in the user
/// state under <c>__HttpContext</c>, its documented hook for tests.
/// </summary>
public sealed class TestCallContext : ServerCallContext
{
    private readonly Metadata _headers = [];
    private readonly CancellationToken _cancellation;

    public TestCallContext(Caller caller, string method, CancellationToken cancellation)
    {
        var http = new DefaultHttpContext();
        http.Items[typeof(Caller)] = caller;
        UserState["__HttpContext"] = http;
        MethodCore = method;
        _cancellation = cancellation;
    }

    protected override string MethodCore { get; }

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _headers;

    protected override CancellationToken CancellationTokenCore => _cancellation;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
