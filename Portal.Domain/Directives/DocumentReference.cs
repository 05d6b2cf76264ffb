namespace Portal.Domain.Directives;

/// <summary>
/// A mention of a document in free text, found by <see cref="DocumentReferenceFinder"/>.
/// </summary>
/// <param name="Text">The matched span of the plain text, e.g. "Chỉ thị số 28-CT/TW".</param>
/// <param name="Number">The parsed number; its <see cref="DocumentNumber.Raw"/> is the number as written.</param>
/// <param name="TypeName">The document type named before the number ("Chỉ thị", "Kế hoạch"), when one is.</param>
public sealed record DocumentReference(string Text, DocumentNumber Number, string? TypeName);
