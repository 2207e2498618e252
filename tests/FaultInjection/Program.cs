using SkAgentSession.FaultInjection;

if (args.Contains("--help"))
{
    Console.WriteLine(FaultRunOptions.Usage);
    return 0;
}

FaultRunOptions options;
try
{
    options = FaultRunOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(FaultRunOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var reports = new Dictionary<string, FaultRunReport>();
foreach (var durability in options.Durabilities)
{
    FaultRunReport report;
    try
    {
        report = await FaultRun.RunAsync(options, durability, Console.Out, cancel.Token);
    }
    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
    {
        Console.Error.WriteLine("Cancelled.");
        return 130;
    }

    report.WriteTo(Console.Out);
    if (!report.Passed || options.KeepWorkDirectory)
    {
        Console.WriteLine($"Logs, model call log and Restate data: {report.WorkDirectory}");
    }

    Console.WriteLine();
    reports[report.Durability] = report;
}

foreach (var report in reports.Values)
{
    Console.WriteLine(report.Summary + (report.Passed ? string.Empty : " - FAILED"));
}

if (options.JsonReportPath is not null)
{
    await File.WriteAllTextAsync(options.JsonReportPath, FaultRunReport.ToJson(reports));
}

return reports.Values.All(r => r.Passed) ? 0 : 1;
