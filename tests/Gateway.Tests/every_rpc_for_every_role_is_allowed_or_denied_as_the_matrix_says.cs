using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Security;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Every RPC of every service, called by every kind of caller, against a real gateway: allowed calls
/// get past authorization (they may still fail for other reasons); denied ones get PERMISSION_DENIED.
/// The expectations below are written out by hand, independently of the matrix they check.
/// </summary>
public sealed class every_rpc_for_every_role_is_allowed_or_denied_as_the_matrix_says(GatewayFixture gateway)
{
    private const string Admin = "administrator", Auditor = "auditor", CoordinatorHere = "coordinator of the district",
        CoordinatorElsewhere = "coordinator of another district", MemberHere = "member who owns the account", MemberElsewhere = "member of another district",
        PartnerWithScope = "partner app with the scope, acting with the member's token", PartnerWithoutScope = "partner app granted read access only";

    private static readonly string[] Everyone = [Admin, Auditor, CoordinatorHere, CoordinatorElsewhere, MemberHere, MemberElsewhere, PartnerWithScope, PartnerWithoutScope];
    private static readonly string[] Readers = [Admin, Auditor, CoordinatorHere, MemberHere, PartnerWithScope, PartnerWithoutScope];
    private static readonly string[] Officials = [Admin, Auditor, CoordinatorHere, CoordinatorElsewhere, MemberHere, MemberElsewhere];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["LedgerService/CreateTransfers"] = [CoordinatorHere, MemberHere, PartnerWithScope],
        ["LedgerService/PostHold"] = [CoordinatorHere, MemberHere, PartnerWithScope],
        ["LedgerService/VoidHold"] = [CoordinatorHere, MemberHere, PartnerWithScope],
        ["LedgerService/ReverseTransfer"] = [CoordinatorHere],
        ["LedgerService/GetAccount"] = Readers,
        ["LedgerService/ListStatementEntries"] = Readers,
        ["LedgerService/LookupTransfers"] = Readers,
        ["LedgerService/GetBalanceAt"] = Readers,
        ["LedgerService/WatchAccount"] = Readers,
        ["LedgerService/ListDistricts"] = Officials,
        ["LedgerService/GetTrialBalance"] = [Admin, Auditor, CoordinatorHere],
        ["AdministrationService/CreateDistrict"] = [Admin],
        ["AdministrationService/SetMintBudget"] = [Admin],
        ["AdministrationService/SetTrustLimit"] = [Admin],
        ["AdministrationService/ChangeDistrictDefaults"] = [Admin],
        ["AdministrationService/AppointCoordinator"] = [Admin],
        ["AdministrationService/RemoveCoordinator"] = [Admin],
        ["AdministrationService/OpenAccount"] = [Admin, CoordinatorHere],
        ["AdministrationService/ChangeAccountLimits"] = [CoordinatorHere],
        ["AdministrationService/SetAccountFrozen"] = [CoordinatorHere],
        ["AdministrationService/CloseAccount"] = [CoordinatorHere],
        ["PartnerAppService/RegisterPartnerApp"] = [Admin],
        ["PartnerAppService/IssueApiKey"] = [Admin],
        ["PartnerAppService/RevokeApiKey"] = [Admin],
        ["PartnerAppService/GrantAppAccess"] = [MemberHere],
        ["PartnerAppService/RevokeAppAccess"] = [CoordinatorHere, MemberHere],
        ["AuditService/VerifyJournal"] = [Admin, Auditor],
        ["AuditService/RebuildProjections"] = [Admin, Auditor],
        ["ServerReflection/ServerReflectionInfo"] = Officials,
        ["ExchangeService/CreateListing"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/EditListing"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/SetListingStatus"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/RenewListing"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/GetListing"] = Officials,
        ["ExchangeService/SearchListings"] = Officials,
        ["ExchangeService/ProposeDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/CounterDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/AcceptDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/DeclineDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/CancelDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/ClaimDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/ConfirmDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/DisputeDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/ResolveDispute"] = [CoordinatorHere],
        ["ExchangeService/ListDistrictDeals"] = [Admin, Auditor, CoordinatorHere],
        ["ExchangeService/OpenSession"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/JoinSession"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/LeaveSession"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/SettleSession"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/CancelSession"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/GetSession"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["ExchangeService/ReportContent"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/ListContentReports"] = [Auditor, CoordinatorHere],
        ["ExchangeService/DecideContentReport"] = [CoordinatorHere],
        ["ExchangeService/GetDeal"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["ExchangeService/ListDeals"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["ExchangeService/ListOwnedListings"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["ExchangeService/PostDealMessage"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/ListDealMessages"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["ExchangeService/RateDeal"] = [CoordinatorHere, MemberHere],
        ["ExchangeService/GetFeedback"] = Officials,
        ["ExchangeService/WatchMemberEvents"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["LoanService/RequestLoan"] = [CoordinatorHere, MemberHere],
        ["LoanService/AcceptLoan"] = [CoordinatorHere, MemberHere],
        ["LoanService/DeclineLoan"] = [CoordinatorHere, MemberHere],
        ["LoanService/CancelLoan"] = [CoordinatorHere, MemberHere],
        ["LoanService/HandOverLoan"] = [CoordinatorHere, MemberHere],
        ["LoanService/ReturnLoan"] = [CoordinatorHere, MemberHere],
        ["LoanService/ClaimDeposit"] = [CoordinatorHere, MemberHere],
        ["LoanService/ConfirmDepositClaim"] = [CoordinatorHere, MemberHere],
        ["LoanService/DisputeLoan"] = [CoordinatorHere, MemberHere],
        ["LoanService/ResolveLoanDispute"] = [CoordinatorHere],
        ["LoanService/GetLoan"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["LoanService/ListLoans"] = [Admin, Auditor, CoordinatorHere, MemberHere],
        ["LoanService/ListDistrictLoanDisputes"] = [Admin, Auditor, CoordinatorHere],
    };

    private static readonly string[] Public = ["Health/Check", "DevelopmentTokenService/IssueDevelopmentToken"];

    [Fact]
    public void every_rpc_of_every_service_has_an_entry_in_the_matrix_and_in_this_test()
    {
        var services = new[] { LedgerService.Descriptor, AdministrationService.Descriptor, AuditService.Descriptor, PartnerAppService.Descriptor, DevelopmentTokenService.Descriptor, Health.Descriptor, ServerReflection.Descriptor,
            ExchangeService.Descriptor, LoanService.Descriptor };
        foreach (var method in services.SelectMany(s => s.Methods))
        {
            Assert.True(AuthorizationMatrix.Find($"/{method.Service.FullName}/{method.Name}") is not null, $"{method.FullName} is missing from the authorization matrix.");
            var key = $"{method.Service.Name}/{method.Name}";
            Assert.True(Allowed.ContainsKey(key) || Public.Contains(key) || method.Service == Health.Descriptor,
                $"{method.FullName} has no expectation in this test: add one.");
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task each_caller_is_allowed_exactly_what_the_table_says()
    {
        var world = await World.BuildAsync(gateway);
        var mismatches = new List<string>();
        foreach (var (rpc, allowed) in Allowed)
        {
            foreach (var caller in Everyone)
            {
                var (token, apiKey) = world.Callers[caller];
                var status = await world.CallAsync(rpc, token, apiKey);
                var denied = status == StatusCode.PermissionDenied;
                if (denied == allowed.Contains(caller) || status == StatusCode.Unauthenticated)
                {
                    mismatches.Add($"{rpc} as {caller}: {status}, expected {(allowed.Contains(caller) ? "allowed" : "PERMISSION_DENIED")}");
                }
            }

            var anonymous = await world.CallAsync(rpc, null, null);
            if (anonymous != StatusCode.Unauthenticated)
            {
                mismatches.Add($"{rpc} without a token: {anonymous}, expected UNAUTHENTICATED");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_public_exceptions_answer_without_a_token()
    {
        var health = await new Health.HealthClient(gateway.Invoker(null)).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);
        var token = await new DevelopmentTokenService.DevelopmentTokenServiceClient(gateway.Invoker(null)).IssueDevelopmentTokenAsync(
            new IssueDevelopmentTokenRequest { Role = Contracts.Identity.V1.Role.Auditor, Subject = "auditor:dev" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.NotEmpty(token.Token);
    }

    /// <summary>A district with a member, a hold and a transfer, another district with its own member, and a token per caller.</summary>
    private sealed class World
    {
        private readonly GatewayFixture _gateway;
        private readonly string _district, _other, _account, _hold, _transfer;

        private World(GatewayFixture gateway, string district, string other, string account, string hold, string transfer, Dictionary<string, (string?, string?)> callers)
        {
            (_gateway, _district, _other, _account, _hold, _transfer, Callers) = (gateway, district, other, account, hold, transfer, callers);
        }

        /// <summary>Each caller's bearer token and API key.</summary>
        public Dictionary<string, (string? Token, string? ApiKey)> Callers { get; }

        public static async Task<World> BuildAsync(GatewayFixture gateway)
        {
            var district = await Seed.DistrictAsync(gateway);
            var other = await Seed.DistrictAsync(gateway);
            var account = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
            var neighbour = await Seed.MemberAsync(gateway, district);
            var stranger = await Seed.MemberAsync(gateway, other);
            var owner = GatewayFixture.Member(district, account);
            var transfer = (await Seed.PayAsync(gateway, owner, account, neighbour, 10)).TransferId;
            var holdRequest = new CreateTransfersRequest { Transfers = { new TransferToCreate
            {
                TransferId = Guid.NewGuid().ToString(), DebitAccountId = account, CreditAccountId = neighbour, AmountMinutes = 5,
                Code = TransferCode.Service, HoldTimeoutSeconds = 3_600,
            } } };
            var hold = (await gateway.Ledger(owner).CreateTransfersAsync(holdRequest, cancellationToken: TestContext.Current.CancellationToken)).Outcomes.Single().TransferId;
            var partners = new PartnerAppService.PartnerAppServiceClient(gateway.Invoker(GatewayFixture.Administrator));
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var full = await partners.RegisterPartnerAppAsync(new RegisterPartnerAppRequest { AppId = $"full-{suffix}", Name = "Care co-op", Scopes = { "transfers:write", "accounts:read" } });
            var reader = await partners.RegisterPartnerAppAsync(new RegisterPartnerAppRequest { AppId = $"read-{suffix}", Name = "Statement viewer", Scopes = { "accounts:read" } });
            await new PartnerAppService.PartnerAppServiceClient(gateway.Invoker(owner)).GrantAppAccessAsync(
                new GrantAppAccessRequest { AppId = $"read-{suffix}", AccountId = account, Scopes = { "accounts:read" } });
            var callers = new Dictionary<string, (string?, string?)>
            {
                [Admin] = (GatewayFixture.Administrator, null),
                [Auditor] = (GatewayFixture.Auditor, null),
                [CoordinatorHere] = (GatewayFixture.Coordinator(district), null),
                [CoordinatorElsewhere] = (GatewayFixture.Coordinator(other), null),
                [MemberHere] = (owner, null),
                [MemberElsewhere] = (GatewayFixture.Member(other, stranger), null),
                [PartnerWithScope] = (owner, full.ApiKey),
                [PartnerWithoutScope] = (null, reader.ApiKey),
            };
            return new World(gateway, district, other, account, hold, transfer, callers);
        }

        public async Task<StatusCode> CallAsync(string rpc, string? token, string? apiKey)
        {
            var invoker = _gateway.Invoker(token, apiKey);
            var ledger = new LedgerService.LedgerServiceClient(invoker);
            var admin = new AdministrationService.AdministrationServiceClient(invoker);
            var partners = new PartnerAppService.PartnerAppServiceClient(invoker);
            var audit = new AuditService.AuditServiceClient(invoker);
            var exchange = new ExchangeService.ExchangeServiceClient(invoker);
            var loans = new LoanService.LoanServiceClient(invoker);
            var text = new ListingText { Type = ListingType.Service, Category = ListingCategory.Repair, Title = "자전거 수리", Description = "" };
            var deadline = DateTime.UtcNow.AddSeconds(10);
            try
            {
                switch (rpc)
                {
                    case "LedgerService/CreateTransfers":
                        await ledger.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { new TransferToCreate { TransferId = Id(), DebitAccountId = _account, CreditAccountId = _account, AmountMinutes = 1, Code = TransferCode.Service } } }, deadline: deadline);
                        break;
                    case "LedgerService/PostHold":
                        await ledger.PostHoldAsync(new PostHoldRequest { PostId = Id(), HoldId = _hold, AmountMinutes = 999 }, deadline: deadline);
                        break;
                    case "LedgerService/VoidHold":
                        await ledger.VoidHoldAsync(new VoidHoldRequest { VoidId = Guid.Empty.ToString(), HoldId = _hold }, deadline: deadline);
                        break;
                    case "LedgerService/ReverseTransfer":
                        await ledger.ReverseTransferAsync(new ReverseTransferRequest { ReversalId = Guid.Empty.ToString(), TransferId = _transfer, Reason = "matrix" }, deadline: deadline);
                        break;
                    case "AuditService/VerifyJournal":
                        await audit.VerifyJournalAsync(new VerifyJournalRequest(), deadline: deadline);
                        break;
                    case "AuditService/RebuildProjections":
                        await audit.RebuildProjectionsAsync(new RebuildProjectionsRequest(), deadline: deadline);
                        break;
                    case "LedgerService/GetAccount":
                        await ledger.GetAccountAsync(new GetAccountRequest { AccountId = _account }, deadline: deadline);
                        break;
                    case "LedgerService/ListStatementEntries":
                        await ledger.ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = _account }, deadline: deadline);
                        break;
                    case "LedgerService/LookupTransfers":
                        await ledger.LookupTransfersAsync(new LookupTransfersRequest { TransferIds = { _transfer } }, deadline: deadline);
                        break;
                    case "LedgerService/GetBalanceAt":
                        await ledger.GetBalanceAtAsync(new GetBalanceAtRequest { AccountId = _account, At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow) }, deadline: deadline);
                        break;
                    case "LedgerService/WatchAccount":
                        // An allowed watch answers with its headers once it is established and then stays open;
                        // a denied one fails. Either comes well within the call's deadline, so a refused stream
                        // that hung would show here as DEADLINE_EXCEEDED.
                        using (var watch = ledger.WatchAccount(new WatchAccountRequest { AccountId = _account }, deadline: deadline))
                        {
                            // An established watch says where it starts; a refusal's headers end the call instead.
                            var headers = await watch.ResponseHeadersAsync;
                            if (headers.Get(Feed.WatchHeaders.AfterPosition) is null)
                            {
                                await watch.ResponseStream.MoveNext(CancellationToken.None);
                            }
                        }

                        break;
                    case "LedgerService/ListDistricts":
                        await ledger.ListDistrictsAsync(new ListDistrictsRequest(), deadline: deadline);
                        break;
                    case "LedgerService/GetTrialBalance":
                        await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = _district }, deadline: deadline);
                        break;
                    case "AdministrationService/CreateDistrict":
                        await admin.CreateDistrictAsync(new CreateDistrictRequest { DistrictId = "x", Name = "" }, deadline: deadline);
                        break;
                    case "AdministrationService/SetMintBudget":
                        await admin.SetMintBudgetAsync(new SetMintBudgetRequest { DistrictId = _district, MintBudgetMinutes = 600_000, Reason = "same" }, deadline: deadline);
                        break;
                    case "AdministrationService/ChangeDistrictDefaults":
                        await admin.ChangeDistrictDefaultsAsync(new ChangeDistrictDefaultsRequest { DistrictId = _district, MemberFloorMinutes = -600, MemberCapMinutes = 6_000, Reason = "same" }, deadline: deadline);
                        break;
                    case "AdministrationService/AppointCoordinator":
                        await admin.AppointCoordinatorAsync(new AppointCoordinatorRequest { DistrictId = _district, Subject = $"coordinator:{_district}", Reason = "matrix" }, deadline: deadline);
                        break;
                    case "AdministrationService/RemoveCoordinator":
                        await admin.RemoveCoordinatorAsync(new RemoveCoordinatorRequest { DistrictId = _district, Subject = "coordinator:nobody", Reason = "matrix" }, deadline: deadline);
                        break;
                    case "AdministrationService/SetTrustLimit":
                        await admin.SetTrustLimitAsync(new SetTrustLimitRequest { DistrictId = _district, CounterpartDistrictId = _other, LimitMinutes = 60, Reason = "matrix" }, deadline: deadline);
                        break;
                    case "AdministrationService/OpenAccount":
                        await admin.OpenAccountAsync(new OpenAccountRequest { AccountId = Id(), DistrictId = _district }, deadline: deadline);
                        break;
                    case "AdministrationService/ChangeAccountLimits":
                        await admin.ChangeAccountLimitsAsync(new ChangeAccountLimitsRequest { AccountId = _account, FloorMinutes = -600, CapMinutes = 6_000, Reason = "same" }, deadline: deadline);
                        break;
                    case "AdministrationService/SetAccountFrozen":
                        await admin.SetAccountFrozenAsync(new SetAccountFrozenRequest { AccountId = _account, Frozen = false, Reason = "already open" }, deadline: deadline);
                        break;
                    case "AdministrationService/CloseAccount":
                        await admin.CloseAccountAsync(new CloseAccountRequest { AccountId = _account, Reason = "has a balance" }, deadline: deadline);
                        break;
                    case "PartnerAppService/RegisterPartnerApp":
                        await partners.RegisterPartnerAppAsync(new RegisterPartnerAppRequest { AppId = "-", Name = "" }, deadline: deadline);
                        break;
                    case "PartnerAppService/IssueApiKey":
                        await partners.IssueApiKeyAsync(new IssueApiKeyRequest { AppId = "no-such-app" }, deadline: deadline);
                        break;
                    case "PartnerAppService/RevokeApiKey":
                        await partners.RevokeApiKeyAsync(new RevokeApiKeyRequest { AppId = "no-such-app", KeyId = Guid.Empty.ToString() }, deadline: deadline);
                        break;
                    case "PartnerAppService/GrantAppAccess":
                        await partners.GrantAppAccessAsync(new GrantAppAccessRequest { AppId = "no-such-app", AccountId = _account, Scopes = { "accounts:read" } }, deadline: deadline);
                        break;
                    case "PartnerAppService/RevokeAppAccess":
                        await partners.RevokeAppAccessAsync(new RevokeAppAccessRequest { AppId = "no-such-app", AccountId = _account }, deadline: deadline);
                        break;
                    case "ServerReflection/ServerReflectionInfo":
                        using (var call = new ServerReflection.ServerReflectionClient(invoker).ServerReflectionInfo(deadline: deadline))
                        {
                            try
                            {
                                await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
                                await call.RequestStream.CompleteAsync();
                            }
                            catch (RpcException)
                            {
                                // A call refused at once can end before the request is written; its
                                // real status comes from the response stream below.
                            }

                            await call.ResponseStream.MoveNext(CancellationToken.None);
                        }

                        break;
                    case "ExchangeService/CreateListing":
                        await exchange.CreateListingAsync(new CreateListingRequest { RequestId = Id(), OwnerAccountId = _account, Kind = ListingKind.Offer, Text = text }, deadline: deadline);
                        break;
                    case "ExchangeService/EditListing":
                        await exchange.EditListingAsync(new EditListingRequest { RequestId = Id(), ListingId = Id(), OwnerAccountId = _account, Text = text }, deadline: deadline);
                        break;
                    case "ExchangeService/SetListingStatus":
                        await exchange.SetListingStatusAsync(new SetListingStatusRequest { RequestId = Id(), ListingId = Id(), OwnerAccountId = _account, Status = ListingStatus.Paused }, deadline: deadline);
                        break;
                    case "ExchangeService/RenewListing":
                        await exchange.RenewListingAsync(new RenewListingRequest { RequestId = Id(), ListingId = Id(), OwnerAccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/GetListing":
                        await exchange.GetListingAsync(new GetListingRequest { ListingId = Id() }, deadline: deadline);
                        break;
                    case "ExchangeService/SearchListings":
                        await exchange.SearchListingsAsync(new SearchListingsRequest { Text = "수리" }, deadline: deadline);
                        break;
                    case "ExchangeService/ProposeDeal":
                        await exchange.ProposeDealAsync(new ProposeDealRequest { RequestId = Id(), ListingId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/CounterDeal":
                        await exchange.CounterDealAsync(new CounterDealRequest { RequestId = Id(), DealId = Id(), AccountId = _account, AmountMinutes = 30 }, deadline: deadline);
                        break;
                    case "ExchangeService/AcceptDeal":
                        await exchange.AcceptDealAsync(new AcceptDealRequest { RequestId = Id(), DealId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/DeclineDeal":
                        await exchange.DeclineDealAsync(new DeclineDealRequest { RequestId = Id(), DealId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/CancelDeal":
                        await exchange.CancelDealAsync(new CancelDealRequest { RequestId = Id(), DealId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/ClaimDeal":
                        await exchange.ClaimDealAsync(new ClaimDealRequest { RequestId = Id(), DealId = Id(), AccountId = _account, Minutes = 30 }, deadline: deadline);
                        break;
                    case "ExchangeService/ConfirmDeal":
                        await exchange.ConfirmDealAsync(new ConfirmDealRequest { RequestId = Id(), DealId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/DisputeDeal":
                        await exchange.DisputeDealAsync(new DisputeDealRequest { RequestId = Id(), DealId = Id(), AccountId = _account, Reason = "안 왔어요" }, deadline: deadline);
                        break;
                    case "ExchangeService/ResolveDispute":
                        await exchange.ResolveDisputeAsync(new ResolveDisputeRequest { RequestId = Id(), DistrictId = _district, DealId = Id(), Ruling = DisputeRuling.Void, Reason = "확인" }, deadline: deadline);
                        break;
                    case "LoanService/RequestLoan":
                        await loans.RequestLoanAsync(new RequestLoanRequest { RequestId = Id(), ListingId = Id(), AccountId = _account, Days = 3 }, deadline: deadline);
                        break;
                    case "LoanService/AcceptLoan":
                        await loans.AcceptLoanAsync(new AcceptLoanRequest { RequestId = Id(), LoanId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "LoanService/DeclineLoan":
                        await loans.DeclineLoanAsync(new DeclineLoanRequest { RequestId = Id(), LoanId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "LoanService/CancelLoan":
                        await loans.CancelLoanAsync(new CancelLoanRequest { RequestId = Id(), LoanId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "LoanService/HandOverLoan":
                        await loans.HandOverLoanAsync(new HandOverLoanRequest { RequestId = Id(), LoanId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "LoanService/ReturnLoan":
                        await loans.ReturnLoanAsync(new ReturnLoanRequest { RequestId = Id(), LoanId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "LoanService/ClaimDeposit":
                        await loans.ClaimDepositAsync(new ClaimDepositRequest { RequestId = Id(), LoanId = Id(), AccountId = _account, Minutes = 10, Reason = "파손" }, deadline: deadline);
                        break;
                    case "LoanService/ConfirmDepositClaim":
                        await loans.ConfirmDepositClaimAsync(new ConfirmDepositClaimRequest { RequestId = Id(), LoanId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "LoanService/DisputeLoan":
                        await loans.DisputeLoanAsync(new DisputeLoanRequest { RequestId = Id(), LoanId = Id(), AccountId = _account, Reason = "반납함" }, deadline: deadline);
                        break;
                    case "LoanService/ResolveLoanDispute":
                        await loans.ResolveLoanDisputeAsync(new ResolveLoanDisputeRequest { RequestId = Id(), DistrictId = _district, LoanId = Id(), Ruling = DisputeRuling.Void, Reason = "확인" }, deadline: deadline);
                        break;
                    case "LoanService/GetLoan":
                        await loans.GetLoanAsync(new GetLoanRequest { AccountId = _account, LoanId = Id() }, deadline: deadline);
                        break;
                    case "LoanService/ListLoans":
                        await loans.ListLoansAsync(new ListLoansRequest { AccountId = _account, Side = LoanSide.Borrower }, deadline: deadline);
                        break;
                    case "LoanService/ListDistrictLoanDisputes":
                        await loans.ListDistrictLoanDisputesAsync(new ListDistrictLoanDisputesRequest { DistrictId = _district }, deadline: deadline);
                        break;
                    case "ExchangeService/ListDistrictDeals":
                        await exchange.ListDistrictDealsAsync(new ListDistrictDealsRequest { DistrictId = _district }, deadline: deadline);
                        break;
                    case "ExchangeService/OpenSession":
                        await exchange.OpenSessionAsync(new OpenSessionRequest { RequestId = Id(), ListingId = Id(), AccountId = _account, Seats = 3 }, deadline: deadline);
                        break;
                    case "ExchangeService/JoinSession":
                        await exchange.JoinSessionAsync(new JoinSessionRequest { RequestId = Id(), SessionId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/LeaveSession":
                        await exchange.LeaveSessionAsync(new LeaveSessionRequest { RequestId = Id(), SessionId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/SettleSession":
                        await exchange.SettleSessionAsync(new SettleSessionRequest { RequestId = Id(), SessionId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/CancelSession":
                        await exchange.CancelSessionAsync(new CancelSessionRequest { RequestId = Id(), SessionId = Id(), AccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/GetSession":
                        await exchange.GetSessionAsync(new GetSessionRequest { AccountId = _account, SessionId = Id() }, deadline: deadline);
                        break;
                    case "ExchangeService/ReportContent":
                        await exchange.ReportContentAsync(new ReportContentRequest { RequestId = Id(), AccountId = _account, Content = ReportedContent.Listing, TargetId = Id(), Reason = "광고" }, deadline: deadline);
                        break;
                    case "ExchangeService/ListContentReports":
                        await exchange.ListContentReportsAsync(new ListContentReportsRequest { DistrictId = _district }, deadline: deadline);
                        break;
                    case "ExchangeService/DecideContentReport":
                        await exchange.DecideContentReportAsync(new DecideContentReportRequest { DistrictId = _district, ReportId = Id(), Decision = "확인" }, deadline: deadline);
                        break;
                    case "ExchangeService/GetDeal":
                        await exchange.GetDealAsync(new GetDealRequest { AccountId = _account, DealId = Id() }, deadline: deadline);
                        break;
                    case "ExchangeService/ListOwnedListings":
                        await exchange.ListOwnedListingsAsync(new ListOwnedListingsRequest { OwnerAccountId = _account }, deadline: deadline);
                        break;
                    case "ExchangeService/ListDeals":
                        await exchange.ListDealsAsync(new ListDealsRequest { AccountId = _account, Side = DealSide.Receiver }, deadline: deadline);
                        break;
                    case "ExchangeService/PostDealMessage":
                        await exchange.PostDealMessageAsync(new PostDealMessageRequest { RequestId = Id(), AccountId = _account, DealId = Id(), Text = "안녕하세요" }, deadline: deadline);
                        break;
                    case "ExchangeService/ListDealMessages":
                        await exchange.ListDealMessagesAsync(new ListDealMessagesRequest { AccountId = _account, DealId = Id() }, deadline: deadline);
                        break;
                    case "ExchangeService/RateDeal":
                        await exchange.RateDealAsync(new RateDealRequest { AccountId = _account, DealId = Id(), Stars = 5 }, deadline: deadline);
                        break;
                    case "ExchangeService/WatchMemberEvents":
                        using (var call = exchange.WatchMemberEvents(new WatchMemberEventsRequest { AccountId = _account }, deadline: DateTime.UtcNow.AddSeconds(1)))
                        {
                            try
                            {
                                await call.ResponseStream.MoveNext(CancellationToken.None);
                            }
                            catch (RpcException expired) when (expired.StatusCode == StatusCode.DeadlineExceeded)
                            {
                                // Allowed, and nothing happened to the account within the second.
                            }
                        }

                        break;
                    case "ExchangeService/GetFeedback":
                        await exchange.GetFeedbackAsync(new GetFeedbackRequest { AccountId = _account }, deadline: deadline);
                        break;
                    default:
                        throw new ArgumentException($"No call written for {rpc}.", nameof(rpc));
                }

                return StatusCode.OK;
            }
            catch (RpcException error)
            {
                return error.StatusCode;
            }
        }

        private static string Id() => Guid.NewGuid().ToString();
    }
}
