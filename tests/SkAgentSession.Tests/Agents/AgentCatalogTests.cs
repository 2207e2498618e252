using System.Text.Json;
using Microsoft.SemanticKernel;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

public sealed class AgentCatalogTests
{
    private static AgentDefinition<AirlineContext> Agent(string name, string[]? handoffs = null, KernelFunction[]? tools = null) => new()
    {
        Name = name,
        Instructions = _ => $"You are {name}.",
        Handoffs = handoffs ?? [],
        Tools = tools ?? [],
    };

    private static KernelFunction Tool(string name) => KernelFunctionFactory.CreateFromMethod(() => "ok", name);

    [Fact]
    public void The_airline_catalog_is_valid_and_starts_with_triage()
    {
        var catalog = AirlineAgents.CreateCatalog();

        Assert.Equal(AirlineAgentNames.Triage, catalog.DefaultAgent);
        Assert.Equal([AirlineAgentNames.Triage, AirlineAgentNames.Faq, AirlineAgentNames.SeatBooking], catalog.Agents.Select(a => a.Name));
        Assert.Equal([AirlineAgentNames.Faq, AirlineAgentNames.SeatBooking], catalog.Get(AirlineAgentNames.Triage).Handoffs);
        Assert.Equal([AirlineAgentNames.Triage], catalog.Get(AirlineAgentNames.Faq).Handoffs);
        Assert.Equal([AirlineAgentNames.Triage], catalog.Get(AirlineAgentNames.SeatBooking).Handoffs);
        Assert.NotNull(catalog.Get(AirlineAgentNames.SeatBooking).OnHandoff);
    }

    [Fact]
    public void Handoff_function_names_follow_the_agent_names()
    {
        Assert.Equal("transfer_to_seat_booking_agent", HandoffFunctions.FunctionName("Seat Booking Agent"));
        Assert.Equal("transfer_to_faq_agent", HandoffFunctions.FunctionName("FAQ Agent"));
        Assert.Equal("""{"assistant":"FAQ Agent"}""", HandoffFunctions.Result("FAQ Agent"));
    }

    public static TheoryData<string, Func<AgentCatalog<AirlineContext>>> InvalidCatalogs() => new()
    {
        { "Two agents are named 'A'", () => new("A", [Agent("A"), Agent("A")]) },
        { "default agent 'B'", () => new("B", [Agent("A")]) },
        { "unknown agent 'Nobody'", () => new("A", [Agent("A", ["Nobody"])]) },
        { "cannot hand off to itself", () => new("A", [Agent("A", ["A"])]) },
        { "must match", () => new("A", [Agent("A", tools: [Tool("faq-lookup")])]) },
        { "reserved for a handoff", () => new("A", [Agent("A", tools: [Tool("transfer_to_b")]), Agent("B")]) },
        { "two tools named 'x'", () => new("A", [Agent("A", tools: [Tool("x"), Tool("x")])]) },
        { "share the handoff function", () => new("A b", [Agent("A b"), Agent("a-b")]) },
    };

    [Theory]
    [MemberData(nameof(InvalidCatalogs))]
    public void Invalid_catalogs_are_rejected_with_a_message_that_names_the_problem(string expected, Func<AgentCatalog<AirlineContext>> build)
    {
        var error = Assert.Throws<ArgumentException>(build);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_of_your_own_with_its_own_context_and_tools_runs_the_same_way()
    {
        var addStamp = KernelFunctionFactory.CreateFromMethod(
            (Kernel kernel, string stamp) =>
            {
                var run = kernel.GetAgentRunContext<StampContext>();
                run.Context.Stamps.Add($"{run.ActiveAgent}:{stamp}");
                return $"collected {run.Context.Stamps.Count}";
            },
            "add_stamp",
            "Adds a stamp to the passport.");
        var catalog = new AgentCatalog<StampContext>("Desk", [
            new() { Name = "Desk", Instructions = c => $"Stamps so far: {c.Stamps.Count}", Handoffs = ["Office"] },
            new() { Name = "Office", Instructions = _ => "Office", Tools = [addStamp], OnHandoff = r => r.Context.Stamps.Add("arrived") },
        ]);
        string[] responses =
        [
            CannedChatModelHandler.Calls(null, ("h1", "transfer_to_office", "{}")),
            CannedChatModelHandler.Calls(null, ("s1", "add_stamp", """{"stamp":"blue"}""")),
            CannedChatModelHandler.Text("Stamped."),
        ];
        using var harness = new ScriptedHarness(model: new CannedChatModelHandler(responses));
        var runner = new AgentRunner<StampContext>(
            catalog,
            new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService("canned", string.Empty, httpClient: new HttpClient(harness.Recorder) { BaseAddress = new Uri("http://canned.invalid/v1") }),
            harness.Time,
            Microsoft.Extensions.Options.Options.Create(new AgentRunnerOptions()),
            SkAgentSession.Models.SecretRedactor.None,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AgentRunner<StampContext>>.Instance);

        var result = await runner.RunTurnAsync([], "Desk", new StampContext(), "stamp please");

        Assert.Equal(["arrived", "Office:blue"], result.Context.Stamps);
        Assert.Equal("Office", result.ActiveAgent);
        Assert.Equal("collected 2", result.NewItems.OfType<ToolResultItem>().Single().Result);
        Assert.Equal("""{"stamp":"blue"}""", result.NewItems.OfType<ToolCallItem>().Single().Arguments.GetRawText());
        Assert.Equal("Stamped.", result.Reply);
        Assert.Contains("\"stamps\":[\"arrived\",\"Office:blue\"]", JsonSerializer.Serialize(result.Context, SessionItemJson.Options), StringComparison.Ordinal);
    }

    public sealed class StampContext
    {
        public List<string> Stamps { get; init; } = [];
    }
}
