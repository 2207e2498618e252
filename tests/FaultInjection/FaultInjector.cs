using System.Diagnostics;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// While the conversations run: after a random pause (seeded), SIGKILL one service instance and start it again;
/// once the given share of messages is answered, inject the Restate fault instead (once), and at its own share kill
/// one replica for good (once). Faults happen one at a time, so a service never starts while Restate is down.
/// </summary>
internal sealed class FaultInjector(
    FaultRunOptions options,
    IReadOnlyList<ServiceProcess> replicas,
    IRestateUnderTest restate,
    RunProgress progress,
    TextWriter log)
{
    private readonly Random _random = new(options.Seed * 7919 + 17);
    private readonly List<FaultEvent> _events = [];
    private bool _restateFaultDone;
    private int _serviceKills;

    public IReadOnlyList<FaultEvent> Events => _events;

    /// <summary>The replica killed for good, if any, and when (on the clock).</summary>
    public (ServiceProcess Replica, DateTimeOffset At)? KilledForGood { get; private set; }

    /// <summary>Injects faults until <paramref name="conversationsDone"/> is cancelled; a fault under way is always finished, so every instance is up at the end.</summary>
    public async Task RunAsync(CancellationToken conversationsDone)
    {
        while (!conversationsDone.IsCancellationRequested)
        {
            var gap = options.MinFaultGap + (options.MaxFaultGap - options.MinFaultGap) * _random.NextDouble();
            try
            {
                await Task.Delay(gap, conversationsDone);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!_restateFaultDone && restate.CanInjectFault && progress.Fraction >= options.RestateFaultAtProgress)
            {
                _restateFaultDone = true;
                Record(await restate.InjectFaultAsync(_random, progress.Elapsed, progress.InFlight));
            }
            else if (KilledForGood is null && options.KillReplicaAtProgress is { } at && progress.Fraction >= at)
            {
                KillForGood(replicas[_random.Next(replicas.Count)]);
            }
            else if (options.KillService && (options.MaxServiceKills is not { } max || _serviceKills < max))
            {
                var alive = replicas.Where(r => r != KilledForGood?.Replica).ToList();
                await KillAndRestartAsync(alive[_random.Next(alive.Count)]);
            }
        }
    }

    private async Task KillAndRestartAsync(ServiceProcess replica)
    {
        var at = progress.Elapsed;
        var inFlight = progress.InFlight;
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        replica.Kill();
        _serviceKills++;

        // Sometimes at once, sometimes after clients have noticed and re-sent into a closed port.
        await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(0, 1500)));
        await replica.StartAsync();
        Record(new FaultEvent(at, startedAt, "SIGKILL + restart", replica.Name, inFlight, clock.Elapsed, StruckRestate: false));
    }

    private void KillForGood(ServiceProcess replica)
    {
        var at = progress.Elapsed;
        var inFlight = progress.InFlight;
        var startedAt = DateTimeOffset.UtcNow;
        replica.Kill();
        KilledForGood = (replica, startedAt);
        Record(new FaultEvent(at, startedAt, "SIGKILL, not restarted", replica.Name, inFlight, TimeSpan.Zero, StruckRestate: false));
    }

    private void Record(FaultEvent fault)
    {
        _events.Add(fault);
        log.WriteLine(
            $"  [{fault.At.TotalSeconds,6:0.0} s] {fault.Target}: {fault.Kind} with {fault.TurnsInFlight} turn(s) in flight"
            + (fault.Downtime > TimeSpan.Zero ? $", back after {fault.Downtime.TotalSeconds:0.0} s" : string.Empty));
    }
}
