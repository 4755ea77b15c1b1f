using EPoomasi.Gateway.Hosting;

namespace EPoomasi.Gateway.Tests;

/// <summary>What the gateway prints when it starts: the ports it really listens on, and commands that work as printed.</summary>
public sealed class the_startup_banner_names_the_ports_in_use
{
    [Fact(Timeout = TestTimeouts.Default)]
    public void on_other_ports_the_commands_it_suggests_name_them()
    {
        var text = StartupBanner.Text(["http://127.0.0.1:6080", "http://127.0.0.1:6081"], "a database", developmentIssuer: true);

        Assert.Contains("dotnet run --project src/Cli -- --gateway http://127.0.0.1:6080 demo", text, StringComparison.Ordinal);
        Assert.Contains("TOKEN=$(dotnet run --project src/Cli -- --gateway http://127.0.0.1:6080 token auditor auditor:me)", text, StringComparison.Ordinal);
        Assert.Contains("curl -H \"authorization: Bearer $TOKEN\" http://127.0.0.1:6081/v1/districts/mapo/trial-balance", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5080", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5081", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public void on_the_default_ports_the_commands_are_the_readmes()
    {
        var text = StartupBanner.Text(["http://127.0.0.1:5080", "http://127.0.0.1:5081"], "a database", developmentIssuer: true);

        Assert.Contains("dotnet run --project src/Cli -- demo", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public void without_the_development_issuer_it_does_not_offer_its_tokens()
    {
        var text = StartupBanner.Text(["http://127.0.0.1:5080", "http://127.0.0.1:5081"], "a database", developmentIssuer: false);

        Assert.DoesNotContain("token auditor", text, StringComparison.Ordinal);
        Assert.Contains("Auth:SigningKeys", text, StringComparison.Ordinal);
    }
}
