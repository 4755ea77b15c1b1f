using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Presentation;
using EPoomasi.Presentation.Exports;
using EPoomasi.WebConsole.Session;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EPoomasi.WebConsole.Downloads;

/// <summary>
/// A coordinator's district as CSV files for a spreadsheet, the same files the CLI's <c>export</c> writes: its members
/// with their balances, and every statement line of its accounts, as of the moment of the download. Pages stream
/// from the gateway into the response, called with the coordinator's own token.
/// </summary>
public static class DistrictDownloads
{
    public static WebApplication MapDistrictDownloads(this WebApplication app)
    {
        app.MapGet("/console/district/members.csv", (HttpContext context) => DownloadAsync(context, "members", CsvFile.MemberHeader, DistrictExport.MembersAsync));
        app.MapGet("/console/district/entries.csv", (HttpContext context) => DownloadAsync(context, "entries", CsvFile.EntryHeader, DistrictExport.EntriesAsync));
        return app;
    }

    private delegate Task Export(ReportService.ReportServiceClient reports, CsvFile csv, string districtId, Timestamp asOf, Func<CallOptions> options, Action<long>? progress);

    private static async Task DownloadAsync(HttpContext context, string name, string[] header, Export export)
    {
        var session = context.RequestServices.GetRequiredService<ConsoleSession>();
        if (session.Who is not { IsCoordinator: true, District: { } district })
        {
            await Problem(context, StatusCodes.Status403Forbidden, "코디네이터로 로그인하세요 / Sign in as a coordinator.");
            return;
        }

        var asOf = TimeProvider.System.GetUtcNow();
        // The district comes from the cookie's token, unchecked until the gateway sees it: only safe characters reach a header.
        var safe = new string([.. district.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(64)]);
        var file = $"{name}-{safe}-{TimeZoneInfo.ConvertTime(asOf, Seoul.Zone):yyyyMMdd-HHmm}.csv";
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        var reports = new ReportService.ReportServiceClient(session.Channel);
        // Disposed (flushed) only when every page is written: a refusal of the first page leaves the header unsent, and
        // the reader gets the gateway's reason instead of a file.
        var csv = await CsvFile.CreateAsync(context.Response.Body, header);
        try
        {
            await export(reports, csv, district, Timestamp.FromDateTimeOffset(asOf), () => session.Options(context.RequestAborted), null);
            await csv.DisposeAsync();
        }
        catch (RpcException failure) when (!context.Response.HasStarted)
        {
            var status = failure.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status503ServiceUnavailable;
            await Problem(context, status, $"게이트웨이가 거절했습니다 / The gateway refused: {failure.Status.Detail}");
        }
        catch (RpcException) when (context.Response.HasStarted)
        {
            // Part of the file is sent: end the response unfinished, so the browser reports a failed download, not a short file.
            context.Abort();
        }
    }

    private static Task Problem(HttpContext context, int status, string text)
    {
        context.Response.Headers.ContentDisposition = default;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
