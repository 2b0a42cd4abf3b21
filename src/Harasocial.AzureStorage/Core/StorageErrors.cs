using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace Harasocial.AzureStorage;

/// <summary>
/// Turns a non-success response into <see cref="RequestFailedException"/> with the service's error code and message.
/// Tables answer OData JSON, Queues answer XML: https://learn.microsoft.com/rest/api/storageservices/status-and-error-codes2.
/// </summary>
internal static class StorageErrors
{
    public static RequestFailedException Create(Response response)
    {
        var (code, message) = ParseBody(response);
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && header.Length > 0)
        {
            code = header;
        }

        var text = $"Service request failed. Status: {response.Status} ({response.ReasonPhrase}) ErrorCode: {code}\n{message}";
        return new RequestFailedException(response.Status, text, code, null);
    }

    public static (string? Code, string? Message) ParseBody(Response response)
    {
        var content = response.Content;
        if (content is null || content.ToMemory().IsEmpty)
        {
            return (null, null);
        }

        try
        {
            var span = content.ToMemory().Span;
            return span.TrimStart(" \r\n\t"u8) is [(byte)'{', ..] ? ParseJson(content) : ParseXml(content);
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
        {
            return (null, content.ToString());
        }
    }

    /// <summary>Reads <c>{"odata.error":{"code":..,"message":{"value":..}}}</c>.</summary>
    public static (string? Code, string? Message) ParseJson(BinaryData content)
    {
        using var doc = JsonDocument.Parse(content);
        if (!doc.RootElement.TryGetProperty("odata.error", out var error) && !doc.RootElement.TryGetProperty("error", out error))
        {
            return (null, content.ToString());
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
        string? message = null;
        if (error.TryGetProperty("message", out var m))
        {
            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }

        return (code, message);
    }

    private static (string? Code, string? Message) ParseXml(BinaryData content)
    {
        var root = XDocument.Parse(content.ToString()).Root;
        return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
    }
}
