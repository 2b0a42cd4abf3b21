using Harasocial.Functions.Hosting;
using Harasocial.Sync.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Functions;

/// <summary>
/// The webhooks queue (after 5 failed attempts the Functions queue extension moves a message to <c>webhooks-poison</c>,
/// host.json <c>maxDequeueCount</c>) and the periodic resync (<c>Sync__ResyncSchedule</c>, NCRONTAB with seconds).
/// </summary>
internal sealed class TriggerFunctions(TriggerInvoker triggers)
{
    [Function("WebhookEvent")]
    public Task WebhookEvent([QueueTrigger(StorageNames.WebhooksQueue, Connection = "AzureWebJobsStorage")] string message, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        triggers.QueueAsync("WebhookEvent", message, context, durable);

    [Function("Resync")]
    public Task Resync([TimerTrigger("%Sync__ResyncSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        triggers.TimerAsync("Resync", timer, context, durable);
}
