using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>The session settings popover in the chat header, by the <c>data-testid</c>s in ui/README.md.</summary>
internal sealed class SettingsPanel(ChatPage chat)
{
    public ILocator Toggle => chat.ByTestId("session-settings-toggle");

    public ILocator Panel => chat.ByTestId("settings-panel");

    public ILocator Status => chat.ByTestId("settings-status");

    public ILocator Error => chat.ByTestId("settings-error");

    public ILocator Durability(string mode) => chat.ByTestId($"settings-durability-{mode}");

    public ILocator Approvals => chat.ByTestId("settings-approvals");

    /// <summary>Opens the popover and waits until it shows the session's stored settings.</summary>
    public async Task OpenAsync()
    {
        await Toggle.ClickAsync();
        await Expect(Panel).ToBeVisibleAsync();
        await Expect(Approvals).ToBeEnabledAsync();
    }

    /// <summary>Chooses a durability mode and waits until the app confirmed it.</summary>
    public async Task ChooseDurabilityAsync(string mode)
    {
        await Durability(mode).CheckAsync();
        await ExpectSavedAsync();
        await Expect(Durability(mode)).ToBeCheckedAsync();
    }

    /// <summary>Turns approvals on or off and waits until the app confirmed it.</summary>
    public async Task SetApprovalsAsync(bool on)
    {
        await Approvals.SetCheckedAsync(on);
        await ExpectSavedAsync();
        await Expect(Approvals).ToBeCheckedAsync(new() { Checked = on });
    }

    /// <summary>Closes the popover with Escape, which gives the focus back to its button.</summary>
    public async Task CloseAsync()
    {
        await chat.Page.Keyboard.PressAsync("Escape");
        await Expect(Panel).ToBeHiddenAsync();
        await Expect(Toggle).ToBeFocusedAsync();
    }

    private async Task ExpectSavedAsync()
    {
        await Expect(Status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Saved"));
        await Expect(Error).ToBeHiddenAsync();
    }
}
