namespace Portal.Domain.Text;

/// <summary>
/// Pre-Unicode Vietnamese font encodings whose text, pasted through Windows-1252, becomes mojibake.
/// </summary>
public enum LegacyEncoding
{
    /// <summary>No sign of a legacy encoding.</summary>
    None,

    /// <summary>TCVN 5712:1993 "VN3" (ABC fonts such as .VnTime): one byte per letter, e.g. "nh©n" for "nhân".</summary>
    Tcvn3,

    /// <summary>VNI-Windows fonts: base letter followed by a mark byte, e.g. "nhaân" for "nhân".</summary>
    Vni,
}
