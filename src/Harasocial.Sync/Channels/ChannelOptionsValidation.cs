namespace Harasocial.Sync.Channels;

internal static class ChannelOptionsValidation
{
    /// <summary>Base URLs must be absolute so a simulator or test server can stand in (SPEC §3).</summary>
    public static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
