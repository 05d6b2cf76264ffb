namespace Portal.Domain.Hits;

/// <summary>
/// The latest page view of one visitor that the database knows of, shared by every Portal instance so that they
/// decide alike whether a page view starts a new visit (30 minutes without a page view, or a new calendar day in
/// Asia/Ho_Chi_Minh). Only a SHA-256 of the visitor id is kept — never the id itself, never an IP address — and a row
/// is deleted once its visit can no longer continue.
/// </summary>
public sealed class VisitorSession
{
    /// <summary>SHA-256 of the visitor id (the <c>portal_vid</c> cookie or <c>X-Visitor-Id</c>), 32 bytes.</summary>
    public byte[] VisitorHash { get; set; } = [];

    /// <summary>The UTC instant of the visitor's latest page view written to the database.</summary>
    public DateTime LastSeen { get; set; }
}
