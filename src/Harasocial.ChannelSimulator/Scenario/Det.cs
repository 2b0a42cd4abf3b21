using System.Text;

namespace Harasocial.ChannelSimulator;

/// <summary>Deterministic hashing (SplitMix64): every generated id, name, text and time derives from the seed.</summary>
internal static class Det
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(ulong a, ulong b) => Mix(Mix(a) ^ b);

    public static ulong Hash(ulong a, ulong b, ulong c) => Mix(Hash(a, b) ^ c);

    public static ulong Hash(ulong a, ulong b, ulong c, ulong d) => Mix(Hash(a, b, c) ^ d);

    /// <summary>Stable (not per-process randomised) hash of a string.</summary>
    public static ulong Of(string text)
    {
        var h = 1469598103934665603UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>Uniform double in [0,1).</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number with exactly <paramref name="digits"/> decimal digits (first digit non-zero), digits ≤ 19.</summary>
    public static ulong Digits(ulong hash, int digits)
    {
        var low = 1UL;
        for (var i = 1; i < digits; i++)
        {
            low *= 10;
        }

        var span = digits >= 20 ? ulong.MaxValue - low : (low * 9) - 1;
        return low + (hash % span);
    }

    public static string Hex(ulong a, ulong b, int length)
    {
        var text = string.Concat(a.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            b.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        return text[..length];
    }
}
