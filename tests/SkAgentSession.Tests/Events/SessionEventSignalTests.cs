using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

public sealed class SessionEventSignalTests
{
    private readonly SessionEventSignal _signal = new();

    [Fact]
    public void A_pulse_wakes_the_listeners_of_that_session_only()
    {
        using var first = _signal.Listen("s1");
        using var second = _signal.Listen("s1");
        using var other = _signal.Listen("s2");

        _signal.Pulse("s1");

        Assert.True(first.Pulsed.IsCompleted);
        Assert.True(second.Pulsed.IsCompleted);
        Assert.False(other.Pulsed.IsCompleted);
    }

    [Fact]
    public void A_listener_taken_after_a_pulse_waits_for_the_next_one()
    {
        _signal.Pulse("s1");
        using var listener = _signal.Listen("s1");

        Assert.False(listener.Pulsed.IsCompleted);
        _signal.Pulse("s1");
        Assert.True(listener.Pulsed.IsCompleted);
    }

    [Fact]
    public void Sessions_without_listeners_are_forgotten()
    {
        var pulsed = _signal.Listen("s1");
        var idle = _signal.Listen("s2");
        _signal.Pulse("s1");
        using (var again = _signal.Listen("s1"))
        {
            pulsed.Dispose();
            Assert.Equal(2, _signal.SessionCount); // the listener of the pulsed entry does not remove the new one
        }

        idle.Dispose();
        Assert.Equal(0, _signal.SessionCount);
    }
}
