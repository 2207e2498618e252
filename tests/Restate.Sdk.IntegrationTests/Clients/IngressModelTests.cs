using System.Net;
using System.Text;
using System.Text.Json;
using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Clients;

/// <summary>The client's value types and error translation, without a server.</summary>
public sealed class IngressModelTests
{
    [Fact]
    public void Targets_need_a_service_a_handler_and_a_non_empty_key()
    {
        Assert.Equal("Greeter/greet", IngressTarget.ForService("Greeter", "greet").ToString());
        Assert.Equal("Counter/alice/add", IngressTarget.ForObject("Counter", "alice", "add").ToString());
        Assert.Equal(new IngressTarget("Signup", "run", "u1"), IngressTarget.ForWorkflow("Signup", "u1", "run"));

        Assert.Throws<ArgumentException>(() => IngressTarget.ForService(" ", "greet"));
        Assert.Throws<ArgumentException>(() => IngressTarget.ForService("Greeter", ""));
        Assert.Throws<ArgumentException>(() => IngressTarget.ForObject("Counter", "", "add"));
        Assert.Throws<ArgumentNullException>(() => IngressTarget.ForObject("Counter", null!, "add"));
    }

    [Fact]
    public void Target_paths_are_url_encoded_segment_by_segment()
    {
        Assert.Equal("Counter/team%2Fa%20b/add", IngressTarget.ForObject("Counter", "team/a b", "add").ToPath());
    }

    [Fact]
    public void Invocation_queries_serialize_to_the_ingress_target_bodies()
    {
        Assert.Equal(
            """{"target":"invocation","invocationId":"inv_1"}""",
            InvocationQuery.ById("inv_1").ToJson());
        Assert.Equal(
            """{"target":"idempotentInvocation","service":"Counter","handler":"add","idempotencyKey":"k/1","key":"a b"}""",
            InvocationQuery.Idempotent(IngressTarget.ForObject("Counter", "a b", "add"), "k/1").ToJson());
        Assert.Equal(
            """{"target":"idempotentInvocation","service":"Greeter","handler":"greet","idempotencyKey":"k"}""",
            InvocationQuery.Idempotent(IngressTarget.ForService("Greeter", "greet"), "k").ToJson());
        Assert.Equal(
            """{"target":"workflow","workflowName":"Signup","workflowKey":"u1"}""",
            InvocationQuery.Workflow("Signup", "u1").ToJson());
        Assert.Throws<ArgumentException>(() => InvocationQuery.Idempotent(IngressTarget.ForService("Greeter", "greet"), ""));
    }

    [Fact]
    public void An_invocation_failure_keeps_its_code_message_and_metadata()
    {
        var body = """{"code":422,"message":"seat 99Z does not exist","metadata":{"field":"seat"},"source":"invocation"}""";
        var response = new IngressResponse((HttpStatusCode)422, Encoding.UTF8.GetBytes(body), "application/json", "inv_1", RestateErrorSource.Invocation);

        var error = response.ToException();

        Assert.Equal("seat 99Z does not exist", error.Message);
        Assert.Equal(422, error.RestateCode);
        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Equal(RestateErrorSource.Invocation, error.ErrorSource);
        Assert.Equal("inv_1", error.InvocationId);
        Assert.Equal("seat", error.Metadata["field"]);
    }

    [Fact]
    public void Without_the_header_the_source_comes_from_the_body()
    {
        var body = """{"code":404,"message":"not here","source":"ingress"}""";
        var response = new IngressResponse(HttpStatusCode.NotFound, Encoding.UTF8.GetBytes(body), "application/json", null, RestateErrorSource.Unknown);

        Assert.Equal(RestateErrorSource.Ingress, response.ToException().ErrorSource);
    }

    [Fact]
    public void Plain_text_and_empty_error_bodies_still_give_a_message()
    {
        var text = new IngressResponse(HttpStatusCode.BadGateway, Encoding.UTF8.GetBytes("upstream down\n"), "text/plain", null, null);
        var empty = new IngressResponse(HttpStatusCode.ServiceUnavailable, ReadOnlyMemory<byte>.Empty, null, null, null);

        Assert.Equal("upstream down", text.ToException().Message);
        Assert.Null(text.ToException().RestateCode);
        Assert.Equal(RestateErrorSource.Unknown, text.ToException().ErrorSource);
        Assert.Contains("503", empty.ToException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_is_not_an_error()
    {
        var ok = new IngressResponse(HttpStatusCode.OK, Encoding.UTF8.GetBytes("42"), "application/json", "inv_1", null);

        ok.EnsureSuccess();
        Assert.Throws<InvalidOperationException>(ok.ToException);
        Assert.Equal(42, JsonSerializer.Deserialize<int>(ok.Body.Span));
    }

    [Fact]
    public void Clients_need_an_absolute_base_address_and_keep_its_path()
    {
        using var noBase = new HttpClient();
        Assert.Throws<ArgumentException>(() => new RestateIngressClient(noBase));
        Assert.Throws<ArgumentException>(() => new RestateAdminClient(noBase));

        using var withPath = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:8080/restate-proxy") };
        Assert.Equal(new Uri("http://127.0.0.1:8080/restate-proxy/"), new RestateIngressClient(withPath).BaseAddress);
    }
}
