using SkAgentSession.Hosting;

var app = SkAgentSessionApp.Build(args);
await app.RunAsync();
