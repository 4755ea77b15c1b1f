using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Ledger.Partners;
using Grpc.Core;
using static EPoomasi.Gateway.Security.Reach;
using static EPoomasi.Gateway.Security.Role;

namespace EPoomasi.Gateway.Security;

/// <summary>
/// Who may call what, for every RPC of every service, in one place. A call is allowed when the
/// caller's role has a grant for it and the grant reaches everything the call touches. An RPC that
/// is not listed here is refused to everyone, and a test fails until it is listed.
/// </summary>
public static class AuthorizationMatrix
{
    private static readonly (Role, Reach)[] Overseers = [(Coordinator, OwnDistrict), (Auditor, Anything), (Administrator, Anything)];

    private static readonly (Role, Reach)[] Actors = [(Member, OwnAccounts), (Coordinator, OwnDistrict)];

    private static readonly (Role, Reach)[] Everyone = [(Member, Anything), (Coordinator, Anything), (Auditor, Anything), (Administrator, Anything)];

    private static readonly (Role, Reach)[] Readers = [(Member, OwnAccounts), (Coordinator, OwnDistrict), (Auditor, Anything), (Administrator, Anything)];

    public static readonly IReadOnlyDictionary<string, Rule> Rules = new Dictionary<string, Rule>
    {
        // Members move only their own credits; coordinators act for their district (minting, welcome
        // credits, pot grants, deals entered for members without a phone). The payer's side counts.
        [Ledger("CreateTransfers")] = Rule.Grant<CreateTransfersRequest>(r => Touches.Accounts(r.Transfers.Select(t => Id(t.DebitAccountId))),
            (Member, OwnAccounts), (Coordinator, OwnDistrict)).ForPartners(PartnerScopes.TransfersWrite),
        [Ledger("PostHold")] = Rule.Grant((r, lookup, ct) => PayerOfAsync(Id(((PostHoldRequest)r).HoldId), lookup, ct), (Member, OwnAccounts), (Coordinator, OwnDistrict))
            .ForPartners(PartnerScopes.TransfersWrite),
        [Ledger("VoidHold")] = Rule.Grant((r, lookup, ct) => PayerOfAsync(Id(((VoidHoldRequest)r).HoldId), lookup, ct), (Member, OwnAccounts), (Coordinator, OwnDistrict))
            .ForPartners(PartnerScopes.TransfersWrite),
        // Only coordinators correct mistakes, for transfers that touch their district.
        [Ledger("ReverseTransfer")] = Rule.Grant((r, lookup, ct) => PartiesOfAsync([Id(((ReverseTransferRequest)r).TransferId)], lookup, ct), (Coordinator, OwnDistrict)),
        [Ledger("GetAccount")] = Rule.Grant<GetAccountRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers).ForPartners(PartnerScopes.AccountsRead),
        [Ledger("ListStatementEntries")] = Rule.Grant<ListStatementEntriesRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers).ForPartners(PartnerScopes.AccountsRead),
        [Ledger("GetBalanceAt")] = Rule.Grant<GetBalanceAtRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers).ForPartners(PartnerScopes.AccountsRead),
        [Ledger("WatchAccount")] = Rule.Grant<WatchAccountRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers).ForPartners(PartnerScopes.AccountsRead),
        [Ledger("LookupTransfers")] = Rule.Grant((r, lookup, ct) => PartiesOfAsync(((LookupTransfersRequest)r).TransferIds.Select(Id).ToList(), lookup, ct), Readers)
            .ForPartners(PartnerScopes.AccountsRead),
        // Where the time bank runs is no secret to anyone signed in.
        [Ledger("ListDistricts")] = Rule.Grant<ListDistrictsRequest>(_ => Touches.Nothing, (Member, Anything), (Coordinator, Anything), (Auditor, Anything), (Administrator, Anything)),
        [Ledger("GetTrialBalance")] = Rule.Grant<GetTrialBalanceRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict), (Auditor, Anything), (Administrator, Anything)),

        // The city sets up districts, their budgets and their trust; coordinators run their district's accounts.
        [Administration("CreateDistrict")] = Rule.Grant<CreateDistrictRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Administration("SetMintBudget")] = Rule.Grant<SetMintBudgetRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Administration("SetTrustLimit")] = Rule.Grant<SetTrustLimitRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Administration("ChangeDistrictDefaults")] = Rule.Grant<ChangeDistrictDefaultsRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Administration("AppointCoordinator")] = Rule.Grant<AppointCoordinatorRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Administration("RemoveCoordinator")] = Rule.Grant<RemoveCoordinatorRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Administration("OpenAccount")] = Rule.Grant<OpenAccountRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict), (Administrator, Anything)),
        [Administration("ChangeAccountLimits")] = Rule.Grant<ChangeAccountLimitsRequest>(r => Touches.Accounts([Id(r.AccountId)]), (Coordinator, OwnDistrict)),
        [Administration("SetAccountFrozen")] = Rule.Grant<SetAccountFrozenRequest>(r => Touches.Accounts([Id(r.AccountId)]), (Coordinator, OwnDistrict)),
        [Administration("CloseAccount")] = Rule.Grant<CloseAccountRequest>(r => Touches.Accounts([Id(r.AccountId)]), (Coordinator, OwnDistrict)),

        // Reports: coordinators for their district, auditors and administrators for any.
        [Report("GetSupply")] = Rule.Grant<GetSupplyRequest>(r => Touches.District(r.DistrictId), Overseers),
        [Report("GetHoursByMonth")] = Rule.Grant<GetHoursByMonthRequest>(r => Touches.District(r.DistrictId), Overseers),
        [Report("GetBalanceDistribution")] = Rule.Grant<GetBalanceDistributionRequest>(r => Touches.District(r.DistrictId), Overseers),
        [Report("ListDormantMembers")] = Rule.Grant<ListDormantMembersRequest>(r => Touches.District(r.DistrictId), Overseers),
        [Report("ListMembersNearLimits")] = Rule.Grant<ListMembersNearLimitsRequest>(r => Touches.District(r.DistrictId), Overseers),
        [Report("ListMembers")] = Rule.Grant<ListMembersRequest>(r => Touches.District(r.DistrictId), Overseers),
        [Report("ListDistrictEntries")] = Rule.Grant<ListDistrictEntriesRequest>(r => Touches.District(r.DistrictId), Overseers),

        // Anyone signed in may apply to join a district; a coordinator may apply for someone without a phone or e-mail.
        // Coordinators decide their own district's applications and look after its members' profiles.
        [Community("Apply")] = Rule.Grant<ApplyRequest>(r => Touches.District(r.DistrictId), (Member, Anything), (Coordinator, OwnDistrict), (Administrator, Anything)),
        [Community("RecordOrientation")] = Rule.Grant<RecordOrientationRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("ApproveApplication")] = Rule.Grant<ApproveApplicationRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("DeclineApplication")] = Rule.Grant<DeclineApplicationRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("ListPendingApplications")] = Rule.Grant<ListPendingApplicationsRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        // Coordinators mint for their district; a second one approves what is above the district's threshold.
        [Community("RequestMint")] = Rule.Grant<RequestMintRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("ApproveMint")] = Rule.Grant<ApproveMintRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("DeclineMint")] = Rule.Grant<DeclineMintRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("ListAwaitingMints")] = Rule.Grant<ListAwaitingMintsRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict), (Auditor, Anything)),
        [Community("ImportMembers")] = Rule.Grant<ImportMembersRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("CloseMemberAccount")] = Rule.Grant<CloseMemberAccountRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("GetMember")] = Rule.Grant<GetMemberRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict), (Administrator, Anything)),
        [Community("UpdateMemberProfile")] = Rule.Grant<UpdateMemberProfileRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Community("EraseMember")] = Rule.Grant<EraseMemberRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict), (Administrator, Anything)),

        // The exchange: members act for their own accounts, coordinators for their district's members without a phone.
        // Anyone signed in may look for listings and see a member's ratings.
        [Exchange("CreateListing")] = Rule.Grant<CreateListingRequest>(r => Touches.Accounts([Id(r.OwnerAccountId)]), Actors),
        [Exchange("EditListing")] = Rule.Grant<EditListingRequest>(r => Touches.Accounts([Id(r.OwnerAccountId)]), Actors),
        [Exchange("SetListingStatus")] = Rule.Grant<SetListingStatusRequest>(r => Touches.Accounts([Id(r.OwnerAccountId)]), Actors),
        [Exchange("RenewListing")] = Rule.Grant<RenewListingRequest>(r => Touches.Accounts([Id(r.OwnerAccountId)]), Actors),
        [Exchange("GetListing")] = Rule.Grant<GetListingRequest>(_ => Touches.Nothing, Everyone),
        [Exchange("ListOwnedListings")] = Rule.Grant<ListOwnedListingsRequest>(r => Touches.Accounts([Id(r.OwnerAccountId)]), Readers),
        [Exchange("SearchListings")] = Rule.Grant<SearchListingsRequest>(_ => Touches.Nothing, Everyone),
        [Exchange("ProposeDeal")] = Rule.Grant<ProposeDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("CounterDeal")] = Rule.Grant<CounterDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("AcceptDeal")] = Rule.Grant<AcceptDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("DeclineDeal")] = Rule.Grant<DeclineDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("CancelDeal")] = Rule.Grant<CancelDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("ClaimDeal")] = Rule.Grant<ClaimDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("ConfirmDeal")] = Rule.Grant<ConfirmDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("DisputeDeal")] = Rule.Grant<DisputeDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        // A coordinator of either side's district rules on a dispute (the exchange checks the district is a side's).
        [Exchange("ResolveDispute")] = Rule.Grant<ResolveDisputeRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Exchange("ListDistrictDeals")] = Rule.Grant<ListDistrictDealsRequest>(r => Touches.District(r.DistrictId), Overseers),
        [Exchange("OpenSession")] = Rule.Grant<OpenSessionRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("JoinSession")] = Rule.Grant<JoinSessionRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("LeaveSession")] = Rule.Grant<LeaveSessionRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("SettleSession")] = Rule.Grant<SettleSessionRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("CancelSession")] = Rule.Grant<CancelSessionRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("GetSession")] = Rule.Grant<GetSessionRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers),
        [Exchange("ReportContent")] = Rule.Grant<ReportContentRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("ListContentReports")] = Rule.Grant<ListContentReportsRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict), (Auditor, Anything)),
        [Exchange("DecideContentReport")] = Rule.Grant<DecideContentReportRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Exchange("GetDeal")] = Rule.Grant<GetDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers),
        [Exchange("ListDeals")] = Rule.Grant<ListDealsRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers),
        [Exchange("PostDealMessage")] = Rule.Grant<PostDealMessageRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("ListDealMessages")] = Rule.Grant<ListDealMessagesRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers),
        [Exchange("RateDeal")] = Rule.Grant<RateDealRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Exchange("WatchMemberEvents")] = Rule.Grant<WatchMemberEventsRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers),
        [Exchange("GetFeedback")] = Rule.Grant<GetFeedbackRequest>(_ => Touches.Nothing, Everyone),

        // Lending: each side acts for itself (or its coordinator for it); rulings are the coordinators' of either side.
        [Loans("RequestLoan")] = Rule.Grant<RequestLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("AcceptLoan")] = Rule.Grant<AcceptLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("DeclineLoan")] = Rule.Grant<DeclineLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("CancelLoan")] = Rule.Grant<CancelLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("HandOverLoan")] = Rule.Grant<HandOverLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("ReturnLoan")] = Rule.Grant<ReturnLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("ClaimDeposit")] = Rule.Grant<ClaimDepositRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("ConfirmDepositClaim")] = Rule.Grant<ConfirmDepositClaimRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("DisputeLoan")] = Rule.Grant<DisputeLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Actors),
        [Loans("ResolveLoanDispute")] = Rule.Grant<ResolveLoanDisputeRequest>(r => Touches.District(r.DistrictId), (Coordinator, OwnDistrict)),
        [Loans("GetLoan")] = Rule.Grant<GetLoanRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers),
        [Loans("ListLoans")] = Rule.Grant<ListLoansRequest>(r => Touches.Accounts([Id(r.AccountId)]), Readers),
        [Loans("ListDistrictLoanDisputes")] = Rule.Grant<ListDistrictLoanDisputesRequest>(r => Touches.District(r.DistrictId), Overseers),

        // Auditors prove the books; administrators may too. Both read the whole log: nobody else may make it work that hard.
        [Audit("VerifyJournal")] = Rule.Grant<VerifyJournalRequest>(_ => Touches.Nothing, (Auditor, Anything), (Administrator, Anything)),
        [Audit("RebuildProjections")] = Rule.Grant<RebuildProjectionsRequest>(_ => Touches.Nothing, (Auditor, Anything), (Administrator, Anything)),

        // The city registers partner apps and manages their keys; members decide which apps act for them.
        [Partners("RegisterPartnerApp")] = Rule.Grant<RegisterPartnerAppRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Partners("IssueApiKey")] = Rule.Grant<IssueApiKeyRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Partners("RevokeApiKey")] = Rule.Grant<RevokeApiKeyRequest>(_ => Touches.Nothing, (Administrator, Anything)),
        [Partners("GrantAppAccess")] = Rule.Grant<GrantAppAccessRequest>(r => Touches.Accounts([Id(r.AccountId)]), (Member, OwnAccounts)),
        [Partners("RevokeAppAccess")] = Rule.Grant<RevokeAppAccessRequest>(r => Touches.Accounts([Id(r.AccountId)]), (Member, OwnAccounts), (Coordinator, OwnDistrict)),

        // Served only when the development issuer is enabled; then anyone may ask for a token.
        [$"/{DevelopmentTokenService.Descriptor.FullName}/IssueDevelopmentToken"] = Rule.Open(),

        // Health is the documented public exception; reflection needs an identity like everything else.
        ["/grpc.health.v1.Health/Check"] = Rule.Open(),
        ["/grpc.health.v1.Health/Watch"] = Rule.Open(),
        ["/grpc.health.v1.Health/List"] = Rule.Open(),
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Rule.Grant((_, _, _) => Task.FromResult(Touches.Nothing), Readers.Select(g => (g.Item1, Anything)).ToArray()),
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Rule.Grant((_, _, _) => Task.FromResult(Touches.Nothing), Readers.Select(g => (g.Item1, Anything)).ToArray()),
    };

    /// <summary>The rule for a full method name (<c>/package.Service/Method</c>), or null when there is none.</summary>
    public static Rule? Find(string method) => Rules.GetValueOrDefault(method);

    /// <summary>
    /// The call's rule, looked up once per call: the first interceptor that asks keeps it in the call's
    /// <see cref="ServerCallContext.UserState"/> (the request's own items), the others read it there.
    /// </summary>
    public static Rule? For(ServerCallContext context)
    {
        if (context.UserState.TryGetValue(typeof(Rule), out var kept)) return (Rule)kept;
        var rule = Find(context.Method);
        // A method without a rule is refused at once; there is nothing to keep for it.
        if (rule is not null) context.UserState[typeof(Rule)] = rule;
        return rule;
    }

    private static string Ledger(string method) => $"/{LedgerService.Descriptor.FullName}/{method}";

    private static string Administration(string method) => $"/{AdministrationService.Descriptor.FullName}/{method}";

    private static string Report(string method) => $"/{ReportService.Descriptor.FullName}/{method}";

    private static string Community(string method) => $"/{CommunityService.Descriptor.FullName}/{method}";

    private static string Exchange(string method) => $"/{ExchangeService.Descriptor.FullName}/{method}";

    private static string Loans(string method) => $"/{LoanService.Descriptor.FullName}/{method}";

    private static string Audit(string method) => $"/{AuditService.Descriptor.FullName}/{method}";

    private static string Partners(string method) => $"/{PartnerAppService.Descriptor.FullName}/{method}";

    // An id that does not parse touches nothing reachable; the handler then reports the bad field.
    private static Guid Id(string value) => Guid.TryParse(value, out var id) ? id : Guid.Empty;

    private static async Task<Touches> PayerOfAsync(Guid holdId, ResourceLookup lookup, CancellationToken cancellationToken)
    {
        var records = await lookup.RecordsAsync([holdId], cancellationToken);
        return Touches.Accounts(records.Select(r => r.DebitAccountId));
    }

    private static async Task<Touches> PartiesOfAsync(IReadOnlyCollection<Guid> ids, ResourceLookup lookup, CancellationToken cancellationToken)
    {
        var records = await lookup.RecordsAsync(ids, cancellationToken);
        return new Touches(records.Select(r => (IReadOnlyList<Guid>)new[] { r.DebitAccountId, r.CreditAccountId }.Where(a => a != Guid.Empty).ToList()).ToList(), []);
    }

}
