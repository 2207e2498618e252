using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Hosting;
using Restate.Sdk.Protocol;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>The HTTP side of the pump: response head, Kestrel limits, body in and out.</summary>
public class InvocationPumpHttpTests
{
    [Theory]
    [InlineData(5, "application/vnd.restate.invocation.v5")]
    [InlineData(6, "application/vnd.restate.invocation.v6")]
    public async Task Answers_200_with_the_exact_content_type_and_lifts_the_body_limits(int versionNumber, string contentType)
    {
        var version = (ServiceProtocolVersion)versionNumber;
        var http = new DefaultHttpContext();
        var minRate = new MinDataRateFeature();
        var maxSize = new MaxBodySizeFeature();
        http.Features.Set<IHttpMinRequestBodyDataRateFeature>(minRate);
        http.Features.Set<IHttpMaxRequestBodySizeFeature>(maxSize);
        http.Request.Body = new MemoryStream(Encode(Start(1), Input("5")));
        var responseBody = new MemoryStream();
        http.Response.Body = responseBody;
        var request = new InvocationRequest(
            "Svc",
            ServiceKind.Service,
            "double",
            HandlerKind.Shared,
            invocation => Task.FromResult<ReadOnlyMemory<byte>>(TestJsonSerializer.Json(2 * invocation.Serializer.Deserialize<int>(invocation.Input.Span))),
            version,
            TestJsonSerializer.Instance,
            new ServiceCollectionFree(),
            NullLoggerFactory.Instance,
            RequestResponseMode: false);

        await InvocationPump.RunAsync(http, request);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(contentType, http.Response.ContentType);
        Assert.Equal(SdkInfo.ServerHeaderValue, http.Response.Headers["x-restate-server"].ToString());
        Assert.Null(minRate.MinDataRate);
        Assert.Null(maxSize.MaxRequestBodySize);
        Assert.Equal([Output("10"), End()], DecodeAll(responseBody.ToArray()));
    }

    private sealed class MinDataRateFeature : IHttpMinRequestBodyDataRateFeature
    {
        public MinDataRate? MinDataRate { get; set; } = new(240, TimeSpan.FromSeconds(5));
    }

    private sealed class MaxBodySizeFeature : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }

    private sealed class ServiceCollectionFree : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
