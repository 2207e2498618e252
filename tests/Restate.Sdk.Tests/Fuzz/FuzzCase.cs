namespace Restate.Sdk.Tests.Fuzz;

/// <summary>One request of the fuzz run and what a correct endpoint must answer to it.</summary>
/// <param name="Index">Position in the seeded sequence, to reproduce a failure.</param>
/// <param name="Mutation">How the request was made, e.g. "flip 3 bytes of work".</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">The request path.</param>
/// <param name="ContentType">The request content type, or none.</param>
/// <param name="Accept">The Accept header, or none.</param>
/// <param name="Body">The request body (POST only).</param>
/// <param name="Expect">What the answer must be.</param>
/// <param name="AbortAfterBody">Send the body, then reset the stream instead of ending it.</param>
/// <param name="ChunkSize">Send the body in chunks of this size (0: all at once).</param>
/// <param name="ManifestVersion">For <see cref="FuzzExpectation.Manifest"/>: the version the answer must have.</param>
internal sealed record FuzzCase(
    int Index,
    string Mutation,
    HttpMethod Method,
    string Path,
    string? ContentType,
    string? Accept,
    byte[] Body,
    FuzzExpectation Expect,
    bool AbortAfterBody = false,
    int ChunkSize = 0,
    int ManifestVersion = 0)
{
    public override string ToString() =>
        $"#{Index} {Mutation}: {Method} {Path} content-type={ContentType ?? "none"} accept={Accept ?? "none"} body={Convert.ToHexString(Body.AsSpan(0, Math.Min(Body.Length, 48)))}{(Body.Length > 48 ? "…" : string.Empty)} ({Body.Length} bytes)";
}
