using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>One embedded response of a <c>$batch</c> answer (status, headers such as ETag, body).</summary>
internal sealed class TableBatchItemResponse(int status, string reasonPhrase, List<HttpHeader> headers, BinaryData content) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => reasonPhrase;

    public override Stream? ContentStream { get; set; } = content.ToStream();

    public override string ClientRequestId { get; set; } = string.Empty;

    public override BinaryData Content => content;

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => headers.Exists(h => Is(h, name));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = headers.Find(h => Is(h, name)).Value;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = headers.Where(h => Is(h, name)).Select(h => h.Value).ToList();
        return values.Any();
    }

    private static bool Is(HttpHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
