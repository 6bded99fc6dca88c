using Consolidator.Core;
using Consolidator.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consolidator.Mail;

/// <summary>Registers the <see cref="MailDispatcher"/> for a command's host.</summary>
public static class MailServices
{
    /// <summary>
    /// Adds the dispatcher for validated <paramref name="settings"/>, the password from the
    /// environment (<see cref="MailSettingsValidator.Password"/>) and the outbox under
    /// <paramref name="stateFolder"/>. Needs the TimeProvider and ConsolidationOptions that
    /// AppHost.Builder registers.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, MailSettings settings, string? password, string stateFolder) =>
        services.AddSingleton(sp => new MailDispatcher(settings, password, stateFolder,
            sp.GetRequiredService<ConsolidationOptions>().TimeZone,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MailDispatcher>>()));
}
