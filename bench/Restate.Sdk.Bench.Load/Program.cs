using Restate.Sdk.Bench.Load;

// Commands (used by bench/sdk.sh):
//   free-ports --count N
//   run --sides ts,csharp --round R --results FILE, and per side S: --S-ingress URL --S-service-pid P --S-server-pid P
//       [--warmup-calls N] [--sequential-calls N] [--concurrent-calls N]
//   report --results FILE      (exit code 3 when only one side was measured)
try
{
    if (args.Length == 0)
    {
        throw new ArgumentException("Expected a command: free-ports, run or report.");
    }

    var options = new ArgumentReader(args.Skip(1));
    switch (args[0])
    {
        case "free-ports":
            Console.WriteLine(string.Join(' ', FreePorts.Take(options.Int("count"))));
            return 0;
        case "run":
            await BenchRun.RunAsync(options).ConfigureAwait(false);
            return 0;
        case "report":
            var rows = File.ReadLines(options.String("results")).Skip(1).Select(ResultRow.ParseTsv).ToList();
            return BenchReport.Print(rows, Console.Out) ? 0 : 3;
        default:
            throw new ArgumentException($"Unknown command '{args[0]}'.");
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench load client: {e.Message}");
    return 2;
}
catch (BenchCallException e)
{
    Console.Error.WriteLine($"bench load client: a call failed: {e.Message}");
    return 1;
}
