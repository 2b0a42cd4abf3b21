using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Hosting;

/// <summary>
/// The Durable client of the current invocation. Under Functions a <see cref="DurableTaskClient"/> comes from the
/// <c>[DurableClient]</c> binding of each function, not from DI; the function puts it here, and the product's handlers
/// resolve <see cref="DurableTaskClient"/> from the invocation's scope as they do in the standalone host.
/// </summary>
internal sealed class DurableClientHolder
{
    public DurableTaskClient? Client { get; set; }

    public DurableTaskClient Require() =>
        Client ?? throw new InvalidOperationException("This function has no [DurableClient] binding, so it cannot reach the task hub.");
}
