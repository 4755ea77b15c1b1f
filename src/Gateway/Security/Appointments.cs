using System.Collections.Concurrent;
using EPoomasi.Gateway.Hosting;

namespace EPoomasi.Gateway.Security;

/// <summary>
/// Whether a coordinator is appointed to a district, as the ledger's district log says. A confirmed appointment
/// is remembered for <see cref="Remembered"/>: a coordinator entering a day's work sends many calls, and each
/// reading the district again was one more query per call beside the call's own. An appointment found missing
/// is never remembered, so a new one counts at once; a dismissal counts on every gateway within
/// <see cref="Remembered"/>.
/// </summary>
public sealed class Appointments(LedgerRuntime ledger, TimeProvider time)
{
    /// <summary>How long a confirmed appointment is taken as still standing.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(1);

    // A few entries per coordinator at work; dropped when stale, so they cannot pile up.
    private readonly ConcurrentDictionary<(string District, string Subject), DateTimeOffset> _confirmed = new();

    public async Task<bool> IsCoordinatorAsync(string districtId, string subject, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_confirmed.TryGetValue((districtId, subject), out var until))
        {
            if (until > now) return true;
            _confirmed.TryRemove((districtId, subject), out _);
        }

        if (await ledger.Ledger.GetDistrictAsync(districtId, cancellationToken) is not { } district || !district.IsCoordinator(subject))
        {
            return false;
        }

        _confirmed[(districtId, subject)] = now + Remembered;
        return true;
    }
}
