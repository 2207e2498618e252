namespace Restate.Sdk.Endpoint;

/// <summary>
/// Checks a service definition against what Restate accepts at registration, so that mistakes
/// surface at startup with a message that names the service, the handler and the fix.
/// </summary>
internal static class DefinitionValidator
{
    public static void Validate(ServiceDefinition service)
    {
        var serviceProblem = NameRules.ServiceNameProblem(service.Name);
        if (serviceProblem is not null)
        {
            throw new RestateDefinitionException($"Invalid service name '{service.Name}': {serviceProblem}.");
        }

        if (service.Handlers.Count == 0)
        {
            throw new RestateDefinitionException(
                $"{Describe(service)} has no handlers. Mark its handler methods with [Handler], or add handlers explicitly.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in service.Handlers)
        {
            var handlerProblem = NameRules.HandlerNameProblem(handler.Name);
            if (handlerProblem is not null)
            {
                throw new RestateDefinitionException(
                    $"Invalid handler name '{handler.Name}' in {Describe(service)}: {handlerProblem}. Set another name with [Handler(Name = \"...\")].");
            }

            if (!names.Add(handler.Name))
            {
                throw new RestateDefinitionException($"{Describe(service)} has two handlers named '{handler.Name}'.");
            }

            ValidateKind(service, handler);
        }

        if (service.Kind == ServiceKind.Workflow)
        {
            var runHandlers = service.Handlers.Count(h => h.Kind == HandlerKind.Workflow);
            if (runHandlers != 1)
            {
                throw new RestateDefinitionException(
                    $"{Describe(service)} must have exactly one run handler (taking IWorkflowContext), but has {runHandlers}.");
            }
        }

        foreach (var configured in service.Options.Handlers.Keys)
        {
            if (!names.Contains(configured))
            {
                throw new RestateDefinitionException(
                    $"{Describe(service)} configures options for handler '{configured}', which it does not have. Its handlers are: {string.Join(", ", names)}.");
            }
        }

        ValidateOptions(service, service.Options, null);
        foreach (var handler in service.Handlers)
        {
            ValidateOptions(service, handler.Options, handler);
        }
    }

    public static string Describe(ServiceDefinition service) => service.Kind switch
    {
        ServiceKind.VirtualObject => $"Virtual object '{service.Name}'",
        ServiceKind.Workflow => $"Workflow '{service.Name}'",
        _ => $"Service '{service.Name}'",
    };

    private static void ValidateKind(ServiceDefinition service, HandlerDefinition handler)
    {
        var allowed = service.Kind switch
        {
            ServiceKind.Service => handler.Kind == HandlerKind.Shared,
            ServiceKind.VirtualObject => handler.Kind is HandlerKind.Exclusive or HandlerKind.Shared,
            ServiceKind.Workflow => handler.Kind is HandlerKind.Workflow or HandlerKind.Shared,
            _ => false,
        };
        if (!allowed)
        {
            throw new RestateDefinitionException(
                $"Handler '{handler.Name}' of {Describe(service)} is of kind {handler.Kind}, which a {service.Kind} cannot have.");
        }
    }

    private static void ValidateOptions(ServiceDefinition service, InvocationOptions options, HandlerDefinition? handler)
    {
        var where = handler is null ? Describe(service) : $"Handler '{handler.Name}' of {Describe(service)}";

        RequireNonNegative(where, nameof(options.InactivityTimeout), options.InactivityTimeout);
        RequireNonNegative(where, nameof(options.AbortTimeout), options.AbortTimeout);
        RequireNonNegative(where, nameof(options.IdempotencyRetention), options.IdempotencyRetention);
        RequireNonNegative(where, nameof(options.JournalRetention), options.JournalRetention);

        foreach (var (key, value) in options.Metadata)
        {
            if (value is null)
            {
                throw new RestateDefinitionException($"{where} has metadata '{key}' without a value.");
            }
        }

        if (service.Kind == ServiceKind.Service && options.EnableLazyState is not null)
        {
            throw new RestateDefinitionException(
                $"{where} sets EnableLazyState, but a plain service has no state. Only virtual objects and workflows take it.");
        }

        if (handler is not null && service.Options.IngressPrivate == true && options.IngressPrivate == false)
        {
            throw new RestateDefinitionException(
                $"{where} sets IngressPrivate = false inside an ingress-private service; Restate rejects that. Leave it unset.");
        }

        if (options is HandlerOptions handlerOptions && handler is not null)
        {
            RequireNonNegative(where, nameof(handlerOptions.WorkflowCompletionRetention), handlerOptions.WorkflowCompletionRetention);
            if (handlerOptions.WorkflowCompletionRetention is not null && handler.Kind != HandlerKind.Workflow)
            {
                throw new RestateDefinitionException(
                    $"{where} sets WorkflowCompletionRetention, which only a workflow's run handler can have.");
            }

            if (handlerOptions.IdempotencyRetention is not null && handler.Kind == HandlerKind.Workflow)
            {
                throw new RestateDefinitionException(
                    $"{where} sets IdempotencyRetention, which a workflow's run handler cannot have (the workflow key already makes it idempotent). Use WorkflowCompletionRetention.");
            }
        }

        ValidateRetryPolicy(where, options.RetryPolicy);
    }

    private static void ValidateRetryPolicy(string where, InvocationRetryPolicy? policy)
    {
        if (policy is null)
        {
            return;
        }

        RequireNonNegative(where, "RetryPolicy.InitialInterval", policy.InitialInterval);
        RequireNonNegative(where, "RetryPolicy.MaxInterval", policy.MaxInterval);
        if (policy.InitialInterval is { } initial && policy.MaxInterval is { } max && max < initial)
        {
            throw new RestateDefinitionException(
                $"{where} has RetryPolicy.MaxInterval ({max}) shorter than RetryPolicy.InitialInterval ({initial}).");
        }

        if (policy.MaxAttempts is < 1)
        {
            throw new RestateDefinitionException($"{where} has RetryPolicy.MaxAttempts = {policy.MaxAttempts}; it must be at least 1.");
        }

        if (policy.ExponentiationFactor is { } factor && (!double.IsFinite(factor) || factor <= 0))
        {
            throw new RestateDefinitionException(
                $"{where} has RetryPolicy.ExponentiationFactor = {factor}; it must be a finite number above 0.");
        }
    }

    private static void RequireNonNegative(string where, string option, TimeSpan? value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new RestateDefinitionException($"{where} has {option} = {value}; durations cannot be negative.");
        }
    }
}
