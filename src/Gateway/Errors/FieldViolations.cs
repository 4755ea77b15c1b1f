using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Gateway.Errors;

/// <summary>Collects what is wrong with a request's fields, then throws one INVALID_ARGUMENT naming them all.</summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public void Add(string field, string description) =>
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

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

    /// <summary>INVALID_ARGUMENT with every violation noted so far, as a status with a BadRequest detail.</summary>
    public Google.Rpc.Status ToStatus()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations);
        var summary = string.Join("; ", _violations.Select(v => v.Field.Length > 0 ? $"{v.Field}: {v.Description}" : v.Description));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is not valid. {summary}",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
    }

    private RpcException ToException() => ToStatus().ToRpcException();
}
