namespace Restate.Sdk.Protocol;

/// <summary>Error codes the SDK writes in <c>ErrorMessage</c> and uses for terminal failures.</summary>
internal static class ErrorCodes
{
    public const int BadRequest = 400;
    public const int Cancelled = 409;
    public const int Internal = 500;
    public const int JournalMismatch = 570;
    public const int ProtocolViolation = 571;

    /// <summary>The handler used a feature the negotiated protocol version cannot carry.</summary>
    public const int UnsupportedFeature = 573;
}
