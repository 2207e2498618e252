namespace SkAgentSession.FaultInjection.Tests;

public sealed class FaultRunOptionsTests
{
    [Fact]
    public void Options_are_read_from_the_command_line()
    {
        var options = FaultRunOptions.Parse(
            ["--sessions", "8", "--turns", "2", "--fault-gap", "1-4", "--replicas", "2", "--ingress", "http://127.0.0.1:8201,http://127.0.0.1:8202", "--admin", "http://127.0.0.1:9201,http://127.0.0.1:9202", "--kill-node-pid", "123"]);

        Assert.Equal((8, 2, 2, 123), (options.Sessions, options.Turns, options.Replicas, options.KillNodePid));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)), (options.MinFaultGap, options.MaxFaultGap));
        Assert.Equal(new Uri("http://127.0.0.1:8202/"), options.IngressUrls[1]);
        Assert.True(options.UsesExternalRestate);
    }

    [Fact]
    public void The_balancer_options_are_read_from_the_command_line()
    {
        var options = FaultRunOptions.Parse(
            ["--replicas", "3", "--balancer", "--kill-replica-at", "0.6", "--identity-keys", "publickeyv1_a, publickeyv1_b", "--restate-pids", "11,12", "--replica-env", "DOTNET_gcServer=0,A=b=c"]);

        Assert.True(options.Balancer);
        Assert.False(options.Haproxy);
        Assert.Equal(0.6, options.KillReplicaAtProgress);
        Assert.Equal(["publickeyv1_a", "publickeyv1_b"], options.IdentityKeys);
        Assert.Equal([11, 12], options.RestatePids);
        Assert.Equal(new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["A"] = "b=c" }, options.ReplicaEnvironment);
        Assert.True(FaultRunOptions.Parse(["--haproxy"]) is { Balancer: true, Haproxy: true });
    }

    [Theory]
    [InlineData("turn", new[] { DurabilityMode.Turn })]
    [InlineData("step", new[] { DurabilityMode.Step })]
    [InlineData("both", new[] { DurabilityMode.Turn, DurabilityMode.Step })]
    public void The_durability_option_chooses_the_modes_to_run(string value, DurabilityMode[] modes) =>
        Assert.Equal(modes, FaultRunOptions.Parse(["--durability", value]).Durabilities);

    [Theory]
    [InlineData("Unknown option '--bogus'", "--bogus")]
    [InlineData("--sessions must be at least 1", "--sessions", "0")]
    [InlineData("--turns needs a value", "--turns")]
    [InlineData("--fault-gap takes MIN-MAX", "--fault-gap", "3")]
    [InlineData("--slow-fraction takes a number from 0 to 1", "--slow-fraction", "2")]
    [InlineData("as many --admin URLs", "--ingress", "http://127.0.0.1:1")]
    [InlineData("--kill-node-pid needs an external Restate", "--kill-node-pid", "5")]
    [InlineData("minimum is above its maximum", "--slow-ms", "900-100")]
    [InlineData("--durability takes turn, step or both", "--durability", "steps")]
    [InlineData("--kill-replica-at needs at least 2 replicas", "--kill-replica-at", "0.5")]
    [InlineData("--replica-env takes NAME=VALUE pairs", "--replica-env", "DOTNET_gcServer")]
    public void Bad_options_are_refused_with_a_message_that_names_them(string expected, params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultRunOptions.Parse(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
