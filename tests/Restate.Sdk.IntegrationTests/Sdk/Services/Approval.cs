namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>Completes the awakeable <paramref name="AwakeableId"/> from a handler: resolved with, or rejected for, <paramref name="Text"/>.</summary>
public sealed record Approval(string AwakeableId, string Text);
