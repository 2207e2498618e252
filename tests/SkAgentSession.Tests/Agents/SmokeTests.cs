using SkAgentSession.Agents;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

public sealed class SmokeTests
{
    [Fact]
    public async Task Faq_turn_prints()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);
        var result = await session.SendAsync("How much baggage can I bring?");
        Console.WriteLine(SessionItemJson.Serialize(result.NewItems));
        foreach (var body in harness.Recorder.Bodies)
        {
            Console.WriteLine(body);
        }

        Assert.Equal("FAQ Agent", result.ActiveAgent);
    }
}
