namespace MayorsClub.Core.Keys;

/// <summary>A secret every node must share (a PEM private key, an HMAC key), made once by whichever node needed it first.</summary>
internal sealed class SiteKeyEntity
{
    public required string Name { get; set; }

    public required string Value { get; set; }

    public DateTime CreatedUtc { get; set; }
}
