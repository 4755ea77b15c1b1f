namespace EPoomasi.Gateway.Hosting;

/// <summary>Registers the ledger and its background work with the host.</summary>
public static class LedgerHostingExtensions
{
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<LedgerOptions>(builder.Configuration.GetSection("Ledger"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LedgerRuntime>();
        // Registered before the web host, so the database is ready before the gateway listens.
        builder.Services.AddHostedService(services => services.GetRequiredService<LedgerRuntime>());
        builder.Services.AddHostedService<HoldExpiryService>();
        builder.Services.AddHostedService<BudgetPeriodService>();
        builder.Services.AddHostedService<DealSchedulerService>();
        builder.Services.AddHostedService<JournalSealingService>();
        builder.Services.AddSingleton<Security.FourEyes>();
        builder.Services.AddSingleton<Feed.AccountChanges>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Feed.AccountChanges>());
        builder.Services.AddSingleton<Feed.AccountFeed>();
        builder.Services.AddSingleton<Feed.MemberEventFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Feed.MemberEventFeed>());
        return builder;
    }
}
