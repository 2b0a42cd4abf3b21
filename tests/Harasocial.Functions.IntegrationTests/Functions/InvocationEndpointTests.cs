using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Harasocial.Functions.Functions;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class InvocationEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Recorder recorder = new();
    private AppFactory app = null!;

    public Task InitializeAsync()
    {
        // The invocation routes exist in custom-handler mode only (the Functions host is their one caller).
        app = new AppFactory(azurite, settings: new Dictionary<string, string?> { ["Hosting:Mode"] = "CustomHandler" }, services: s =>
        {
            s.AddSingleton(recorder);
            s.AddFunction(QueueFunction.For<RecordingQueueHandler>("TestQueue", "test-queue"));
            s.AddFunction(TimerFunction.For<RecordingTimerHandler>("TestTimer", "Test:Schedule", "0 0 0 1 1 *"));
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task QueueInvocation_DoubleEncodedJsonText_HandlerGetsOriginalTextAndMetadata()
    {
        // Exactly what the host sends for a queue text {"type":"x","v":1} (custom-handlers.md §3.2).
        const string body = """
            {"Data":{"message":"\"{\\\"type\\\":\\\"x\\\",\\\"v\\\":1}\""},
             "Metadata":{"DequeueCount":3,"ExpirationTime":"2026-03-08T10:00:00+00:00","Id":"6a1f3c7e-0b8e-4f5e-9a77-2d1c0e7b5a10",
               "InsertionTime":"2026-03-01T10:00:00+00:00","NextVisibleTime":"2026-03-01T10:10:01+00:00","PopReceipt":"AgAAAAMAAAAAAAAA",
               "sys":{"MethodName":"TestQueue","UtcNow":"2026-03-01T10:00:01.123Z","RandGuid":"0c1d"}}}
            """;

        using var response = await PostAsync("/TestQueue", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], answer.Select(p => p.Key));
        var (text, context) = Assert.Single(recorder.Messages);
        Assert.Equal("""{"type":"x","v":1}""", text);
        Assert.Equal(3, context.DequeueCount);
        Assert.Equal("6a1f3c7e-0b8e-4f5e-9a77-2d1c0e7b5a10", context.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), context.InsertedOn);
    }

    [Theory]
    [InlineData("""{"Data":{"message":"\"hello\""},"Metadata":{"DequeueCount":1}}""", "hello")]
    [InlineData("""{"Data":{"message":"hello"},"Metadata":{"DequeueCount":"2"}}""", "hello")]
    [InlineData("""{"Data":{"message":{"a":1}},"Metadata":{}}""", """{"a":1}""")]
    [InlineData("""{"Data":{"message":"\"Dạ còn hàng ạ\""},"Metadata":{}}""", "Dạ còn hàng ạ")]
    public async Task QueueInvocation_OnceOrTwiceEncoded_DecodedToSameText(string body, string expected)
    {
        using var response = await PostAsync("/TestQueue", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(recorder.Messages).Text);
    }

    [Fact]
    public async Task QueueInvocation_HandlerThrows_Answers500SoTheHostRetries()
    {
        recorder.OnMessage = _ => throw new InvalidOperationException("boom");

        using var response = await PostAsync("/TestQueue", """{"Data":{"message":"\"x\""},"Metadata":{"DequeueCount":1}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"Metadata":{}}""")]
    [InlineData("""{"Data":{"other":"x"}}""")]
    public async Task QueueInvocation_BadPayload_Answers400WithoutRunning(string body)
    {
        using var response = await PostAsync("/TestQueue", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(recorder.Messages);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task QueueInvocation_NotJson_415WithoutRunning(string? contentType)
    {
        // A web page can POST these content types cross-origin without a CORS preflight (CSRF onto loopback).
        using var client = app.CreateClient(apiKey: null);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"Data":{"message":"\"x\""},"Metadata":{"DequeueCount":1}}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.PostAsync(new Uri("/TestQueue", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(recorder.Messages);
    }

    [Fact]
    public async Task TimerInvocation_HostPayload_HandlerGetsPastDueAndTime()
    {
        const string body = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
               "ScheduleStatus":{"Last":"2026-03-01T02:00:00+00:00","Next":"2026-03-02T02:00:00+00:00","LastUpdated":"2026-03-01T02:00:00.5+00:00"},
               "IsPastDue":true}},
             "Metadata":{"sys":{"MethodName":"TestTimer","UtcNow":"2026-03-02T02:00:00.01Z","RandGuid":"x"}}}
            """;

        using var response = await PostAsync("/TestTimer", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tick = Assert.Single(recorder.Ticks);
        Assert.True(tick.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, 10, TimeSpan.Zero), tick.ScheduledAt);
    }

    [Fact]
    public async Task RootPath_ReadinessProbe_AnswersWithoutKey()
    {
        using var client = app.CreateClient(apiKey: null);
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        using var client = app.CreateClient(apiKey: null);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
