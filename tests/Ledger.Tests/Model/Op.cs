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

/// <summary>Freeze or unfreeze an account.</summary>
public sealed record FreezeOp(Guid AccountId, bool Freeze) : Op;

/// <summary>Let time pass, then expire due holds.</summary>
public sealed record AdvanceOp(TimeSpan By) : Op;
