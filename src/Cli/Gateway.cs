using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace EPoomasi.Cli;

/// <summary>The gRPC clients, each sending a bearer token and saying it comes from the CLI.</summary>
internal sealed class Gateway(string address) : IDisposable
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(address);

    public LedgerService.LedgerServiceClient Ledger(string token) => new(Invoker(token));

    public AdministrationService.AdministrationServiceClient Administration(string token) => new(Invoker(token));

    public AuditService.AuditServiceClient Audit(string token) => new(Invoker(token));

    public Contracts.Community.V1.CommunityService.CommunityServiceClient Community(string token) => new(Invoker(token));

    public ReportService.ReportServiceClient Reports(string token) => new(Invoker(token));

    public Contracts.Exchange.V1.ExchangeService.ExchangeServiceClient Exchange(string token) => new(Invoker(token));

    public Contracts.Exchange.V1.LoanService.LoanServiceClient Loans(string token) => new(Invoker(token));

    /// <summary>The development issuer: only on a gateway that enables it.</summary>
    public DevelopmentTokenService.DevelopmentTokenServiceClient Tokens => new(Invoker(null));

    public async Task<string> TokenAsync(Contracts.Identity.V1.Role role, string subject, string? district, IEnumerable<string> accounts, CancellationToken cancellationToken)
    {
        var request = new IssueDevelopmentTokenRequest { Role = role, Subject = subject, DistrictId = district ?? "" };
        request.AccountIds.AddRange(accounts);
        return (await Tokens.IssueDevelopmentTokenAsync(request, cancellationToken: cancellationToken)).Token;
    }

    public void Dispose() => _channel.Dispose();

    private CallInvoker Invoker(string? token) => _channel.CreateCallInvoker().Intercept(metadata =>
    {
        metadata.Add("epoomasi-channel", "cli");
        if (token is not null)
        {
            metadata.Add("authorization", $"Bearer {token}");
        }

        return metadata;
    });
}
