namespace Restate.Sdk.Local.Internal;

/// <summary>
/// An exclusive lock on a file, so parallel test processes don't run <c>npm install</c> in the same folder at once.
/// </summary>
internal sealed class CrossProcessLock : IDisposable
{
    private readonly FileStream _stream;

    private CrossProcessLock(FileStream stream) => _stream = stream;

    /// <remarks>
    /// The file stays after release: deleting it on close would let a late opener lock the unlinked file while another
    /// process locks a new one.
    /// </remarks>
    public static async Task<CrossProcessLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // On Unix, FileShare.None takes an exclusive flock on the file.
                return new CrossProcessLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
