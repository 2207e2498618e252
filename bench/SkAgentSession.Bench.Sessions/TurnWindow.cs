namespace SkAgentSession.Bench.Sessions;

/// <summary>A run of consecutive turns of one session (numbered from 1): their latencies and the CPU they cost.</summary>
internal sealed class TurnWindow(string name, int firstTurn, int lastTurn)
{
    public string Name { get; } = name;

    public int FirstTurn { get; } = firstTurn;

    public int LastTurn { get; } = lastTurn;

    public int Turns => LastTurn - FirstTurn + 1;

    public List<double> LatenciesMs { get; } = [];

    public TimeSpan AppCpu { get; set; }

    public TimeSpan RestateCpu { get; set; }

    public double MedianMs => Stats.Median(LatenciesMs);

    public double AppCpuPerTurnMs => AppCpu.TotalMilliseconds / Turns;

    public double RestateCpuPerTurnMs => RestateCpu.TotalMilliseconds / Turns;

    public bool Holds(int turn) => turn >= FirstTurn && turn <= LastTurn;
}
