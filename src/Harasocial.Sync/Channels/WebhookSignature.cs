using System.Security.Cryptography;

namespace Harasocial.Sync.Channels;

/// <summary>Hex decoding and constant-time comparison for webhook signatures. Never log the inputs.</summary>
internal static class WebhookSignature
{
    /// <summary>Compares an expected digest with a hex string received from the wire, in constant time.
    /// Malformed hex or a wrong length is simply "not equal".</summary>
    public static bool HexEquals(ReadOnlySpan<byte> expected, ReadOnlySpan<char> receivedHex)
    {
        receivedHex = receivedHex.Trim();
        if (receivedHex.Length != expected.Length * 2)
        {
            return false;
        }

        Span<byte> received = stackalloc byte[expected.Length];
        if (Convert.FromHexString(receivedHex, received, out _, out var written) != System.Buffers.OperationStatus.Done || written != expected.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, received);
    }
}
