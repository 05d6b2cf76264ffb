using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Directives;

/// <summary>
/// Outcome of <see cref="DocumentNumber.Parse"/>: a <see cref="DocumentNumber"/> (possibly with warnings)
/// or the reason the text cannot be a document number. Rejection is an expected outcome, not an exception.
/// </summary>
public sealed record DocumentNumberParse
{
    private DocumentNumberParse(DocumentNumber? number, string? error)
    {
        Number = number;
        Error = error;
    }

    /// <summary>The parsed number, when <see cref="Succeeded"/>.</summary>
    public DocumentNumber? Number { get; }

    /// <summary>Why the input was rejected (e.g. "must not be empty"), when not <see cref="Succeeded"/>.</summary>
    public string? Error { get; }

    /// <summary>True when the input is stored as a document number.</summary>
    [MemberNotNullWhen(true, nameof(Number))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Number is not null;

    internal static DocumentNumberParse Success(DocumentNumber number) => new(number, null);

    internal static DocumentNumberParse Failure(string error) => new(null, error);
}
