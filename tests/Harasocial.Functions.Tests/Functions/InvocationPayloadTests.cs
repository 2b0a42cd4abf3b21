using System.Text.Json.Nodes;
using Harasocial.Functions.Functions;

namespace Harasocial.Functions.Tests.Functions;

public sealed class InvocationPayloadTests
{
    [Theory]
    [InlineData("""{"Data":{"message":"\"{\\\"a\\\":1}\""}}""", """{"a":1}""")]
    [InlineData("""{"Data":{"message":"\"\\\"quoted\\\"\""}}""", "\"quoted\"")]
    [InlineData("""{"Data":{"message":"plain text"}}""", "plain text")]
    [InlineData("""{"Data":{"message":"\"unterminated"}}""", "\"unterminated")]
    public void QueueMessageText_AnyHostEncoding_OriginalText(string body, string expected)
    {
        Assert.Equal(expected, InvocationPayload.Parse(JsonNode.Parse(body)).QueueMessageText());
    }

    [Fact]
    public void QueueContext_MissingMetadata_DefaultsToFirstAttempt()
    {
        var context = InvocationPayload.Parse(JsonNode.Parse("""{"Data":{"message":"x"}}""")).QueueContext();

        Assert.Equal(1, context.DequeueCount);
        Assert.Null(context.InsertedOn);
    }

    [Fact]
    public void TimerContext_NullScheduleStatus_UsesNow()
    {
        var now = new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
        var context = InvocationPayload.Parse(JsonNode.Parse("""{"Data":{"timer":{"ScheduleStatus":null,"IsPastDue":false}}}""")).TimerContext(now);

        Assert.Equal(now, context.ScheduledAt);
        Assert.False(context.IsPastDue);
    }
}
