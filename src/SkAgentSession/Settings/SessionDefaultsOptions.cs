namespace SkAgentSession.Settings;

/// <summary>
/// The settings of a session nobody configured (configuration section <c>SkAgentSession:Sessions</c>):
/// <c>Durability</c> (<c>turn</c> by default) and <c>Approvals</c> (on by default).
/// </summary>
public sealed class SessionDefaultsOptions
{
    public const string SectionName = "SkAgentSession:Sessions";

    public string Durability { get; set; } = DurabilityModes.Turn;

    public bool Approvals { get; set; } = true;

    public SessionSettings ToSettings() => new()
    {
        Durability = DurabilityModes.IsKnown(Durability)
            ? Durability
            : throw new InvalidOperationException($"{SectionName}:Durability must be \"{DurabilityModes.Turn}\" or \"{DurabilityModes.Step}\", not \"{Durability}\"."),
        Approvals = Approvals,
    };
}
