using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Gateway.Errors;

/// <summary>Collects what is wrong with a request's fields, then throws one INVALID_ARGUMENT naming them all.</summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    /// <summary>Notes a violation. Field paths and descriptions may quote the caller's input, so both are clipped.</summary>
    public void Add(string field, string description) =>
        _violations.Add(new BadRequest.Types.FieldViolation { Field = ErrorText.Clip(field, MaxFieldChars), Description = ErrorText.Clip(description, MaxDescriptionChars) });

    private const int MaxFieldChars = 120;
    private const int MaxDescriptionChars = 300;

    /// <summary>The id in <paramref name="value"/>, or <see cref="Guid.Empty"/> noted as a violation.</summary>
    public Guid Id(string field, string value, bool required = true)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        if (required || value.Length > 0)
        {
            Add(field, value.Length == 0 ? "Required: a UUID." : "Must be a UUID, e.g. 0b6f3a62-1c1e-4a2b-9d7e-3f5c2a1b0c9d.");
        }

        return Guid.Empty;
    }

    /// <summary>Notes a violation unless <paramref name="value"/> has at most <paramref name="max"/> characters.</summary>
    public string Text(string field, string value, int max)
    {
        if (value.Length > max)
        {
            Add(field, $"At most {max} characters; this has {value.Length}.");
        }

        return value;
    }

    /// <summary>The page size asked for, <paramref name="byDefault"/> for 0; a violation of page_size unless 1 to <paramref name="max"/>.</summary>
    public int PageSize(int requested, int byDefault, int max)
    {
        var size = requested == 0 ? byDefault : requested;
        if (size < 1 || size > max) Add("page_size", $"1 to {max}, or 0 for {byDefault}.");
        return size;
    }

    /// <summary>Throws INVALID_ARGUMENT with every violation noted so far, if any.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw ToException();
        }
    }

    /// <summary>INVALID_ARGUMENT naming one field (empty for the message as a whole).</summary>
    public static RpcException For(string field, string description)
    {
        var violations = new FieldViolations();
        violations.Add(field, description);
        return violations.ToException();
    }

    // An error travels in HTTP/2 headers, which clients cap (64 KB in .NET): a batch of a thousand bad items
    // once produced an answer no client could read. The first violations name the fields to fix; a count says the rest.
    private const int MaxViolationsSent = 50;
    private const int MaxSummaryViolations = 5;

    /// <summary>
    /// INVALID_ARGUMENT with the violations noted so far, as a status with a BadRequest detail: the first
    /// <see cref="MaxViolationsSent"/> of them, and a last one saying how many more there were.
    /// </summary>
    public Google.Rpc.Status ToStatus()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations.Take(MaxViolationsSent));
        if (_violations.Count > MaxViolationsSent)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = "", Description = $"… and {_violations.Count - MaxViolationsSent} more." });
        }

        var summary = string.Join("; ", _violations.Take(MaxSummaryViolations).Select(v => v.Field.Length > 0 ? $"{v.Field}: {v.Description}" : v.Description));
        var more = _violations.Count > MaxSummaryViolations ? $" (and {_violations.Count - MaxSummaryViolations} more)" : "";
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is not valid. {summary}{more}",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
    }

    private RpcException ToException() => ToStatus().ToRpcException();
}
