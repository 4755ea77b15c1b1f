using System.CommandLine;
using System.CommandLine.Help;
using EPoomasi.Cli.Commands;
using Grpc.Core;

namespace EPoomasi.Cli;

/// <summary>
/// The command line, on System.CommandLine: commands, their arguments, help, and the exit codes. Nothing a
/// person types ends in a stack trace: input that cannot be read is one clear line and exit code 2, a refusal
/// by the gateway its reason and 1, no gateway at the address 3.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line <paramref name="args"/>, printing to the console; the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = Root();
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = Console.Out, Error = Console.Out };
        if (parse.Action is not HelpAction && parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors.Select(e => e.Message).Distinct())
            {
                Console.WriteLine($"  {error}");
            }

            Console.WriteLine("  도움말 / help: epoomasi --help");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (UsageException usage)
        {
            Console.WriteLine($"  {usage.Message}");
            return 2;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && error.Status.DebugException is not null)
        {
            Console.WriteLine($"  {parse.GetValue(Inputs.Gateway)}에 게이트웨이가 없습니다 / no gateway answers there. Start one with: dotnet run --project src/Gateway");
            return 3;
        }
        catch (RpcException error)
        {
            Printer.Error(error);
            return 1;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"  파일을 읽거나 쓸 수 없습니다 / a file could not be read or written: {error.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine("  중단됨 / stopped");
            return 130;
        }
    }

    private static RootCommand Root()
    {
        var root = new RootCommand("""
            e-poomasi 타임뱅크 명령줄 / the time bank's command line.
            금액은 분(90) 또는 시간과 분(1h 30m) / amounts are minutes (90) or hours and minutes (1h 30m); times are Seoul's.
            """)
        {
            Inputs.Gateway,
            Inputs.Token,
        };
        foreach (var command in StartingCommands.All().Concat(DistrictCommands.All()).Concat(LedgerCommands.All()).Concat(PotCommands.All()).Concat(OnboardingCommands.All()).Concat(MintCommands.All()).Concat(ImportCommands.All()).Concat(AdministrationCommands.All()).Concat(AuditCommands.All()))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ReportCommands.Report());
        root.Subcommands.Add(ExportCommands.Export());
        root.Subcommands.Add(ListingCommands.Listing());
        root.Subcommands.Add(ListingCommands.Search());
        root.Subcommands.Add(ListingCommands.Feedback());
        root.Subcommands.Add(DealCommands.Deal());
        root.Subcommands.Add(LoanCommands.Loan());
        root.Subcommands.Add(SessionCommands.Session());
        root.SetAction(parse => new HelpAction().Invoke(parse));
        return root;
    }
}
