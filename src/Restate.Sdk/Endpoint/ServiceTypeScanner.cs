using System.Reflection;
using System.Text.Json;

namespace Restate.Sdk.Endpoint;

/// <summary>
/// Reads a class marked <c>[Service]</c>, <c>[VirtualObject]</c> or <c>[Workflow]</c> into a
/// <see cref="ServiceDefinition"/>: names, handler kinds from the context parameter types,
/// method shapes, and their invokers.
/// </summary>
internal static class ServiceTypeScanner
{
    private const BindingFlags AllMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static ServiceDefinition Scan(Type type, ServiceKind kind, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        ValidateType(type);

        var attribute = type.GetCustomAttribute<RestateServiceAttribute>(inherit: false);
        if (attribute is not null && attribute.Kind != kind)
        {
            throw new RestateDefinitionException(
                $"Type {type.FullName} is marked [{AttributeName(attribute.Kind)}] but is registered as a {Article(kind)}; register it with {RegistrationMethod(attribute.Kind)}<{type.Name}>() or change its attribute.");
        }

        var serviceName = attribute?.Name ?? type.Name;
        if (attribute?.Documentation is { } documentation && options.Documentation is null)
        {
            options.Documentation = documentation;
        }

        var handlers = new List<HandlerDefinition>();
        foreach (var method in HandlerMethods(type))
        {
            handlers.Add(ScanMethod(type, serviceName, kind, method, options));
        }

        if (handlers.Count == 0)
        {
            throw new RestateDefinitionException(
                $"Type {type.FullName} has no [Handler] methods; a {Article(kind)} needs at least one.");
        }

        return new ServiceDefinition(serviceName, kind, options, handlers);
    }

    // Inherited methods count too; an override shows up once, as the most derived declaration.
    private static IEnumerable<MethodInfo> HandlerMethods(Type type) =>
        type.GetMethods(AllMethods)
            .Where(m => m.GetCustomAttribute<HandlerAttribute>(inherit: false) is not null)
            .OrderBy(m => m.MetadataToken);

    private static void ValidateType(Type type)
    {
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
        {
            throw new RestateDefinitionException(
                $"Type {type.FullName} cannot be a Restate service: it must be a concrete, non-generic class.");
        }
    }

    private static HandlerDefinition ScanMethod(Type type, string serviceName, ServiceKind kind, MethodInfo method, ServiceOptions options)
    {
        var attribute = method.GetCustomAttribute<HandlerAttribute>(inherit: false)!;
        var where = $"Handler method {type.Name}.{method.Name}";

        if (!method.IsPublic)
        {
            throw new RestateDefinitionException($"{where} must be public.");
        }

        if (method.IsGenericMethodDefinition)
        {
            throw new RestateDefinitionException($"{where} cannot be generic.");
        }

        var shape = ReadShape(where, method);
        var handlerKind = KindOf(where, kind, shape.ContextType);
        var name = attribute.Name ?? JsonNamingPolicy.CamelCase.ConvertName(method.Name);
        if (NameRules.HandlerNameProblem(name) is { } problem)
        {
            throw new RestateDefinitionException(
                $"{where} has the invalid handler name '{name}': {problem}. Set another name with [Handler(Name = \"...\")].");
        }

        var handlerOptions = options.Handlers.TryGetValue(name, out var configured) ? configured : new HandlerOptions();
        if (attribute.Documentation is not null && handlerOptions.Documentation is null)
        {
            handlerOptions.Documentation = attribute.Documentation;
        }

        var invoker = MethodHandlerBodies.CreateInvoker($"{serviceName}/{name}", type, method, shape);
        return new HandlerDefinition(name, handlerKind, shape.InputType, shape.OutputType, handlerOptions, invoker);
    }

    private static MethodShape ReadShape(string where, MethodInfo method)
    {
        const string expected =
            "Handlers look like Task<TOut> M(TContext ctx, TIn input), Task<TOut> M(TContext ctx) or Task M(TContext ctx[, TIn input]) (ValueTask works too)";

        var parameters = method.GetParameters();
        if (parameters.Length is < 1 or > 2)
        {
            throw new RestateDefinitionException($"{where} takes {parameters.Length} parameters. {expected}.");
        }

        var contextType = parameters[0].ParameterType;
        if (!IsContextType(contextType))
        {
            throw new RestateDefinitionException(
                $"{where} must take a context first (IContext, IObjectContext, ISharedObjectContext, IWorkflowContext or ISharedWorkflowContext), not {TypeNames.Display(contextType)}. {expected}.");
        }

        Type? inputType = null;
        if (parameters.Length == 2)
        {
            var input = parameters[1];
            if (input.ParameterType.IsByRef || input.ParameterType.IsPointer || input.ParameterType.IsByRefLike)
            {
                throw new RestateDefinitionException($"{where} cannot take its input by reference or as a ref struct.");
            }

            if (IsContextType(input.ParameterType) || input.ParameterType == typeof(CancellationToken))
            {
                throw new RestateDefinitionException(
                    $"{where} takes a {TypeNames.Display(input.ParameterType)} as its input; the second parameter is the deserialized input. Use ctx.Aborted for cancellation.");
            }

            inputType = input.ParameterType;
        }

        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return new MethodShape(contextType, inputType, null, ReturnsValueTask: false);
        }

        if (returnType == typeof(ValueTask))
        {
            return new MethodShape(contextType, inputType, null, ReturnsValueTask: true);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return new MethodShape(contextType, inputType, returnType.GetGenericArguments()[0], ReturnsValueTask: false);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return new MethodShape(contextType, inputType, returnType.GetGenericArguments()[0], ReturnsValueTask: true);
        }

        throw new RestateDefinitionException(
            $"{where} returns {TypeNames.Display(returnType)}; handlers are asynchronous and return Task, Task<T>, ValueTask or ValueTask<T>.");
    }

    private static bool IsContextType(Type type) =>
        type == typeof(IContext) || type == typeof(IObjectContext) || type == typeof(ISharedObjectContext)
        || type == typeof(IWorkflowContext) || type == typeof(ISharedWorkflowContext);

    private static HandlerKind KindOf(string where, ServiceKind serviceKind, Type contextType)
    {
        HandlerKind? kind = serviceKind switch
        {
            ServiceKind.Service when contextType == typeof(IContext) => HandlerKind.Shared,
            ServiceKind.VirtualObject when contextType == typeof(IObjectContext) => HandlerKind.Exclusive,
            ServiceKind.VirtualObject when contextType == typeof(ISharedObjectContext) => HandlerKind.Shared,
            ServiceKind.Workflow when contextType == typeof(IWorkflowContext) => HandlerKind.Workflow,
            ServiceKind.Workflow when contextType == typeof(ISharedWorkflowContext) => HandlerKind.Shared,
            _ => null,
        };
        if (kind is null)
        {
            var allowed = serviceKind switch
            {
                ServiceKind.VirtualObject => "IObjectContext (exclusive) or ISharedObjectContext (shared)",
                ServiceKind.Workflow => "IWorkflowContext (the run handler) or ISharedWorkflowContext (shared)",
                _ => "IContext",
            };
            throw new RestateDefinitionException(
                $"{where} takes {TypeNames.Display(contextType)}, but handlers of a {Article(serviceKind)} take {allowed}.");
        }

        return kind.Value;
    }

    private static string AttributeName(ServiceKind kind) => kind switch
    {
        ServiceKind.VirtualObject => "VirtualObject",
        ServiceKind.Workflow => "Workflow",
        _ => "Service",
    };

    private static string RegistrationMethod(ServiceKind kind) => "Add" + AttributeName(kind);

    private static string Article(ServiceKind kind) => kind switch
    {
        ServiceKind.VirtualObject => "virtual object",
        ServiceKind.Workflow => "workflow",
        _ => "service",
    };
}
