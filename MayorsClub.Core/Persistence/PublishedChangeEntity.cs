namespace MayorsClub.Core.Persistence;

/// <summary>
/// One committed change to what visitors see, appended in the same transaction as the change itself. The id is the
/// feed's sequence number; the lists are stored as text (keys and cultures separated by commas).
/// </summary>
public sealed class PublishedChangeEntity
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string DocumentKeys { get; set; } = "";
    public string Cultures { get; set; } = "";
    public string MediaKeys { get; set; } = "";
    public DateTime Utc { get; set; }
}
