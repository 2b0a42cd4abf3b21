using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;

namespace Harasocial.AzureStorage;

/// <summary>
/// The XML of the Queue service (https://learn.microsoft.com/rest/api/storageservices/get-messages).
/// Text goes out as-is (XML-escaped, not base64), like the Functions host with <c>messageEncoding: none</c>.
/// </summary>
internal static class QueueXml
{
    /// <summary>Escapes text for element content; CR is written as a character reference so parsers keep it.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '\r' => builder.Append("&#xD;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    public static BinaryData MessageBody(string escapedText) =>
        BinaryData.FromString("<QueueMessage><MessageText>" + escapedText + "</MessageText></QueueMessage>");

    public static IEnumerable<XElement> Messages(Response response) =>
        XDocument.Parse(response.Content.ToString(), LoadOptions.PreserveWhitespace).Root?.Elements("QueueMessage") ?? [];

    public static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"The queue service answer has no {name}.");

    public static DateTimeOffset? Date(XElement message, string name) =>
        message.Element(name)?.Value is { Length: > 0 } value ? ParseDate(value) : null;

    public static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.ParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static long Long(XElement message, string name) =>
        long.Parse(Text(message, name), CultureInfo.InvariantCulture);
}
