using System.Net;
using Restate.Sdk;
using Restate.Sdk.Clients;
using SkAgentSession.Agents;
using SkAgentSession.Api;
using SkAgentSession.Approvals;
using SkAgentSession.Context;
using SkAgentSession.Events;
using SkAgentSession.Local;
using SkAgentSession.Models;
using SkAgentSession.Retention;
using SkAgentSession.Security;
using SkAgentSession.Sessions;
using SkAgentSession.Settings;
using SkAgentSession.Telemetry;

namespace SkAgentSession.Hosting;

/// <summary>Composes the application: Restate endpoint, agent runtime, HTTP API, UI, and start-up services.</summary>
public static class SkAgentSessionApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddSkAgentSessionTelemetry();

        var options = ReadOptions(builder.Configuration);
        var restate = RestateConnection.FromOptions(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(restate);

        var apiKeys = ApiKeyOptions.From(builder.Configuration);
        apiKeys.CheckExposure(options.BindAddress);
        builder.Services.AddSingleton(apiKeys);
        ConfigureListeners(builder, options);
        var retention = builder.Configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>() ?? new RetentionOptions();
        retention.Validate();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(retention));
        builder.Services.AddSingleton<SessionExpiry>();
        builder.Services
            .AddRestate(o =>
            {
                o.JsonSerializerOptions = SessionItemJson.Options;
                foreach (var key in options.RestateIdentityKeys)
                {
                    o.IdentityKeys.Add(key);
                }
            })
            .AddVirtualObject<AgentSessionObject>(service =>
            {
                service.Documentation = "A chat session: its history, active agent and context. Each turn runs the agent loop in one durable step, or one per model request and tool call (see SessionSettings).";

                // A turn may take minutes when the model is slow; the run must not be aborted meanwhile.
                service.AbortTimeout = TimeSpan.FromMinutes(15);
                service.ConfigureHandler("chat", chat => chat.IdempotencyRetention = retention.ChatIdempotencyRetention);

                // A turn reads only the history pages from the summary's end on: Restate must not send it
                // every page of the session with each invocation (its whole state, by default).
                service.EnableLazyState = true;
            })
            .AddVirtualObject<SessionEventsObject>(service =>
            {
                service.Documentation = "A session's durable event log: what happened in its turns, numbered 1, 2, …, in pages of 256 events.";

                // An append reads the header and the last page only, not every page of the log.
                service.EnableLazyState = true;
            })
            .AddVirtualObject<SessionSettingsObject>(service =>
                service.Documentation = "A session's settings: durability (turn or step) and approvals; read by each turn when it starts.");
        builder.Services.AddAgentRuntime(builder.Configuration);
        builder.Services.Configure<AgentTurnOptions>(builder.Configuration.GetSection(AgentTurnOptions.SectionName));
        builder.Services.AddSessionEvents(builder.Configuration);
        builder.Services.Configure<SessionDefaultsOptions>(builder.Configuration.GetSection(SessionDefaultsOptions.SectionName));
        builder.Services.Configure<ApprovalOptions>(builder.Configuration.GetSection(ApprovalOptions.SectionName));
        builder.Services.AddTransient<ApprovalGate>();
        builder.Services.AddTransient<DurableTurn>();
        builder.Services.AddOptions<ContextOptions>()
            .Bind(builder.Configuration.GetSection(ContextOptions.SectionName))
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        builder.Services.AddSingleton<HistorySummarizer>();
        builder.Services.AddTransient<ContextCompactor>();

        builder.Services.AddHttpClient<RestateIngressClient>(http =>
        {
            http.BaseAddress = restate.IngressUrl;
            http.Timeout = Timeout.InfiniteTimeSpan; // a turn ends when the agent is done; the browser has its own timeout
        });
        builder.Services.AddHttpClient<RestateAdminClient>(http => http.BaseAddress = restate.AdminUrl);
        builder.Services.AddTransient<IAgentSessionClient, RestateAgentSessionClient>(); // typed HttpClients are transient: do not pin one in a singleton

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        if (!options.UsesExternalRestate)
        {
            builder.Services.AddHostedService<LocalRestateLauncher>();
        }

        builder.Services.AddHostedService<DeploymentRegistrar>();

        var app = builder.Build();
        app.UsePortIsolation(options);
        app.UseExceptionHandler();
        app.UseApiKeys(apiKeys);
        app.UseStatusCodePages();

        app.MapRestate();
        app.MapSessionApi();
        app.MapSessionEventsApi();
        app.MapSessionSettingsApi();
        app.MapApprovalsApi();
        app.MapInfoApi();
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "SkAgentSession API");
        });
        app.MapFallback("/api/{**path}", () => TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such API endpoint."));
        app.MapUi(options);
        return app;
    }

    private static AppOptions ReadOptions(ConfigurationManager configuration)
    {
        var options = configuration.GetSection(AppOptions.SectionName).Get<AppOptions>() ?? new AppOptions();
        options.RestateIngressUrl ??= configuration["RESTATE_INGRESS_URL"];
        options.RestateAdminUrl ??= configuration["RESTATE_ADMIN_URL"];
        if (options.RestateIdentityKeys.Length == 0 && configuration["RESTATE_IDENTITY_KEYS"] is { Length: > 0 } keys)
        {
            options.RestateIdentityKeys = keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return options;
    }

    private static void ConfigureListeners(WebApplicationBuilder builder, AppOptions options)
    {
        var address = IPAddress.Parse(options.BindAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.HttpPort);
            kestrel.ListenRestate(address, options.EndpointPort);
        });
    }
}
