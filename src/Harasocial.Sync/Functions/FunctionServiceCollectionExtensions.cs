namespace Harasocial.Sync.Functions;

internal static class FunctionServiceCollectionExtensions
{
    /// <summary>Adds one row to the function table and registers its handler type.</summary>
    public static IServiceCollection AddFunction(this IServiceCollection services, FunctionDefinition definition)
    {
        services.AddSingleton(definition);
        switch (definition)
        {
            case QueueFunction queue:
                services.AddScoped(queue.HandlerType);
                break;
            case TimerFunction timer:
                services.AddScoped(timer.HandlerType);
                break;
        }

        return services;
    }

    /// <summary>Adds the rows an area declares.</summary>
    public static IServiceCollection AddFunctions(this IServiceCollection services, IEnumerable<FunctionDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            services.AddFunction(definition);
        }

        return services;
    }

    public static IServiceCollection AddFunctionTable(this IServiceCollection services)
    {
        services.AddSingleton<FunctionTable>();
        services.AddSingleton<FunctionRunner>();
        return services;
    }
}
