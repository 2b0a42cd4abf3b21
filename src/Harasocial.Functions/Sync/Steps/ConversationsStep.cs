using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync.Timers;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>
/// One page of a channel's conversation list (one paced call): stores the conversations it takes — with their
/// inline messages on Graph, one transaction per conversation — and enqueues what follows: the next page,
/// per-conversation message pages, or the Zalo follower lookup. Progress counts what this step stored: each
/// conversation it took once, the messages it inserted, and as new only the rows it created.
/// </summary>
internal sealed class ConversationsStep(
    ConversationStore conversations, MessageStore messages, ConnectionStore connections, CallGate gate, SpamChecks spam, IOptions<SyncOptions> options)
{
    /// <summary>Message batches of one page written at once (a page holds up to 25 conversations).</summary>
    public const int MessageBatchesInFlight = 4;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (step, policy, channel) = (context.Step, context.Policy, context.Channel);
        var graph = channel is ChannelKind.Facebook or ChannelKind.Instagram;
        await gate.WaitTurnAsync($"{channel.ToWireName()}|{context.Account.ExternalId}", policy.ConversationCallsPerSecond, cancellationToken);
        var page = await context.Client.ListConversationsAsync(
            context.Account,
            new ConversationQuery(step.Cursor, context.Client.Limits.ConversationPageSize, graph ? policy.Messages : 0, step.Folder),
            cancellationToken);

        var selection = await SelectAsync(context, page, graph, cancellationToken);
        var byCustomer = selection.Taken.DistinctBy(c => c.Customer.Id, StringComparer.Ordinal).ToDictionary(c => c.Customer.Id, StringComparer.Ordinal);
        var created = await conversations.SaveAsync(
            step.ConnectionId,
            byCustomer.Keys,
            (old, id) => ConversationRows.Merge(old, byCustomer[id], step.Folder, step.JobId, step.StepId, context.Now),
            cancellationToken,
            assumeNew: graph && context.Job.Kind == JobKinds.Initial,
            createdBy: row => ConversationRows.CreatedBy(row, step.JobId, step.StepId));

        var progress = new StepProgress(Conversations: byCustomer.Count, ApiCalls: context.Client.Calls, NewConversations: created.Count);
        var children = new List<(string, SyncStep)>();
        if (graph)
        {
            // A few conversations' message batches at a time: Azure.Data.Tables holds a 100-entity transaction's request
            // (~150 KB here) until storage answers, and all 25 of a page at once in each of 16 concurrent steps tripled
            // the app's heap (benchmark 5) for no gain in throughput.
            var writer = MessageStore.WriterOf(step.JobId, step.StepId);
            var saved = new int[byCustomer.Count];
            await Parallel.ForEachAsync(
                byCustomer.Values.Select((c, i) => (Conversation: c, Index: i)),
                new ParallelOptions { MaxDegreeOfParallelism = MessageBatchesInFlight, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    var inline = item.Conversation.Messages.Take(policy.Messages).ToList();
                    saved[item.Index] = (await messages.SaveAsync(step.ConnectionId, item.Conversation.Customer.Id, inline, created.Contains(item.Conversation.Customer.Id), writer, ct)).Stored;
                });
            progress = progress with { Messages = saved.Sum(), NewMessages = saved.Sum() };
            children.AddRange(byCustomer.Values
                .Where(c => c.Messages.Count < policy.Messages && c.MessagesCursor is not null)
                .Select(c => (StepTypes.Messages, MessagesChild(step, c, policy.Messages - c.Messages.Count))));
        }
        else
        {
            children.AddRange(byCustomer.Values.Select(c => channel == ChannelKind.Zalo
                ? (StepTypes.Customer, step.Child(StepIds.Customer(step.StepId, c.Customer.Id)) with { CustomerId = c.Customer.Id, ThreadId = c.ExternalId, Cursor = c.MessagesCursor, StopAtKnown = step.Since is not null })
                : (StepTypes.Messages, MessagesChild(step, c, policy.Messages))));
        }

        if (!selection.Done && page.NextCursor is not null)
        {
            children.Add((StepTypes.Conversations, step.Child(StepIds.ConversationPage(step.Folder, page.NextCursor)) with
            {
                Cursor = page.NextCursor,
                RecentFound = selection.RecentFound,
                OlderTaken = selection.OlderTaken,
                Taken = selection.TakenSoFar,
            }));
        }

        if (channel == ChannelKind.Zalo && step.Since is null)
        {
            await NoteWalkAsync(step, selection, cancellationToken);
        }

        return new StepResult(progress, children, selection.Phase);
    }

    /// <summary>
    /// Spam folder: the threads whose buyer wrote long enough ago. Otherwise <see cref="ConversationSelection"/>, with
    /// each Zalo/Shopee customer judged against its stored row: load-more takes only customers not held before this
    /// job, a later page of the walk skips a customer an earlier page took, and a redelivered step takes again what
    /// it stored itself. Graph pages never repeat a conversation and take what they list.
    /// </summary>
    private async Task<ConversationSelection> SelectAsync(StepContext context, ConversationPage page, bool graph, CancellationToken cancellationToken)
    {
        var step = context.Step;
        if (step.Folder == "spam")
        {
            var (ready, followUpAt) = SpamSelection.Choose(page.Items, options.Value.SpamDelay, context.Now);
            if (followUpAt is { } at)
            {
                await spam.ScheduleAsync(step.TenantId, step.ConnectionId, at, cancellationToken);
            }

            return new ConversationSelection(ready, false, 0, 0, "spam conversations", step.Taken + ready.Count);
        }

        var stored = graph
            ? []
            : await conversations.GetManyAsync(step.ConnectionId, page.Items.Select(c => c.Customer.Id), cancellationToken);
        var state = new SyncStepState(step.RecentFound, step.OlderTaken, step.Taken, step.Target, step.Since, step.Cursor);
        return ConversationSelection.Choose(
            context.Policy, state, page, id => CustomerWalk.Standing(stored.GetValueOrDefault(id), step.JobId, step.StepId), context.Now);
    }

    /// <summary>Zalo: how many customers the walk has taken and where load-more continues (SPEC §2).</summary>
    private Task<ConnectionEntity?> NoteWalkAsync(SyncStep step, ConversationSelection selection, CancellationToken cancellationToken) =>
        connections.MutateAsync(step.TenantId, step.ConnectionId, c =>
        {
            if (c.ListedConversations > selection.TakenSoFar)
            {
                return false;
            }

            c.ListedConversations = selection.TakenSoFar;
            c.ListCursor = selection.ResumeAt;
            return true;
        }, cancellationToken);

    private static SyncStep MessagesChild(SyncStep step, ChannelConversation c, int remaining) =>
        step.Child(StepIds.Messages(step.StepId, c.Customer.Id, c.MessagesCursor)) with
        {
            CustomerId = c.Customer.Id,
            ThreadId = c.ExternalId,
            Cursor = c.MessagesCursor,
            Remaining = remaining,
            Taken = 0,
            Target = 0,
            StopAtKnown = step.Since is not null,
        };
}
