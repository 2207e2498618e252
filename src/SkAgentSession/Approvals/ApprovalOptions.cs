namespace SkAgentSession.Approvals;

/// <summary>
/// Human approvals (configuration section <c>SkAgentSession:Approvals</c>): how long a turn waits for
/// a decision before the call counts as rejected (<c>Timeout</c>, 24 hours by default).
/// </summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "SkAgentSession:Approvals";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(24);
}
