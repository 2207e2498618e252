using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Restate.Sdk.Serialization;

namespace Restate.Sdk.Tests.Endpoint;

public sealed class SystemTextJsonRestateSerializerTests
{
    // The untyped overloads are part of the contract, so the tests call them on purpose.
#pragma warning disable CA2263
    [Fact]
    public void Defaults_are_camelCase_json()
    {
        IRestateSerializer serializer = new SystemTextJsonRestateSerializer();

        Assert.Equal("application/json", serializer.ContentType);
        Assert.Equal("""{"name":"Ada","times":2}""", Encoding.UTF8.GetString(serializer.Serialize(new Greeting("Ada", 2))));
        Assert.Equal("""{"name":"Ada","times":2}""", Encoding.UTF8.GetString(serializer.Serialize(new Greeting("Ada", 2), typeof(Greeting))));
    }

    [Fact]
    public void Typed_and_untyped_reads_agree()
    {
        IRestateSerializer serializer = new SystemTextJsonRestateSerializer();
        var bytes = Encoding.UTF8.GetBytes("""{"Name":"Ada","times":3}""");

        Assert.Equal(new Greeting("Ada", 3), serializer.Deserialize<Greeting>(bytes));
        Assert.Equal(new Greeting("Ada", 3), serializer.Deserialize(bytes, typeof(Greeting)));
        Assert.Equal(7, serializer.Deserialize<int>("7"u8));
    }

#pragma warning restore CA2263

    [Fact]
    public void Given_options_are_copied_not_frozen()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        options.Converters.Add(new JsonStringEnumConverter());
        var serializer = new SystemTextJsonRestateSerializer(options);

        Assert.Equal("""{"on_max":"Kill"}""", Encoding.UTF8.GetString(serializer.Serialize(new Wrapper(OnMaxAttempts.Kill))));
        Assert.False(options.IsReadOnly);
        Assert.True(serializer.Options.IsReadOnly);
    }

    [Fact]
    public void Schemas_follow_the_options()
    {
        var schema = new SystemTextJsonRestateSerializer().GetJsonSchema(typeof(Greeting));

        Assert.Equal("object", (string?)schema["type"]);
        Assert.NotNull(schema["properties"]!["name"]);
        Assert.NotNull(schema["properties"]!["times"]);
    }

    [Fact]
    public void Malformed_json_throws_a_json_exception() =>
        Assert.ThrowsAny<JsonException>(() => new SystemTextJsonRestateSerializer().Deserialize<Greeting>("{"u8));

    private sealed record Wrapper(OnMaxAttempts OnMax);
}
