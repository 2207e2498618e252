using Microsoft.Extensions.Logging;
using Restate.Sdk.Protocol;
using Restate.Sdk.Serialization;

namespace Restate.Sdk.Endpoint;

/// <summary>
/// What the endpoint hands the invocation core for one <c>POST /invoke/{service}/{handler}</c>,
/// after it has resolved the handler, checked the content type and negotiated the version.
/// </summary>
internal sealed record InvocationRequest(
    string ServiceName,
    ServiceKind ServiceKind,
    string HandlerName,
    HandlerKind HandlerKind,
    HandlerInvoker Invoker,
    ServiceProtocolVersion Version,
    IRestateSerializer Serializer,
    IServiceProvider Services,
    ILoggerFactory LoggerFactory,
    bool RequestResponseMode);
