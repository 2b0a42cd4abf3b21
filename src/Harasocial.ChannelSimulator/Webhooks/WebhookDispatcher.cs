using System.Text;

namespace Harasocial.ChannelSimulator.Webhooks;

/// <summary>Builds, signs and posts webhooks. Event webhooks are posted in the background after 0–50 ms.</summary>
internal sealed class WebhookDispatcher(HttpClient http, SimulatorState state)
{
    private readonly Lock _gate = new();
    private readonly List<WebhookDelivery> _deliveries = [];
    private int _pending;

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    public int Pending => Volatile.Read(ref _pending);

    public void Inbound(SimAccount account, SimThread thread, SimMessage message) =>
        Fire(account.Channel, WebhookPayloads.Message(account, thread, message, state.Secrets));

    public void Echo(SimAccount account, SimThread thread, SimMessage message) =>
        Fire(account.Channel, WebhookPayloads.Message(account, thread, message, state.Secrets));

    public void Follow(SimAccount account, string userId, bool follow) =>
        Fire(Channels.Zalo, WebhookPayloads.Follow(account, userId, follow, state.Secrets, state.TimeProvider.GetUtcNow()));

    /// <summary>Signs and posts <paramref name="body"/> now; returns the target's status code (0 = no target/answer).</summary>
    public async Task<int> PostAsync(string channel, string body, CancellationToken cancellationToken)
    {
        if (state.WebhookTarget is not { } baseUri)
        {
            return 0;
        }

        var target = new Uri(baseUri, "api/webhooks/" + channel);
        var (header, value) = WebhookSigner.Sign(channel, body, state.Secrets, target);
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        int status = 0;
        string? error = null;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            error = ex.Message;
        }

        lock (_gate)
        {
            _deliveries.Add(new WebhookDelivery(channel, target, body, status, state.TimeProvider.GetUtcNow(), error));
        }

        return status;
    }

    private void Fire(string channel, string body)
    {
        if (state.WebhookTarget is null)
        {
            return;
        }

        Interlocked.Increment(ref _pending);
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50))).ConfigureAwait(false);
                await PostAsync(channel, body, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        });
    }
}
