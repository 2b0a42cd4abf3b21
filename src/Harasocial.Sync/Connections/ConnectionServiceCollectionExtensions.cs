using Harasocial.Sync.Functions;
using Harasocial.Sync.Inbox;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Connections;

internal static class ConnectionServiceCollectionExtensions
{
    /// <summary>Connections API and the inbox read API.</summary>
    public static IServiceCollection AddConnectionsAndInbox(this IServiceCollection services)
    {
        services.AddSingleton<ConnectionPurger>();
        services.AddSingleton<AccountOwnership>();
        services.AddSingleton<Reconnection>();
        services.AddSingleton<ReplyService>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ReplyIdempotency>();
        services.AddFunctions(ConnectionEndpoints.Functions.Concat(InboxEndpoints.Functions).Concat(ReplyEndpoints.Functions));
        return services;
    }
}
