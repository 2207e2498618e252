namespace Restate.Sdk.Bench.Load;

/// <summary>CPU time used so far by one side's service and restate-server, this client and the machine.</summary>
internal readonly record struct CpuSnapshot(TimeSpan Service, TimeSpan Server, TimeSpan Client, TimeSpan Machine)
{
    public static CpuSnapshot Read(BenchSide side) => new(
        ProcessCpuClock.Read(side.ServicePid),
        ProcessCpuClock.Read(side.ServerPid),
        ProcessCpuClock.Read(Environment.ProcessId),
        ProcessCpuClock.ReadMachineBusy());

    public static CpuSnapshot operator +(CpuSnapshot a, CpuSnapshot b) => new(
        a.Service + b.Service,
        a.Server + b.Server,
        a.Client + b.Client,
        a.Machine + b.Machine);

    public static CpuSnapshot operator -(CpuSnapshot after, CpuSnapshot before) => new(
        after.Service - before.Service,
        after.Server - before.Server,
        after.Client - before.Client,
        after.Machine - before.Machine);
}
