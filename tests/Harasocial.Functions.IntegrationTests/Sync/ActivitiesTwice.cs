using Harasocial.Sync.Sync.Durable;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Sync;

/// <summary>
/// Runs every sync activity twice in a row and answers with the second run, as at-least-once execution may (a worker
/// that crashed after its writes but before its result was recorded): the second run must change nothing.
/// </summary>
internal static class ActivitiesTwice
{
    public static void Decorate(IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.IsKeyedService && d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(ISyncActivity<,>)).ToList())
        {
            var twice = typeof(Twice<,>).MakeGenericType(descriptor.ServiceType.GetGenericArguments());
            var factory = descriptor.KeyedImplementationFactory!;
            services.Remove(descriptor);
            services.Add(new ServiceDescriptor(descriptor.ServiceType, descriptor.ServiceKey, (sp, key) => Activator.CreateInstance(twice, factory(sp, key))!, descriptor.Lifetime));
        }
    }

    private sealed class Twice<TIn, TOut>(ISyncActivity<TIn, TOut> inner) : ISyncActivity<TIn, TOut>
    {
        public async Task<TOut> RunAsync(TIn input, CancellationToken cancellationToken)
        {
            await inner.RunAsync(input, cancellationToken);
            return await inner.RunAsync(input, cancellationToken);
        }
    }
}
