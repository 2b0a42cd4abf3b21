using System.Net;
using System.Text;

namespace Harasocial.Functions.Tests.Support;

/// <summary>Answers every request with one canned response and records the requests.</summary>
internal sealed class StubHandler(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string> Bodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }
}
