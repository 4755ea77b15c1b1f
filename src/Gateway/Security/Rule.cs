using Google.Protobuf;

namespace EPoomasi.Gateway.Security;

/// <summary>Who may make one call: public, or the roles granted and how far each reaches.</summary>
public sealed record Rule(bool Public, IReadOnlyDictionary<Role, Reach> Grants, Func<IMessage, ResourceLookup, CancellationToken, Task<Touches>> Touches)
{
    /// <summary>The scope a partner app needs, for the members it acts for, to make this call; null when partners may not.</summary>
    public string? PartnerScope { get; init; }

    /// <summary>Lets partner apps make this call for the accounts they act for under <paramref name="scope"/>.</summary>
    public Rule ForPartners(string scope) =>
        this with { PartnerScope = scope, Grants = new Dictionary<Role, Reach>(Grants) { [Role.PartnerApp] = Reach.OwnAccounts } };

    public static Rule Open() => new(true, new Dictionary<Role, Reach>(), (_, _, _) => Task.FromResult(Security.Touches.Nothing));

    public static Rule Grant(Func<IMessage, ResourceLookup, CancellationToken, Task<Touches>> touches, params (Role Role, Reach Reach)[] grants) =>
        new(false, grants.ToDictionary(g => g.Role, g => g.Reach), touches);

    /// <summary>For calls whose request names what they touch directly.</summary>
    public static Rule Grant<TRequest>(Func<TRequest, Touches> touches, params (Role Role, Reach Reach)[] grants) where TRequest : IMessage =>
        Grant((request, _, _) => Task.FromResult(touches((TRequest)request)), grants);
}
