namespace SkAgentSession.Events;

/// <summary>Registers what the session event log needs besides its virtual object.</summary>
public static class SessionEventsServiceCollectionExtensions
{
    public static IServiceCollection AddSessionEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SessionEventsOptions>(configuration.GetSection(SessionEventsOptions.SectionName));
        services.AddSingleton<SessionEventSignal>();

        // Transient, like the typed HttpClient of the ingress they use.
        services.AddTransient<ISessionEventLogClient, IngressSessionEventLogClient>();
        services.AddTransient<ITurnEventSinkFactory, IngressTurnEventSinkFactory>();
        return services;
    }
}
