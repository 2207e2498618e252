namespace Restate.Sdk.Analyzers.Tests.Verification;

/// <summary>
/// The part of the Restate SDK's surface that the analyzers look at, declared in the test compilation so the
/// tests need no reference to Restate.Sdk. The analyzers match these types by metadata name.
/// </summary>
internal static class RestateStubs
{
    public const string FileName = "RestateStubs.cs";

    public const string Source = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Restate.Sdk
        {
            public interface IDeterministicRandom
            {
                int NextInt(int minValue, int maxValue);
                long NextInt64();
                double NextDouble();
                void NextBytes(Span<byte> buffer);
                Guid NextGuid();
            }

            public interface IDurableFuture<T> { }

            public interface IContext
            {
                IDeterministicRandom Random { get; }
                CancellationToken Aborted { get; }
                Task<T> Run<T>(string name, Func<CancellationToken, Task<T>> action);
                Task Run(string name, Func<CancellationToken, Task> action);
                IDurableFuture<T> RunAsync<T>(string name, Func<CancellationToken, Task<T>> action);
                Task<DateTimeOffset> Now();
                Task Sleep(TimeSpan duration, string name = null);
            }

            public interface ISharedObjectContext : IContext { }
            public interface IObjectContext : ISharedObjectContext { }
            public interface ISharedWorkflowContext : ISharedObjectContext { }
            public interface IWorkflowContext : ISharedWorkflowContext, IObjectContext { }
        }
        """;
}
