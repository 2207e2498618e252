namespace Restate.Sdk.Endpoint;

/// <summary>
/// The user code of a handler, with its input already read: every handler shape (attribute method
/// or explicit delegate, Task or ValueTask, with or without input and output) is adapted to this.
/// </summary>
internal delegate ValueTask<TOut> HandlerBody<TIn, TOut>(HandlerInvocation invocation, TIn input);
