using System.Globalization;

namespace SkAgentSession.FaultInjection;

/// <summary>What a fault-injection run does: how much traffic, which faults, against which Restate.</summary>
public sealed record FaultRunOptions
{
    /// <summary>Concurrent conversations (sessions).</summary>
    public int Sessions { get; init; } = 50;

    /// <summary>Messages per conversation, each sent only after the previous one was answered.</summary>
    public int Turns { get; init; } = 6;

    /// <summary>Seeds the conversations (texts, slow markers) and the fault schedule (gaps, victims, pauses).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share of messages that carry a <c>#model-slow:MS</c> marker, so kills land inside turns.</summary>
    public double SlowFraction { get; init; } = 0.5;

    public int SlowMinMilliseconds { get; init; } = 500;

    public int SlowMaxMilliseconds { get; init; } = 2500;

    /// <summary>Kill the service processes (SIGKILL) at random moments and restart them.</summary>
    public bool KillService { get; init; } = true;

    /// <summary>
    /// At most this many service kills; unlimited when null. Unlimited kills spaced closer than a slow turn lasts can
    /// cut every attempt of that turn, and Restate's retry backoff then grows to its cap: the run stays correct but
    /// may not finish.
    /// </summary>
    public int? MaxServiceKills { get; init; } = 12;

    /// <summary>The pause before each fault is drawn between this and <see cref="MaxFaultGap"/>.</summary>
    public TimeSpan MinFaultGap { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxFaultGap { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The Restate fault (stop and restart, or a node kill) comes once this share of messages is answered.</summary>
    public double RestateFaultAtProgress { get; init; } = 0.5;

    /// <summary>How many instances of the service run side by side (each message attempt picks one, unless behind a balancer).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>
    /// Put the replicas behind the cluster's load balancer (<c>cluster/LoadBalancer</c>): its URL is the one deployment
    /// registered with Restate, and every message goes to its API port.
    /// </summary>
    public bool Balancer { get; init; }

    /// <summary>With <see cref="Balancer"/>: HAProxy (Debian's <c>haproxy</c>) instead of <c>cluster/LoadBalancer</c>, for comparison.</summary>
    public bool Haproxy { get; init; }

    /// <summary>SIGKILL one replica, never restarted, once this share of messages is answered; never when null.</summary>
    public double? KillReplicaAtProgress { get; init; }

    /// <summary>Extra environment variables of every replica (e.g. .NET runtime settings to measure).</summary>
    public IReadOnlyDictionary<string, string> ReplicaEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The processes of an external Restate, whose CPU time during the conversations the report shows.</summary>
    public IReadOnlyList<int> RestatePids { get; init; } = [];

    /// <summary>The public keys (<c>publickeyv1_…</c>) of the Restate nodes, given to every replica to verify requests with.</summary>
    public IReadOnlyList<string> IdentityKeys { get; init; } = [];

    /// <summary>
    /// An external Restate (e.g. a cluster): one ingress per replica, cycled. Empty: the run starts its own
    /// restate-server and stops and restarts it once.
    /// </summary>
    public IReadOnlyList<Uri> IngressUrls { get; init; } = [];

    /// <summary>The admin API of the external Restate, one per replica, cycled (registration and the audit's SQL).</summary>
    public IReadOnlyList<Uri> AdminUrls { get; init; } = [];

    /// <summary>The process id of an external Restate node to kill (SIGKILL) as the Restate fault.</summary>
    public int? KillNodePid { get; init; }

    /// <summary>How long one HTTP attempt may wait for its answer before the client re-sends.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A message not answered within this time counts as not acknowledged.</summary>
    public TimeSpan MessageDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where logs, the model call log and the Restate data go; a fresh temporary folder when null.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Keep the work directory after the run (it is deleted after a passing run otherwise).</summary>
    public bool KeepWorkDirectory { get; init; }

    /// <summary>The built app (<c>SkAgentSession.dll</c>); by default the build next to this driver's configuration.</summary>
    public string? AppAssembly { get; init; }

    /// <summary>The sessions' durability modes to test, one run each in this order (default: both, turn first).</summary>
    public IReadOnlyList<DurabilityMode> Durabilities { get; init; } = [DurabilityMode.Turn, DurabilityMode.Step];

    /// <summary>Writes the figures as JSON here as well.</summary>
    public string? JsonReportPath { get; init; }

    public bool UsesExternalRestate => IngressUrls.Count > 0;

    public const string Usage =
        """
        Usage: FaultInjection [options]
          --sessions N           concurrent conversations (default 50)
          --turns N              messages per conversation (default 6)
          --seed N               seed of the conversations and the fault schedule (default 1)
          --slow-fraction F      share of messages with #model-slow (default 0.5)
          --slow-ms MIN-MAX      model delay range of slow messages (default 500-2500)
          --fault-gap MIN-MAX    seconds between faults (default 2-5)
          --max-service-kills N  stop killing the service after N kills (default 12)
          --no-service-kills     never kill the service
          --restate-fault-at F   share of answered messages before the Restate fault (default 0.5)
          --replicas N           service instances (default 1)
          --ingress URL[,URL]    use this Restate ingress (one per replica, cycled) instead of a local server
          --admin URL[,URL]      its admin API (same order)
          --kill-node-pid PID    Restate fault for an external Restate: SIGKILL this node
          --balancer             put the replicas behind cluster/LoadBalancer (registered as the deployment)
          --haproxy              put them behind HAProxy instead (for comparison; needs Debian's haproxy)
          --kill-replica-at F    SIGKILL one replica for good once this share of messages is answered
          --identity-keys K[,K]  Restate's request identity public keys; the replicas refuse unsigned requests
          --restate-pids P[,P]   an external Restate's node processes, to report their CPU time
          --replica-env K=V[,K=V] extra environment variables of every replica
          --attempt-timeout S    seconds one HTTP attempt may wait (default 60)
          --deadline S           seconds a message may take in all (default 600)
          --work-dir DIR         logs, model call log, Restate data (default: a temp folder)
          --keep-work-dir        keep the work folder after a passing run
          --app PATH             SkAgentSession.dll to run
          --durability MODE      turn, step or both: the sessions' durability, one run per mode (default both)
          --json PATH            also write the figures as JSON (an object keyed by mode)
        """;

    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static FaultRunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FaultRunOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--sessions" => options with { Sessions = PositiveInt(name, Value()) },
                "--turns" => options with { Turns = PositiveInt(name, Value()) },
                "--seed" => options with { Seed = Int(name, Value()) },
                "--slow-fraction" => options with { SlowFraction = Fraction(name, Value()) },
                "--slow-ms" => WithSlowRange(options, name, Value()),
                "--fault-gap" => WithFaultGap(options, name, Value()),
                "--max-service-kills" => options with { MaxServiceKills = Int(name, Value()) },
                "--no-service-kills" => options with { KillService = false },
                "--restate-fault-at" => options with { RestateFaultAtProgress = Fraction(name, Value()) },
                "--replicas" => options with { Replicas = PositiveInt(name, Value()) },
                "--ingress" => options with { IngressUrls = Urls(name, Value()) },
                "--admin" => options with { AdminUrls = Urls(name, Value()) },
                "--kill-node-pid" => options with { KillNodePid = PositiveInt(name, Value()) },
                "--balancer" => options with { Balancer = true },
                "--haproxy" => options with { Balancer = true, Haproxy = true },
                "--replica-env" => options with { ReplicaEnvironment = Assignments(name, Value()) },
                "--restate-pids" => options with { RestatePids = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pid => PositiveInt(name, pid))] },
                "--kill-replica-at" => options with { KillReplicaAtProgress = Fraction(name, Value()) },
                "--identity-keys" => options with { IdentityKeys = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--attempt-timeout" => options with { AttemptTimeout = TimeSpan.FromSeconds(PositiveInt(name, Value())) },
                "--deadline" => options with { MessageDeadline = TimeSpan.FromSeconds(PositiveInt(name, Value())) },
                "--work-dir" => options with { WorkDirectory = Value() },
                "--keep-work-dir" => options with { KeepWorkDirectory = true },
                "--app" => options with { AppAssembly = Value() },
                "--durability" => options with { Durabilities = Modes(name, Value()) },
                "--json" => options with { JsonReportPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        options.Validate();
        return options;
    }

    /// <exception cref="ArgumentException">The options contradict each other.</exception>
    public void Validate()
    {
        if (IngressUrls.Count != AdminUrls.Count)
        {
            throw new ArgumentException("Give as many --admin URLs as --ingress URLs.");
        }

        if (KillNodePid is not null && !UsesExternalRestate)
        {
            throw new ArgumentException("--kill-node-pid needs an external Restate (--ingress and --admin).");
        }

        if (KillReplicaAtProgress is not null && Replicas < 2)
        {
            throw new ArgumentException("--kill-replica-at needs at least 2 replicas, so that one is left.");
        }

        if (SlowMinMilliseconds > SlowMaxMilliseconds || MinFaultGap > MaxFaultGap)
        {
            throw new ArgumentException("A range's minimum is above its maximum.");
        }
    }

    private static FaultRunOptions WithSlowRange(FaultRunOptions options, string name, string value)
    {
        var (min, max) = Range(name, value);
        return options with { SlowMinMilliseconds = min, SlowMaxMilliseconds = max };
    }

    private static FaultRunOptions WithFaultGap(FaultRunOptions options, string name, string value)
    {
        var (min, max) = Range(name, value);
        return options with { MinFaultGap = TimeSpan.FromSeconds(min), MaxFaultGap = TimeSpan.FromSeconds(max) };
    }

    private static (int Min, int Max) Range(string name, string value)
    {
        var parts = value.Split('-');
        return parts.Length == 2
            ? (Int(name, parts[0]), Int(name, parts[1]))
            : throw new ArgumentException($"{name} takes MIN-MAX, not '{value}'.");
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"{name} takes a whole number, not '{value}'.");

    private static int PositiveInt(string name, string value) =>
        Int(name, value) is > 0 and var number ? number : throw new ArgumentException($"{name} must be at least 1.");

    private static double Fraction(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 1
            ? number
            : throw new ArgumentException($"{name} takes a number from 0 to 1, not '{value}'.");

    private static DurabilityMode[] Modes(string name, string value) => value switch
    {
        "turn" => [DurabilityMode.Turn],
        "step" => [DurabilityMode.Step],
        "both" => [DurabilityMode.Turn, DurabilityMode.Step],
        _ => throw new ArgumentException($"{name} takes turn, step or both, not '{value}'."),
    };

    private static Dictionary<string, string> Assignments(string name, string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                pair => pair.Length == 2 && pair[0].Length > 0 ? pair[0] : throw new ArgumentException($"{name} takes NAME=VALUE pairs, not '{string.Join('=', pair)}'."),
                pair => pair[1]);

    private static Uri[] Urls(string name, string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url =>
            Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"{name}: '{url}' is not an absolute URL."))];
}
