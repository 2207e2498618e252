using System.Text.Json;
using System.Text.Json.Serialization;

namespace Restate.Sdk.Clients.Internal;

/// <summary>The serializer settings of the two clients.</summary>
internal static class RestateJson
{
    /// <summary>Handler payloads and ingress bodies: System.Text.Json web defaults (camelCase), like the SDK.</summary>
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The admin API speaks snake_case (<c>deployment_id</c>, <c>use_http_11</c>, SQL column names).</summary>
    public static JsonSerializerOptions Admin { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };
}
