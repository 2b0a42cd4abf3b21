using Harasocial.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Functions;

/// <summary>Webhook intake (SPEC §4): verified over the raw body, stored on the webhooks queue, answered at once. Routes and names as in the product's function table.</summary>
internal sealed class WebhookFunctions(HttpInvoker http)
{
    [Function("FacebookWebhookVerify")]
    public Task<IResult> FacebookWebhookVerify([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webhooks/facebook")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("FacebookWebhookVerify", request, durable);

    [Function("InstagramWebhookVerify")]
    public Task<IResult> InstagramWebhookVerify([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webhooks/instagram")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("InstagramWebhookVerify", request, durable);

    [Function("FacebookWebhook")]
    public Task<IResult> FacebookWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/facebook")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("FacebookWebhook", request, durable);

    [Function("InstagramWebhook")]
    public Task<IResult> InstagramWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/instagram")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("InstagramWebhook", request, durable);

    [Function("ZaloWebhook")]
    public Task<IResult> ZaloWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/zalo")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ZaloWebhook", request, durable);

    [Function("ShopeeWebhook")]
    public Task<IResult> ShopeeWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/shopee")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ShopeeWebhook", request, durable);
}
