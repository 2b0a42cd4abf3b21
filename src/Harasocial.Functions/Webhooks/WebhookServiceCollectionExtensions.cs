using Harasocial.Functions.Functions;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Webhooks;

internal static class WebhookServiceCollectionExtensions
{
    /// <summary>Webhook intake (HTTP), the <c>webhooks</c> queue and the processor that applies events.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<EventApplier>();
        services.AddFunction(QueueFunction.For<WebhookProcessor>("WebhookEvent", StorageNames.WebhooksQueue));
        foreach (var function in WebhookEndpoints.Functions)
        {
            services.AddFunction(function);
        }

        return services;
    }
}
