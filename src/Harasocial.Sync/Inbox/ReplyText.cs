using System.Globalization;

namespace Harasocial.Sync.Inbox;

/// <summary>
/// What a reply's text must be before anything is sent (SPEC §4: 400 otherwise): something a buyer can see once
/// whitespace and invisible characters are removed — a reply of zero-width spaces was sent and stored as an empty
/// bubble — and no control characters (NUL, escape, …; line breaks and tabs are text), no broken UTF-16.
/// </summary>
internal static class ReplyText
{
    public static string? Problem(string? text)
    {
        if (text is null || !text.Any(IsVisible))
        {
            return "text is required and must have something to read once spaces and invisible characters (zero-width spaces, joiners, …) are removed.";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return string.Create(CultureInfo.InvariantCulture, $"text holds a control character (U+{(int)c:X4}) at position {i}: send plain text.");
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"text holds a broken character (a lone UTF-16 surrogate) at position {i}.");
            }
        }

        return null;
    }

    /// <summary>Not whitespace, not a format character (Cf: zero-width space, joiners, BOM, soft hyphen, bidi marks), not a
    /// control, and not one of the letters that render as nothing (Hangul fillers, Braille blank).</summary>
    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c)
        && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format
        && c is not ('\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800');
}
