using Restate.Sdk.Serialization;

namespace Restate.Sdk.Endpoint;

/// <summary>Everything a handler invoker needs to run user code for one invocation attempt.</summary>
/// <param name="Context">
/// The invocation's context. It implements every context interface; the invoker hands user code
/// the one its handler kind allows (a shared handler never gets <see cref="IObjectContext"/>).
/// </param>
/// <param name="Input">The raw input bytes from the journal's input command.</param>
/// <param name="Services">The dependency injection scope of this invocation attempt.</param>
/// <param name="Serializer">The serializer configured for the service.</param>
internal sealed record HandlerInvocation(
    IWorkflowContext Context,
    ReadOnlyMemory<byte> Input,
    IServiceProvider Services,
    IRestateSerializer Serializer);

/// <summary>Deserializes the input, runs the user's handler and serializes its output.</summary>
internal delegate Task<ReadOnlyMemory<byte>> HandlerInvoker(HandlerInvocation invocation);
