using Microsoft.Playwright;
using SkAgentSession.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>The UI on a phone-sized touch screen.</summary>
[Collection(SharedBrowser.Name)]
public sealed class PhoneLayoutTests(BrowserEnvironment env)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
    };

    [Fact]
    public async Task A_phone_sized_window_can_chat_without_horizontal_scrolling()
    {
        await using var tab = await env.OpenTabAsync(Phone);
        var sessionId = await tab.Chat.OpenNewSessionAsync();

        await Expect(tab.Chat.Input).ToBeInViewportAsync();
        Assert.Equal(0, await tab.Chat.HorizontalOverflowAsync());

        await tab.Chat.Input.TapAsync();
        await tab.Chat.Input.FillAsync("How much baggage can I bring?");
        await Expect(tab.Chat.SendButton).ToBeInViewportAsync();
        await tab.Chat.SendButton.TapAsync();
        await tab.Chat.WaitForReplyAsync(0);

        var call = tab.Chat.ToolCall("faq_lookup");
        await call.GetByTestId("tool-call-summary").TapAsync();
        await Expect(call.GetByTestId("tool-call-result")).ToBeVisibleAsync();
        await tab.Chat.AssistantMessages.Last.ScrollIntoViewIfNeededAsync();
        Assert.Equal(0, await tab.Chat.HorizontalOverflowAsync());
        await Expect(tab.Chat.Input).ToBeInViewportAsync();
        await Expect(tab.Chat.SendButton).ToBeInViewportAsync();

        // The session list is a drawer behind the menu button.
        var toggle = tab.Chat.ByTestId("sessions-toggle");
        await Expect(tab.Chat.SessionItem(sessionId)).Not.ToBeInViewportAsync();
        await toggle.TapAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(tab.Chat.SessionItem(sessionId)).ToBeInViewportAsync();
        await tab.Chat.ByTestId("sessions-close").TapAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Equal(0, await tab.Chat.HorizontalOverflowAsync());
        tab.AssertNoConsoleErrors();
    }
}
