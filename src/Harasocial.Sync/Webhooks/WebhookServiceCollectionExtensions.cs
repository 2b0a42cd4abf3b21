using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Webhooks;

internal static class WebhookServiceCollectionExtensions
{
    /// <summary>Webhook intake (HTTP), the <c>webhooks</c> queue and the processor that applies events.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<EventApplier>();
        services.AddSingleton<WebhookSeen>();
        services.AddFunction(QueueFunction.For<WebhookProcessor>("WebhookEvent", StorageNames.WebhooksQueue));
        services.AddFunctions(WebhookEndpoints.Functions);
        return services;
    }
}
