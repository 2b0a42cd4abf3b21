using Harasocial.Sync.Hosting;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Security;

/// <summary>
/// The address per-client limits are counted by. Standalone: the connection's remote address (no proxy is trusted,
/// so X-Forwarded-For, which any client can write, is ignored). Behind the Functions host: every request comes from the
/// host over loopback, so the address is the last X-Forwarded-For entry, the one Azure's front end appends
/// [not verified on Azure here]; without one the request is not limited per address (null).
/// </summary>
internal sealed class ClientAddress(IOptions<HostingOptions> hosting)
{
    private readonly bool behindHost = hosting.Value.BehindFunctionsHost;

    public string? Of(HttpContext http)
    {
        if (!behindHost)
        {
            return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        }

        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length == 0)
        {
            return null;
        }

        var last = forwarded[(forwarded.LastIndexOf(',') + 1)..].Trim();
        // Azure writes "address:port" for IPv4; keep the address only.
        return last.Count(c => c == ':') == 1 ? last[..last.IndexOf(':', StringComparison.Ordinal)] : last;
    }
}
