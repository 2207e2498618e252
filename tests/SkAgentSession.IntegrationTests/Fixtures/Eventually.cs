namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>Waits for a condition by polling it, up to a deadline.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan limit, string failure)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(20);
        }
    }
}
