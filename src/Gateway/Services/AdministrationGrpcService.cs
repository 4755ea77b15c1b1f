using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Mapping;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Accounts.FreezingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.AppointingCoordinators;
using EPoomasi.Ledger.Districts.ChangingDefaults;
using EPoomasi.Ledger.Districts.CreatingDistrict;
using EPoomasi.Ledger.Districts.SettingMintBudget;
using EPoomasi.Ledger.Districts.SettingTrustLimit;
using Grpc.Core;

namespace EPoomasi.Gateway.Services;

/// <summary>District and account administration: proto → command → result → proto.</summary>
public sealed class AdministrationGrpcService(LedgerRuntime ledger, Security.FourEyes fourEyes) : AdministrationService.AdministrationServiceBase
{
    public override async Task<CreateDistrictResponse> CreateDistrict(CreateDistrictRequest request, ServerCallContext context) =>
        new() { Changed = await RunAsync(new CreateDistrict(request.DistrictId, request.Name, new Minutes(request.MemberFloorMinutes),
            new Minutes(request.MemberCapMinutes), new Minutes(request.MintBudgetMinutes), CallerAttribution.From(context), request.NameRomanized,
            new Minutes(request.WelcomeGrantMinutes)), context) };

    public override async Task<SetMintBudgetResponse> SetMintBudget(SetMintBudgetRequest request, ServerCallContext context) =>
        new()
        {
            Changed = await RunAsync(new SetMintBudget(request.DistrictId, new Minutes(request.MintBudgetMinutes), request.Reason, CallerAttribution.From(context),
                request.Period == MintBudgetPeriod.Unspecified ? null : ProtoEnums.FromProto(request.Period)), context),
        };

    public override async Task<SetTrustLimitResponse> SetTrustLimit(SetTrustLimitRequest request, ServerCallContext context) =>
        new() { Changed = await RunAsync(new SetTrustLimit(request.DistrictId, request.CounterpartDistrictId, new Minutes(request.LimitMinutes), request.Reason, CallerAttribution.From(context)), context) };

    public override async Task<OpenAccountResponse> OpenAccount(OpenAccountRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        return new() { Changed = await RunAsync(new OpenAccount(id, request.DistrictId, CallerAttribution.From(context)), context) };
    }

    public override async Task<ChangeAccountLimitsResponse> ChangeAccountLimits(ChangeAccountLimitsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        return new() { Changed = await RunAsync(new ChangeAccountLimits(id, new Minutes(request.FloorMinutes), new Minutes(request.CapMinutes), request.Reason, CallerAttribution.From(context)), context) };
    }

    public override async Task<SetAccountFrozenResponse> SetAccountFrozen(SetAccountFrozenRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        AdminCommand command = request.Frozen
            ? new FreezeAccount(id, request.Reason, CallerAttribution.From(context))
            : new UnfreezeAccount(id, request.Reason, CallerAttribution.From(context));
        return new() { Changed = await RunAsync(command, context) };
    }

    public override async Task<CloseAccountResponse> CloseAccount(CloseAccountRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        return new() { Changed = await RunAsync(new CloseAccount(id, request.Reason, CallerAttribution.From(context)), context) };
    }

    public override async Task<ChangeDistrictDefaultsResponse> ChangeDistrictDefaults(ChangeDistrictDefaultsRequest request, ServerCallContext context)
    {
        var changed = await RunAsync(new ChangeDistrictDefaults(request.DistrictId, new Minutes(request.MemberFloorMinutes), new Minutes(request.MemberCapMinutes),
            request.Reason, CallerAttribution.From(context), request.HasWelcomeGrantMinutes ? new Minutes(request.WelcomeGrantMinutes) : null,
            request.HasMintApprovalAboveMinutes ? new Minutes(request.MintApprovalAboveMinutes) : null), context);
        fourEyes.Forget(request.DistrictId); // a new mint threshold counts at once on this gateway
        return new() { Changed = changed };
    }

    public override async Task<AppointCoordinatorResponse> AppointCoordinator(AppointCoordinatorRequest request, ServerCallContext context) =>
        new() { Changed = await RunAsync(new AppointCoordinator(request.DistrictId, request.Subject, request.Reason, CallerAttribution.From(context)), context) };

    public override async Task<RemoveCoordinatorResponse> RemoveCoordinator(RemoveCoordinatorRequest request, ServerCallContext context) =>
        new() { Changed = await RunAsync(new RemoveCoordinator(request.DistrictId, request.Subject, request.Reason, CallerAttribution.From(context)), context) };

    private async Task<bool> RunAsync(AdminCommand command, ServerCallContext context)
    {
        var outcome = await ledger.Ledger.ExecuteAsync(command, context.CancellationToken);
        return outcome.IsOk ? outcome.Changed : throw LedgerErrors.For(outcome.Result);
    }
}
