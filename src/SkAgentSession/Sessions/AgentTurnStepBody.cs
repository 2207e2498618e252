using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Models;

namespace SkAgentSession.Sessions;

/// <summary>
/// The body of the durable "agent turn" step. Failures a retry may fix (timeouts, 429, 5xx) are
/// rethrown so Restate retries the step; the rest become terminal at once, so a bad API key does not
/// spend the retry budget.
/// </summary>
internal static class AgentTurnStepBody
{
    public static async Task<AgentTurnResult<AirlineContext>> RunAsync(
        AgentRunner<AirlineContext> runner,
        SessionState state,
        CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunTurnAsync(state.Items, state.Agent, state.Context, null, cancellationToken);
        }
        catch (NonRetryableModelException failure)
        {
            throw new TerminalException($"the model refused the request ({failure.Message})", 502);
        }
        catch (AgentStepLimitExceededException failure)
        {
            throw new TerminalException(failure.Message, 502);
        }
        catch (Exception failure) when (failure is ArgumentException or InvalidDataException)
        {
            throw new TerminalException(failure.Message, 500);
        }
    }
}
