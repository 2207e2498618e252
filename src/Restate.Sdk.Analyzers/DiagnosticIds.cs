namespace Restate.Sdk.Analyzers;

/// <summary>Rule ids, public so code fixes and suppressions can name them.</summary>
public static class DiagnosticIds
{
    public const string CurrentTime = "RESTATE001";
    public const string NewGuid = "RESTATE002";
    public const string SystemRandom = "RESTATE003";
    public const string BackgroundWork = "RESTATE004";
    public const string Delay = "RESTATE005";
    public const string DirectIo = "RESTATE006";
}
