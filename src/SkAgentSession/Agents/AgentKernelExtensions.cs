using Microsoft.SemanticKernel;

namespace SkAgentSession.Agents;

/// <summary>How a tool reaches the turn it runs in.</summary>
public static class AgentKernelExtensions
{
    /// <summary>
    /// The run context of the turn a function runs in: declare a <see cref="Kernel"/> parameter on
    /// the tool method (Semantic Kernel fills it and does not show it to the model).
    /// </summary>
    public static AgentRunContext<TContext> GetAgentRunContext<TContext>(this Kernel kernel)
        where TContext : class
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return kernel.Data.TryGetValue(AgentRunContext<TContext>.KernelDataKey, out var value) && value is AgentRunContext<TContext> run
            ? run
            : throw new InvalidOperationException(
                $"This kernel carries no run context for {typeof(TContext).Name}: the function must be invoked by AgentRunner<{typeof(TContext).Name}>.");
    }
}
