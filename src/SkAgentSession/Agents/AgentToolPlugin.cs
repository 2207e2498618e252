using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;

namespace SkAgentSession.Agents;

/// <summary>
/// Holds an agent's functions without stamping the plugin name on them, so the model sees
/// <c>faq_lookup</c> rather than <c>plugin-faq_lookup</c> and the stored items name tools exactly
/// as the model called them. (<see cref="KernelPluginFactory"/> would clone each function with
/// the plugin's name.)
/// </summary>
internal sealed class AgentToolPlugin : KernelPlugin
{
    private readonly Dictionary<string, KernelFunction> _functions;

    public AgentToolPlugin(string name, IEnumerable<KernelFunction> functions)
        : base(name)
    {
        _functions = new Dictionary<string, KernelFunction>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            if (!_functions.TryAdd(function.Name, function))
            {
                throw new ArgumentException($"Two functions are named '{function.Name}'.", nameof(functions));
            }
        }
    }

    public override int FunctionCount => _functions.Count;

    public override bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function) =>
        _functions.TryGetValue(name, out function);

    public override IEnumerator<KernelFunction> GetEnumerator() => _functions.Values.GetEnumerator();
}
