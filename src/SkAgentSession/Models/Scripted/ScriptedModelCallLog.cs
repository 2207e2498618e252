using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkAgentSession.Models.Scripted;

/// <summary>
/// Test hook: appends one JSON line per scripted-model request to a file shared by any number of
/// processes (config <c>ScriptedModel:CallLogPath</c> or env <c>SKAS_SCRIPTED_MODEL_CALL_LOG</c>).
/// Each append holds an exclusive lock on the file; the same lock makes the file the counter of
/// attempts per message for <see cref="ScriptedFaults"/>, so injected failures are used up across
/// process restarts.
/// </summary>
/// <example><c>{"timestamp":"…","processId":4242,"attempt":1,"status":503,"lastUserMessage":"Hi #model-fail:1:503","tools":["transfer_to_faq_agent"]}</c></example>
internal sealed class ScriptedModelCallLog
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _path;
    private readonly TimeProvider _time;

    public ScriptedModelCallLog(string path, TimeProvider time)
    {
        _path = Path.GetFullPath(path);
        _time = time;
    }

    /// <summary>
    /// Under the file lock: numbers this request among those logged for the same message, lets
    /// <paramref name="statusFor"/> choose its HTTP status, and appends the line.
    /// </summary>
    public async Task<(int Attempt, int Status)> AppendAsync(
        string lastUserMessage,
        IReadOnlyCollection<string> tools,
        Func<int, int> statusFor,
        CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + LockTimeout;
        while (true)
        {
            FileStream file;
            try
            {
                file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_time.GetUtcNow() < deadline)
            {
                // Another process holds the lock.
                await Task.Delay(TimeSpan.FromMilliseconds(5 + Random.Shared.Next(20)), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using (file.ConfigureAwait(false))
            {
                var attempt = await CountPriorAsync(file, lastUserMessage, cancellationToken).ConfigureAwait(false) + 1;
                var status = statusFor(attempt);
                var line = JsonSerializer.Serialize(
                    new CallLogLine(_time.GetUtcNow(), Environment.ProcessId, attempt, status, lastUserMessage, [.. tools]),
                    LineOptions);
                file.Seek(0, SeekOrigin.End);
                await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                return (attempt, status);
            }
        }
    }

    private static async Task<int> CountPriorAsync(FileStream file, string lastUserMessage, CancellationToken cancellationToken)
    {
        file.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var count = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<CallLogLine>(line, LineOptions)?.LastUserMessage == lastUserMessage)
                {
                    count++;
                }
            }
            catch (JsonException)
            {
                // A line written by something else does not count.
            }
        }

        return count;
    }

    private sealed record CallLogLine(
        [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
        [property: JsonPropertyName("processId")] int ProcessId,
        [property: JsonPropertyName("attempt")] int Attempt,
        [property: JsonPropertyName("status")] int Status,
        [property: JsonPropertyName("lastUserMessage")] string LastUserMessage,
        [property: JsonPropertyName("tools")] string[] Tools);
}
