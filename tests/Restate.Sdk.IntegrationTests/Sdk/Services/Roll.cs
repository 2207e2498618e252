namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>Values drawn from <c>ctx.Random</c> before and after a suspension.</summary>
public sealed record Roll(long First, Guid Second);
