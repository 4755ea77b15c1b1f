using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EPoomasi.WebConsole.Components;
using EPoomasi.WebConsole.Downloads;
using EPoomasi.WebConsole.Notifications;
using EPoomasi.WebConsole.Session;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;

namespace EPoomasi.WebConsole;

/// <summary>
/// The console's door: what a host adds to serve it under <c>/console</c>. Pages are rendered on the server and
/// work without scripts; every figure on them comes from the gateway's API, called with the reader's own token.
/// </summary>
public static class WebConsoleHosting
{
    private static readonly CultureInfo[] Languages = [new("ko-KR"), new("en")];

    public static IServiceCollection AddWebConsole(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Hangul written as itself, not as character references: pages half the size, and readable as source.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddSingleton<GatewayChannel>();
        services.AddScoped<ConsoleSession>();
        return services;
    }

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        var languages = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture("ko-KR"), SupportedCultures = Languages, SupportedUICultures = Languages };
        languages.RequestCultureProviders = [new CookieRequestCultureProvider()];
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/console"), console => console.UseRequestLocalization(languages));
        app.UseAntiforgery();
        app.MapRazorComponents<App>();
        app.MapDistrictDownloads();
        app.MapNotifications();

        // The language link: Korean or English from now on, back to the page it was followed from.
        app.MapGet("/console/language", (HttpContext context, string? back) =>
        {
            var next = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko" ? "en" : "ko-KR";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(next)),
                new CookieOptions { Path = "/console", SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.LocalRedirect(back is { } path && path.StartsWith("/console", StringComparison.Ordinal) ? path : "/console");
        });
        app.MapPost("/console/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            ConsoleSession.SignOut(context);
            return Results.LocalRedirect("/console/sign-in");
        });
        return app;
    }
}
