using System.Globalization;
using Restate.Sdk.Local;
using SkAgentSession.Bench;
using SkAgentSession.Bench.Streaming;

// Usage: SkAgentSession.Bench.Streaming <repository root> [turns per side, default 60]
var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var turns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
const int Block = 10;
var appAssembly = Path.Combine(root, "src/SkAgentSession/bin/Release/net10.0/SkAgentSession.dll");
var baseDir = Directory.CreateTempSubdirectory("skas-bench-streaming-");

await using var restate = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
{
    ToolsDirectory = root,
    BaseDirectory = Path.Combine(baseDir.FullName, "restate"),
});
await using var app = await AppUnderTest.StartAsync(appAssembly, restate.IngressUrl, restate.AdminUrl);
using var api = new HttpClient { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
var driver = new TurnDriver(api);

// Warm up both paths, then alternate blocks of turns with and without a subscriber, so that the machine's
// other load falls on both alike.
for (var i = 0; i < 20; i++)
{
    await driver.RunAsync(subscribe: i % 2 == 0);
}

var samples = new Dictionary<bool, Side> { [false] = new(), [true] = new() };
for (var done = 0; done < turns; done += Block)
{
    foreach (var subscribe in new[] { false, true })
    {
        var side = samples[subscribe];
        var serviceBefore = ProcessCpu.Read(app.Pid);
        var restateBefore = ProcessCpu.Read(restate.Pid);
        for (var i = 0; i < Block; i++)
        {
            var (post, firstDelta, completed) = await driver.RunAsync(subscribe);
            side.Turns.Add(post.TotalMilliseconds);
            if (firstDelta is { } delta)
            {
                side.FirstDeltas.Add(delta.TotalMilliseconds);
            }

            if (completed is { } end)
            {
                side.Completions.Add(end.TotalMilliseconds);
            }
        }

        side.ServiceCpu += ProcessCpu.Read(app.Pid) - serviceBefore;
        side.RestateCpu += ProcessCpu.Read(restate.Pid) - restateBefore;
        side.Count += Block;
    }
}

var quiet = samples[false];
var streamed = samples[true];
Console.WriteLine($"turns per side: {quiet.Count} (FAQ turn with a handoff and a tool call; scripted model, 15 ms per token)");
Console.WriteLine($"without subscriber: POST p50 {Percentile(quiet.Turns, 50):F1} ms; CPU per turn: service {quiet.ServicePerTurn:F2} ms, restate-server {quiet.RestatePerTurn:F2} ms");
Console.WriteLine($"with subscriber:    POST p50 {Percentile(streamed.Turns, 50):F1} ms; CPU per turn: service {streamed.ServicePerTurn:F2} ms, restate-server {streamed.RestatePerTurn:F2} ms");
Console.WriteLine($"POST to first text.delta: p50 {Percentile(streamed.FirstDeltas, 50):F1} ms, p95 {Percentile(streamed.FirstDeltas, 95):F1} ms");
Console.WriteLine($"POST to turn.completed on the stream: p50 {Percentile(streamed.Completions, 50):F1} ms, p95 {Percentile(streamed.Completions, 95):F1} ms");
var ratio = (streamed.ServicePerTurn + streamed.RestatePerTurn) / (quiet.ServicePerTurn + quiet.RestatePerTurn);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"streaming first-delta-p50-ms={Percentile(streamed.FirstDeltas, 50):F1} cpu-ratio={ratio:F2} (service+restate CPU per turn, with a subscriber / without)"));
baseDir.Delete(recursive: true);

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

internal sealed class Side
{
    public List<double> Turns { get; } = [];

    public List<double> FirstDeltas { get; } = [];

    public List<double> Completions { get; } = [];

    public TimeSpan ServiceCpu { get; set; }

    public TimeSpan RestateCpu { get; set; }

    public int Count { get; set; }

    public double ServicePerTurn => ServiceCpu.TotalMilliseconds / Count;

    public double RestatePerTurn => RestateCpu.TotalMilliseconds / Count;
}
