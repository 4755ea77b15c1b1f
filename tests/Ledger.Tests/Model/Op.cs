using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Tests.Model;

/// <summary>One step of a generated scenario.</summary>
public abstract record Op;

/// <summary>Submit a batch of transfer commands.</summary>
public sealed record SubmitOp(IReadOnlyList<TransferCommand> Batch) : Op
{
    public override string ToString() => $"Submit[{string.Join(", ", Batch)}]";
}

/// <summary>Submit again the batch of an earlier step (index taken modulo the batches so far).</summary>
public sealed record RepeatOp(int Index) : Op;

/// <summary>An administrative command: open, change limits, freeze, unfreeze, close, mint budget, trust.</summary>
public sealed record AdminOp(AdminCommand Command) : Op
{
    public override string ToString() => Command.ToString();
}

/// <summary>Let time pass, then expire due holds.</summary>
public sealed record AdvanceOp(TimeSpan By) : Op;

/// <summary>Not a step: names the checks made after the last one, in failure messages.</summary>
public sealed record AfterTheLastStep : Op
{
    public override string ToString() => "after the last step";
}
