namespace Restate.Sdk;

/// <summary>Reading a workflow promise: wait for it, or look without waiting.</summary>
internal enum PromiseOperation
{
    Get,
    Peek,
}
