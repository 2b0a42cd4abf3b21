using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>Zalo: whether the customer follows the OA decides how many messages to import (100, or 1 if unfollowed).</summary>
internal sealed class CustomerStep(ConversationStore conversations)
{
    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var customer = await context.Client.GetCustomerAsync(context.Account, step.CustomerId!, cancellationToken);
        var follows = customer.IsFollower ?? true;
        await conversations.SaveAsync(step.ConnectionId, [step.CustomerId!], (old, _) =>
        {
            var row = old!.CopyAs(old.RowKey);
            row.ETag = old.ETag;
            row.IsFollower = follows;
            row.CustomerName = customer.Name ?? row.CustomerName;
            return row;
        }, cancellationToken);

        var remaining = follows ? context.Policy.Messages : context.Policy.MessagesIfUnfollowed;
        var children = remaining <= 0
            ? []
            : new List<(string, SyncStep)>
            {
                (StepTypes.Messages, step.Child(StepIds.Messages(step.StepId, step.CustomerId!, step.Cursor)) with { Remaining = remaining }),
            };
        return new StepResult(new StepProgress(ApiCalls: context.Client.Calls), children, "messages");
    }
}
