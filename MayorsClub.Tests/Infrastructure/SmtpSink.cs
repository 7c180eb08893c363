using MimeKit;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// The real SMTP server scripts/test.sh starts (aiosmtpd): its address, and the messages it has received,
/// read from its Maildir.
/// </summary>
public static class SmtpSink
{
    public const string AddressVariable = "MAYORSCLUB_TEST_SMTP";
    public const string MaildirVariable = "MAYORSCLUB_TEST_MAILDIR";

    public static (string Host, string Port) Address
    {
        get
        {
            var address = Environment.GetEnvironmentVariable(AddressVariable);
            if (string.IsNullOrWhiteSpace(address) || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MaildirVariable)))
            {
                throw new InvalidOperationException(
                    $"The e-mail tests need an SMTP server: run scripts/test.sh (it starts one) or set {AddressVariable}=host:port and {MaildirVariable}=its Maildir.");
            }

            var parts = address.Split(':');
            return (parts[0], parts[1]);
        }
    }

    /// <summary>Site settings that send mail to the sink.</summary>
    public static IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["MayorsClub:Smtp:Host"] = Address.Host,
        ["MayorsClub:Smtp:Port"] = Address.Port,
        ["MayorsClub:Smtp:Security"] = "None",
        ["MayorsClub:Smtp:FromAddress"] = "club@mayorsclub.test",
        ["MayorsClub:Smtp:IntervalSeconds"] = "1",
    };

    /// <summary>Waits (up to the timeout) for a message to the address and returns it.</summary>
    public static Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null) =>
        WaitForMessageToAsync(address, _ => true, timeout);

    /// <summary>Waits (up to the timeout) for a message to the address that <paramref name="matches"/> and returns it.</summary>
    public static async Task<MimeMessage> WaitForMessageToAsync(string address, Func<MimeMessage, bool> matches, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var folder = Path.Combine(Environment.GetEnvironmentVariable(MaildirVariable)!, "new");
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)) && matches(message))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new AssertionException($"No e-mail to {address} reached the SMTP server within the time allowed.");
    }
}
