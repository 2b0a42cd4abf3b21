using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>
/// Reads a <c>$batch</c> answer: a multipart body with one embedded HTTP response per action, or a single error
/// response whose message starts with the failing action's index ("37:The specified entity already exists.")
/// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions#sample-transaction-response).
/// </summary>
internal static partial class TableBatchResponse
{
    public static List<Response> Parse(Response response)
    {
        var parts = new List<Response>();
        var lines = response.Content.ToString().Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var statusLine = lines[i].Split(' ', 3);
            var headers = new List<HttpHeader>();
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(new HttpHeader(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
                }
            }

            var body = new System.Text.StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            i--;
            parts.Add(new TableBatchItemResponse(
                int.Parse(statusLine[1], CultureInfo.InvariantCulture),
                statusLine.Length > 2 ? statusLine[2] : string.Empty,
                headers,
                BinaryData.FromString(body.ToString().Trim())));
        }

        return parts;
    }

    public static TableTransactionFailedException Failure(Response failed)
    {
        var (code, message) = StorageErrors.ParseBody(failed);
        if (failed.Headers.TryGetValue("x-ms-error-code", out var header) && header.Length > 0)
        {
            code = header;
        }

        int? index = null;
        var match = message is null ? Match.Empty : IndexPrefix().Match(message);
        if (match.Success)
        {
            index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var text = $"Table transaction failed. Status: {failed.Status} ({failed.ReasonPhrase}) ErrorCode: {code} FailedActionIndex: {index}\n{message}";
        return new TableTransactionFailedException(failed.Status, text, code, index);
    }

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
