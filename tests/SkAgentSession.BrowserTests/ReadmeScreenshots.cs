using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkAgentSession.BrowserTests.Support;
using SkAgentSession.IntegrationTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>
/// Stages the scenes of the README's screenshots and checks what they show. With
/// <c>SKAS_SCREENSHOTS=1</c> it also writes them to <c>docs/images/</c>.
/// </summary>
[Collection(ScreenshotEnvironment.Name)]
public sealed class ReadmeScreenshots(BrowserEnvironment env)
{
    private const int MaxPngBytes = 300 * 1024;
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static bool WriteToDocs => Environment.GetEnvironmentVariable("SKAS_SCREENSHOTS") == "1";

    [Fact]
    public async Task The_chat_ui_and_the_restate_ui_show_a_session_after_the_faq_and_seat_change_turns()
    {
        await using var tab = await env.OpenTabAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var chat = tab.Chat;

        // An earlier conversation, so the session list has more than one entry.
        await chat.OpenNewSessionAsync();
        await chat.SendAsync("Is there wifi on board?");
        await Expect(chat.AssistantMessages.Last).ToContainTextAsync("wifi", new() { IgnoreCase = true });
        await chat.ByTestId("new-session-button").ClickAsync();
        await Expect(chat.ByTestId("welcome")).ToBeVisibleAsync();
        var sessionId = (await chat.SessionIdInUrlAsync())!;
        await chat.SendAsync("How much baggage can I bring?");
        await chat.SendAsync("I want to change my seat");
        await chat.SendAsync("My confirmation number is ABC123 and I want seat 12A");

        var call = chat.ToolCall("update_seat");
        await call.GetByTestId("tool-call-summary").ClickAsync();
        await ShowQuietlyAsync(tab.Page, "document.querySelector('[data-testid=conversation]').scrollTop = 1e9");
        await Expect(call.GetByTestId("tool-call-arguments")).ToContainTextAsync("\"new_seat\": \"12A\"");
        await Expect(call.GetByTestId("tool-call-result")).ToBeInViewportAsync();
        await Expect(chat.AssistantMessages.Last).ToBeInViewportAsync();
        await Expect(chat.AgentBadge).ToHaveTextAsync("Seat Booking Agent");
        await Expect(chat.SessionItems).ToHaveCountAsync(2);
        var chatPng = await tab.Page.ScreenshotAsync();

        // The same session's state, in the Restate UI the app links to.
        var stateUrl = await chat.StateLink.GetAttributeAsync("href");
        Assert.Equal($"{env.RestateUiUrl.ToString().TrimEnd('/')}/virtual-objects/AgentSession/{sessionId}?tab=state", stateUrl);
        await tab.Page.GotoAsync(stateUrl!);
        await Expect(tab.Page).ToHaveTitleAsync(new Regex(Regex.Escape(sessionId)));
        await Expect(tab.Page.GetByText("\"Seat Booking Agent\"", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText("\"confirmationNumber\":\"ABC123\"")).ToBeVisibleAsync();
        // Opening the first history page shows its items as pretty-printed JSON.
        await tab.Page.GetByText("[{\"type\":\"message\"").First.ClickAsync();
        await Expect(tab.Page.GetByText("\"content\": \"How much baggage can I bring?\"")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText("\"to\": \"FAQ Agent\"")).ToBeVisibleAsync();
        await ShowQuietlyAsync(tab.Page, "undefined");
        var statePng = await tab.Page.ScreenshotAsync();
        tab.AssertStayedOnLoopback();

        AssertSmallPng(chatPng);
        AssertSmallPng(statePng);
        if (WriteToDocs)
        {
            var images = Directory.CreateDirectory(Path.Combine(RepositoryLayout.Root, "docs", "images")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(images, "chat-ui.png"), chatPng);
            await File.WriteAllBytesAsync(Path.Combine(images, "restate-ui-state.png"), statePng);
        }
    }

    /// <summary>Runs a script, drops the focus ring and caret, and lets transitions settle.</summary>
    private static async Task ShowQuietlyAsync(IPage page, string script)
    {
        await page.EvaluateAsync($"() => {{ {script}; document.activeElement?.blur(); }}");
        await page.WaitForTimeoutAsync(400);
    }

    private static void AssertSmallPng(byte[] png)
    {
        Assert.Equal(PngSignature, png[..PngSignature.Length]);
        Assert.InRange(png.Length, 10 * 1024, MaxPngBytes);
    }
}
