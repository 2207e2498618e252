using System.Security.Cryptography;
using System.Text;

namespace Restate.Sdk.Local.Internal;

/// <summary>
/// An exclusive lock on a file in the temp folder, so parallel test processes don't run <c>npm install</c> in the same
/// folder at once.
/// </summary>
internal sealed class CrossProcessLock : IDisposable
{
    private readonly FileStream _stream;

    private CrossProcessLock(FileStream stream) => _stream = stream;

    public static async Task<CrossProcessLock> AcquireAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"restate-sdk-{hash}.lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // The file stays: deleting it on close would let a late opener lock the unlinked file while another
                // process locks a new one.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new CrossProcessLock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
