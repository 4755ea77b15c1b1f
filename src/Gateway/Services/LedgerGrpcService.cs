using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Feed;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Mapping;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;
using Grpc.Core;
using Domain = EPoomasi.Ledger.Transfers;

namespace EPoomasi.Gateway.Services;

/// <summary>The ledger's member-facing RPCs: proto → command → result → proto, nothing else.</summary>
public sealed class LedgerGrpcService(LedgerRuntime ledger, AccountFeed feed, Security.FourEyes fourEyes) : LedgerService.LedgerServiceBase
{
    private const int DefaultPageSize = 100;

    private readonly CounterpartyLabels _labels = new(ledger);
    private const int DefaultMemberPageSize = 500;

    // Any number of seconds a client sends becomes a TimeSpan; whether it is a valid hold timeout is the ledger's rule.
    private static readonly long MaxTimeSpanSeconds = (long)(TimeSpan.MaxValue.TotalSeconds / 2);

    public override async Task<CreateTransfersResponse> CreateTransfers(CreateTransfersRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.Transfers.Count is 0 or > LedgerLimits.MaxBatchItems)
        {
            violations.Add("transfers", $"Between 1 and {LedgerLimits.MaxBatchItems} items.");
        }


        // Only what cannot be decoded is refused here; the ledger's rules (amounts, memo length, hold
        // timeouts) answer each item with its own result, in one place, the deciders.
        var by = CallerAttribution.From(context);
        var commands = request.Transfers.Select((item, i) => (Domain.TransferCommand)new CreateTransfer(
            violations.Id($"transfers[{i}].transfer_id", item.TransferId),
            violations.Id($"transfers[{i}].debit_account_id", item.DebitAccountId),
            violations.Id($"transfers[{i}].credit_account_id", item.CreditAccountId),
            new Minutes(item.AmountMinutes),
            ProtoEnums.FromProto(item.Code),
            item.Memo,
            by,
            item.HoldTimeoutSeconds != 0 ? TimeSpan.FromSeconds(Math.Clamp(item.HoldTimeoutSeconds, -MaxTimeSpanSeconds, MaxTimeSpanSeconds)) : null,
            item.DealId.Length > 0 ? violations.Id($"transfers[{i}].deal_id", item.DealId) : null,
            item.Linked)).ToList();
        violations.ThrowIfAny();
        await fourEyes.EnsureAsync(commands, context.CancellationToken);

        var outcomes = await ledger.Ledger.SubmitAsync(commands, context.CancellationToken);
        var response = new CreateTransfersResponse();
        response.Outcomes.AddRange(outcomes.Select(ProtoMessages.ToProto));
        return response;
    }

    public override async Task<PostHoldResponse> PostHold(PostHoldRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var command = new PostHold(violations.Id("post_id", request.PostId), violations.Id("hold_id", request.HoldId),
            request.HasAmountMinutes ? new Minutes(request.AmountMinutes) : null, CallerAttribution.From(context));
        violations.ThrowIfAny();
        await EnsureNotTheExchangesAsync(command.HoldId, command.Id, context.CancellationToken);
        return new PostHoldResponse { Outcome = await SubmitOneAsync(command, context) };
    }

    public override async Task<VoidHoldResponse> VoidHold(VoidHoldRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var command = new VoidHold(violations.Id("void_id", request.VoidId), violations.Id("hold_id", request.HoldId), CallerAttribution.From(context));
        violations.ThrowIfAny();
        await EnsureNotTheExchangesAsync(command.HoldId, command.Id, context.CancellationToken);
        return new VoidHoldResponse { Outcome = await SubmitOneAsync(command, context) };
    }

    // A deal's hold moves only with its deal: posted or voided here, it would leave the deal saying otherwise.
    private async Task EnsureNotTheExchangesAsync(Guid holdId, Guid itemId, CancellationToken cancellationToken)
    {
        if ((await ledger.Ledger.LookupTransfersAsync([holdId], cancellationToken)).SingleOrDefault() is { } hold
            && Exchange.ExchangeModule.OwnsHold(hold.Id, hold.DealId, hold.DebitAccountId))
        {
            throw LedgerErrors.Precondition(
                "HOLD_BELONGS_TO_A_DEAL",
                "이 보류는 거래에 속합니다: 거래에서 확인하거나 취소하세요 (ExchangeService). / This hold belongs to a deal or group session: confirm, cancel or settle it there (ExchangeService).",
                itemId);
        }
    }

    public override async Task<ReverseTransferResponse> ReverseTransfer(ReverseTransferRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var command = new ReverseTransfer(violations.Id("reversal_id", request.ReversalId), violations.Id("transfer_id", request.TransferId),
            request.Reason, CallerAttribution.From(context));
        violations.ThrowIfAny();
        return new ReverseTransferResponse { Outcome = await SubmitOneAsync(command, context) };
    }

    public override async Task<GetAccountResponse> GetAccount(GetAccountRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        var account = await ledger.Ledger.GetAccountAsync(id, context.CancellationToken) ?? throw LedgerErrors.NotFound($"Account {id}");
        return new GetAccountResponse { Account = ProtoMessages.ToProto(account) };
    }

    public override async Task<ListStatementEntriesResponse> ListStatementEntries(ListStatementEntriesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        if (request.PageSize is < 0 or > LedgerLimits.MaxStatementPageSize) violations.Add("page_size", $"Between 1 and {LedgerLimits.MaxStatementPageSize}, or 0 for {DefaultPageSize}.");
#pragma warning disable CS0612 // after_position is deprecated, and still honoured for the clients that send it.
        var after = request.AfterPosition;
        if (after < 0) violations.Add("after_position", "Zero or a position from an earlier page.");
#pragma warning restore CS0612
        if (request.PageToken.Length > 0)
        {
            if (after != 0) violations.Add("page_token", "Send page_token or the deprecated after_position, not both.");
            else if (StatementPageToken.Decode(request.PageToken, id) is { } position) after = position;
            else violations.Add("page_token", "Not a page token of this account's statement: pass next_page_token from the previous page as it came, or nothing to start.");
        }

        violations.ThrowIfAny();

        var page = await ledger.Ledger.GetStatementAsync(id, after, request.PageSize == 0 ? DefaultPageSize : request.PageSize, context.CancellationToken)
            ?? throw LedgerErrors.NotFound($"Account {id}");
        var response = new ListStatementEntriesResponse
        {
#pragma warning disable CS0612
            NextAfterPosition = page.NextCursor ?? 0,
#pragma warning restore CS0612
            NextPageToken = page.NextCursor is { } next ? StatementPageToken.Encode(id, next) : "",
        };
        response.Entries.AddRange(page.Entries.Select(ProtoMessages.ToProto));
        await _labels.LabelAsync(response.Entries, context.CancellationToken);
        return response;
    }

    public override async Task<LookupTransfersResponse> LookupTransfers(LookupTransfersRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.TransferIds.Count is 0 or > LedgerLimits.MaxLookupIds) violations.Add("transfer_ids", $"Between 1 and {LedgerLimits.MaxLookupIds} ids.");
        var ids = request.TransferIds.Select((id, i) => violations.Id($"transfer_ids[{i}]", id)).ToList();
        violations.ThrowIfAny();

        var response = new LookupTransfersResponse();
        response.Transfers.AddRange((await ledger.Ledger.LookupTransfersAsync(ids, context.CancellationToken)).Select(ProtoMessages.ToProto));
        return response;
    }

    public override async Task<GetBalanceAtResponse> GetBalanceAt(GetBalanceAtRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        if (request.At is null) violations.Add("at", "Required: the instant to read the balance at.");
        violations.ThrowIfAny();

        var balance = await ledger.Ledger.GetBalanceAtAsync(id, request.At!.ToDateTimeOffset(), context.CancellationToken)
            ?? throw LedgerErrors.NotFound($"Account {id}");
        return new GetBalanceAtResponse { BalanceMinutes = balance.Value };
    }

    public override async Task<ListDistrictsResponse> ListDistricts(ListDistrictsRequest request, ServerCallContext context)
    {
        var response = new ListDistrictsResponse();
        response.Districts.AddRange((await ledger.Ledger.ListDistrictsAsync(context.CancellationToken)).Select(ProtoMessages.ToProto));
        return response;
    }

    public override async Task<GetTrialBalanceResponse> GetTrialBalance(GetTrialBalanceRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.PageSize is < 0 or > LedgerLimits.MaxAccountPageSize) violations.Add("page_size", $"Between 1 and {LedgerLimits.MaxAccountPageSize}, or 0 for {DefaultMemberPageSize}.");
        var after = request.PageToken.Length == 0 ? Guid.Empty : MemberPageToken.Decode(request.PageToken, request.DistrictId);
        if (after is null) violations.Add("page_token", "Not a page token of this district's trial balance: send the next_page_token of its previous page, or nothing for the first.");
        violations.ThrowIfAny();

        var notFound = LedgerErrors.NotFound($"District '{request.DistrictId}'");
        var trial = await ledger.Ledger.GetTrialBalanceAsync(request.DistrictId, context.CancellationToken) ?? throw notFound;
        var page = await ledger.Ledger.ListMemberAccountsAsync(request.DistrictId, after!.Value, request.PageSize == 0 ? DefaultMemberPageSize : request.PageSize, context.CancellationToken)
            ?? throw notFound;
        var response = new GetTrialBalanceResponse
        {
            TotalMinutes = trial.TotalMinutes.Value,
            IssuedMinutes = trial.IssuedMinutes.Value,
            MintBudgetRemainingMinutes = trial.MintBudgetRemainingMinutes.Value,
            GrantedFromPotMinutes = trial.GrantedFromPotMinutes.Value,
            CommunityPotMinutes = trial.CommunityPotMinutes.Value,
            InCirculationMinutes = trial.InCirculationMinutes.Value,
            PendingMinutes = trial.PendingMinutes.Value,
            MemberCount = trial.MemberCount,
            NextPageToken = page.NextAfter is { } next ? MemberPageToken.Encode(request.DistrictId, next) : "",
        };
        if (after == Guid.Empty) response.Accounts.AddRange(trial.OwnAccounts.Select(ProtoMessages.ToProto));
        response.Accounts.AddRange(page.Accounts.Select(ProtoMessages.ToProto));
        response.ClearingPositionsMinutes.Add(trial.ClearingPositions.ToDictionary(p => p.Key, p => p.Value.Value));
        return response;
    }

    public override async Task WatchAccount(WatchAccountRequest request, IServerStreamWriter<WatchAccountResponse> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        if (request.AfterPosition < 0) violations.Add("after_position", "Zero or a position from a statement.");
        violations.ThrowIfAny();

        var (after, entries) = await feed.OpenAsync(id, request.AfterPosition, context.CancellationToken);
        // Headers tell the client the watch is established (authorized, account found), and from where,
        // before any entry exists.
        await context.WriteResponseHeadersAsync(new Metadata { { WatchHeaders.AfterPosition, after.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        await foreach (var entry in entries)
        {
            await responseStream.WriteAsync(new WatchAccountResponse { Entry = ProtoMessages.ToProto(entry) }, context.CancellationToken);
        }
    }

    // A single item's rejection is an error with the reason code; a batch answers per item instead.
    private async Task<TransferOutcome> SubmitOneAsync(Domain.TransferCommand command, ServerCallContext context)
    {
        var outcome = (await ledger.Ledger.SubmitAsync([command], context.CancellationToken)).Single();
        return outcome.IsOk ? ProtoMessages.ToProto(outcome) : throw LedgerErrors.For(outcome.Result, command.Id);
    }
}
