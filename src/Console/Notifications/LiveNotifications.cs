using System.Text.Json;
using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.WebConsole.Session;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Notifications;

/// <summary>
/// A member's event stream as server-sent events, for the pages' notification list: each event of one of the
/// member's accounts, in the reader's words, with a link to its deal. Each event's id is its resume token, which the
/// browser sends back as Last-Event-ID when it reconnects, so nothing is lost across a dropped connection.
/// </summary>
public static class LiveNotifications
{
    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapGet("/console/notifications", StreamAsync);
        app.MapGet("/console/notifications.js", () => Results.Text(Script.Value, "text/javascript; charset=utf-8"));
        return app;
    }

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(LiveNotifications).Assembly.GetManifestResourceStream("EPoomasi.WebConsole.Notifications.notifications.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <param name="after">The last event's id the page had seen (a page just opened); a reconnect's Last-Event-ID wins.</param>
    private static async Task StreamAsync(HttpContext context, string? account, string? after, IStringLocalizer<Texts> texts)
    {
        var session = context.RequestServices.GetRequiredService<ConsoleSession>();
        if (session.Who is not { IsMember: true } who || account is null || !who.Accounts.Contains(account))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var request = new WatchMemberEventsRequest { AccountId = account, ResumeToken = context.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? after ?? "" };
        try
        {
            using var call = new ExchangeService.ExchangeServiceClient(session.Channel).WatchMemberEvents(request, session.StreamOptions(context.RequestAborted));
            // The gateway's headers say its stream has begun: from here no event is missed. A comment line tells the
            // browser so (its open event), before the first event.
            await call.ResponseHeadersAsync;
            await context.Response.WriteAsync(": open\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var response in call.ResponseStream.ReadAllAsync(context.RequestAborted))
            {
                var notice = JsonSerializer.Serialize(new { text = Describe(response.Event, texts), href = Link(response.Event) });
                await context.Response.WriteAsync($"id: {response.Event.ResumeToken}\ndata: {notice}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (RpcException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The gateway ended the stream (it stopped, or the token expired): the browser reconnects with the last id.
        }
        catch (Exception reading) when (context.RequestAborted.IsCancellationRequested && reading is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // The reader left the page: the call to the gateway was cancelled with it. Nothing went wrong.
        }
    }

    /// <summary>The event in the reader's words: what happened, to which deal or listing, and by how much when it says.</summary>
    public static string Describe(MemberEvent e, IStringLocalizer<Texts> texts)
    {
        var what = texts[$"Event_{e.Kind}"];
        var said = what.ResourceNotFound ? texts["Event_Other"].Value : what.Value;
        return e.Minutes > 0 ? $"{said}: {e.Title} ({Display.Hours(e.Minutes)})" : $"{said}: {e.Title}";
    }

    private static string Link(MemberEvent e) => e.Kind switch
    {
        >= MemberEventKind.DealProposed and <= MemberEventKind.MessageReceived when e.DealId.Length > 0 => $"/console/deals/{Uri.EscapeDataString(e.DealId)}",
        MemberEventKind.ListingExpiring when e.ListingId.Length > 0 => $"/console/listings/{Uri.EscapeDataString(e.ListingId)}",
        _ => "/console/deals",
    };
}
