using System.Text.RegularExpressions;

namespace SkAgentSession.Agents;

/// <summary>
/// The set of agents a session can talk to, checked once when built: unique names, handoff
/// targets that exist, tool names the model API accepts and that do not clash with handoffs.
/// </summary>
public sealed partial class AgentCatalog<TContext>
    where TContext : class
{
    private readonly Dictionary<string, AgentDefinition<TContext>> _byName;

    public AgentCatalog(string defaultAgent, IEnumerable<AgentDefinition<TContext>> agents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultAgent);
        ArgumentNullException.ThrowIfNull(agents);

        Agents = [.. agents];
        _byName = new Dictionary<string, AgentDefinition<TContext>>(StringComparer.Ordinal);
        foreach (var agent in Agents)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(agent.Name, nameof(agents));
            if (!_byName.TryAdd(agent.Name, agent))
            {
                throw new ArgumentException($"Two agents are named '{agent.Name}'.", nameof(agents));
            }
        }

        if (!_byName.ContainsKey(defaultAgent))
        {
            throw new ArgumentException($"The default agent '{defaultAgent}' is not in the catalog.", nameof(defaultAgent));
        }

        DefaultAgent = defaultAgent;
        var handoffNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agent in Agents)
        {
            var functionName = HandoffFunctions.FunctionName(agent.Name);
            if (handoffNames.TryGetValue(functionName, out var other))
            {
                throw new ArgumentException($"Agents '{other}' and '{agent.Name}' would share the handoff function '{functionName}'.", nameof(agents));
            }

            handoffNames.Add(functionName, agent.Name);
        }

        foreach (var agent in Agents)
        {
            Validate(agent, handoffNames);
        }
    }

    public string DefaultAgent { get; }

    public IReadOnlyList<AgentDefinition<TContext>> Agents { get; }

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The agent called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public AgentDefinition<TContext> Get(string name) =>
        _byName.TryGetValue(name, out var agent)
            ? agent
            : throw new ArgumentException(
                $"Unknown agent '{name}'. Known agents: {string.Join(", ", _byName.Keys.Select(k => $"'{k}'"))}.", nameof(name));

    private void Validate(AgentDefinition<TContext> agent, Dictionary<string, string> handoffNames)
    {
        ArgumentNullException.ThrowIfNull(agent.Instructions, $"{agent.Name}.Instructions");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in agent.Tools)
        {
            if (!ToolName().IsMatch(tool.Name))
            {
                throw new ArgumentException($"Agent '{agent.Name}': tool name '{tool.Name}' must match [A-Za-z0-9_]{{1,64}}.");
            }

            if (handoffNames.ContainsKey(tool.Name))
            {
                throw new ArgumentException($"Agent '{agent.Name}': tool name '{tool.Name}' is reserved for a handoff.");
            }

            if (!seen.Add(tool.Name))
            {
                throw new ArgumentException($"Agent '{agent.Name}' has two tools named '{tool.Name}'.");
            }
        }

        foreach (var target in agent.Handoffs)
        {
            if (!_byName.ContainsKey(target))
            {
                throw new ArgumentException($"Agent '{agent.Name}' hands off to unknown agent '{target}'.");
            }

            if (target == agent.Name)
            {
                throw new ArgumentException($"Agent '{agent.Name}' cannot hand off to itself.");
            }
        }

        if (agent.Handoffs.Distinct(StringComparer.Ordinal).Count() != agent.Handoffs.Count)
        {
            throw new ArgumentException($"Agent '{agent.Name}' lists a handoff target twice.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex ToolName();
}
