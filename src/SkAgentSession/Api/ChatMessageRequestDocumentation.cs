using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SkAgentSession.Api;

/// <summary>
/// Documents the JSON body of the message endpoint. The endpoint reads the body itself (to give each
/// kind of bad input its own message), so the body is described here rather than bound by routing,
/// which would turn a wrong content type into a 415 without words.
/// </summary>
internal static class ChatMessageRequestDocumentation
{
    public static async Task DescribeBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(ChatMessageRequest), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The user's message: non-empty, at most 32 KiB of UTF-8.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}
