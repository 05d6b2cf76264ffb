using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Portal.Domain.Common;

/// <summary>Reusable FluentValidation rules for the formats every resource shares.</summary>
public static partial class Rules
{
    /// <summary>
    /// Vietnamese phone numbers as portals print them, under the national numbering plan (Circular 22/2014/TT-BTTTT)
    /// as changed in 2017 (new fixed-line area codes) and 2018 (11-digit mobiles moved to 10 digits).
    /// Separators <c>( ) . - space</c> are ignored; then the number is
    /// <list type="bullet">
    /// <item>a fixed line: 11 digits starting <c>02</c> — a 3-digit area code and 8 digits (<c>024 3825 3536</c>)
    /// or a 4-digit area code and 7 digits (<c>(0251).3861114</c>);</item>
    /// <item>a mobile: 10 digits starting <c>03</c>, <c>05</c>, <c>07</c>, <c>08</c> or <c>09</c> (<c>0912 345 678</c>);</item>
    /// <item>either of these written internationally, <c>+84</c> (or <c>(+84)</c>) followed by the number without its
    /// leading 0 (<c>+84 251 3861114</c>, <c>+84 912 345 678</c>);</item>
    /// <item>a 1800 (free) or 1900 (premium) service number of 8 or 10 digits (<c>1800 1091</c>, <c>1900 561 558</c>).</item>
    /// </list>
    /// Pre-2017 numbers (<c>04 3825 3536</c>, 11-digit <c>01xx</c> mobiles) and extensions are rejected.
    /// </summary>
    public static bool IsVietnamesePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !PhoneShape().IsMatch(value.Trim()))
        {
            return false;
        }

        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (value.Contains('+', StringComparison.Ordinal))
        {
            // +84 is followed by the national number without its trunk 0; "+84 (0) 251…" is a common mistake, not a number.
            return digits.Length > 2 && digits.StartsWith("84", StringComparison.Ordinal) && digits[2] != '0'
                && IsNationalNumber("0" + digits[2..]);
        }

        if (digits.StartsWith("1800", StringComparison.Ordinal) || digits.StartsWith("1900", StringComparison.Ordinal))
        {
            return digits.Length is 8 or 10;
        }

        return IsNationalNumber(digits);
    }

    private static bool IsNationalNumber(string digits) => digits.Length switch
    {
        11 => digits.StartsWith("02", StringComparison.Ordinal),
        10 => digits[0] == '0' && digits[1] is '3' or '5' or '7' or '8' or '9',
        _ => false,
    };

    /// <summary>
    /// An absolute http or https URL with a host: no javascript:, data:, file: or relative URLs, no spaces or control
    /// characters, and no user name or password (<c>https://user:pass@host/</c>), which a public page must not carry.
    /// </summary>
    public static bool IsHttpUrl(string? value) =>
        value is not null
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>A CSS hex colour: <c>#RGB</c> or <c>#RRGGBB</c>.</summary>
    public static bool IsHexColour(string? value) => value is not null && HexColour().IsMatch(value);

    /// <summary>
    /// A single e-mail address as a portal's footer shows it: an RFC 5321 dot-atom local part (at most 64 characters,
    /// no leading, trailing or double dots), one @, and a dotted ASCII domain; no spaces, display names or lists.
    /// Stricter than FluentValidation's default, which accepts anything containing an @.
    /// </summary>
    public static bool IsEmail(string? value) =>
        value is not null && value.Length <= 254 && Email().IsMatch(value) && value.IndexOf('@', StringComparison.Ordinal) <= 64;

    /// <summary>
    /// Rejects control characters (other than tab/newline in long text) and invalid code points (unpaired surrogates,
    /// U+FFFE, U+FFFF): no portal text holds them, and they cannot be written to XML (RSS/Atom) or normalised.
    /// </summary>
    public static bool HasNoControlCharacters(string? value, bool allowLineBreaks = false) =>
        value is null
        || (!Text.VietnameseText.HasInvalidCodePoints(value)
            && value.All(c => (!char.IsControl(c) || (allowLineBreaks && c is '\n' or '\r' or '\t')) && !IsBidiControl(c)));

    /// <summary>True when <paramref name="value"/> shows something: a letter, digit, punctuation or symbol, not only spaces or zero-width characters.</summary>
    public static bool HasVisibleText(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Any(c => char.IsLetterOrDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c));

    // Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can disguise text ("photo\u202Egpj.exe").
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static IRuleBuilderOptions<T, string?> VietnamesePhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsVietnamesePhone).WithMessage("'{PropertyName}' must be a Vietnamese phone number such as (0251).3861114 or 0912 345 678.");

    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsHttpUrl).WithMessage("'{PropertyName}' must be an absolute http or https URL.");

    public static IRuleBuilderOptions<T, string?> HexColour<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsHexColour).WithMessage("'{PropertyName}' must be a hex colour such as #C8102E.");

    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsEmail).WithMessage("'{PropertyName}' must be an e-mail address such as ubnd-vc@dongnai.gov.vn.");

    /// <summary>Required single-line text: not blank, at most <paramref name="max"/> characters, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredLine<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is required and must not be blank.")
            .Must(HasVisibleText).WithMessage("'{PropertyName}' must contain visible text, not only invisible characters.")
            .MaximumLength(max)
            .Must(v => HasNoControlCharacters(v)).WithMessage("'{PropertyName}' must not contain control characters or line breaks.")
            .NotLegacyEncoded();

    /// <summary>Optional single-line text: at most <paramref name="max"/> characters, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalLine<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max)
            .Must(v => HasNoControlCharacters(v)).WithMessage("'{PropertyName}' must not contain control characters or line breaks.")
            .NotLegacyEncoded();

    /// <summary>
    /// Rejects text pasted from legacy TCVN3 (ABC) or VNI fonts, which reads as mojibake such as "Uû ban nh©n d©n"
    /// (DOMAIN.md "Vietnamese text": detect and reject, don't publish mojibake).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NotLegacyEncoded<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Text.VietnameseText.DetectLegacyEncoding(v) == Text.LegacyEncoding.None)
            .WithMessage(v => "'{PropertyName}' looks like text typed in a legacy TCVN3 (ABC) or VNI font (e.g. \"Uû ban nh©n d©n\"); convert it to Unicode before saving.");

    /// <summary>A slug as Portal generates them: lower-case a-z and digits in hyphen-separated words, at most 120 characters.</summary>
    public static IRuleBuilderOptions<T, string?> SlugFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches("^[a-z0-9]+(?:-[a-z0-9]+)*$")
            .WithMessage("'{PropertyName}' may hold only lower-case a-z, digits and single hyphens (e.g. tang-cuong-cong-tac).")
            .MaximumLength(120)
            // Resources are addressed by id or slug on one route, so a slug shaped like an id would be unreachable.
            .Must(s => s is null || !Guid.TryParse(s, out _)).WithMessage("'{PropertyName}' must not have the shape of an id (a GUID).");

    /// <summary>Long text (summaries, HTML): line breaks and tabs allowed, other control characters and invalid code points not.</summary>
    public static IRuleBuilderOptions<T, string?> LongText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max)
            .Must(v => HasNoControlCharacters(v, allowLineBreaks: true))
            .WithMessage("'{PropertyName}' must not contain control characters or invalid Unicode (U+FFFE, U+FFFF, unpaired surrogates).")
            .NotLegacyEncoded();

    /// <summary>Trims and NFC-normalises; blank becomes null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? (value is null ? null : "") : Text.VietnameseText.Nfc(value.Trim());

    /// <summary>Culture-invariant formatting for messages.</summary>
    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:\+|\(\+)?[0-9 ().\-]{6,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();

    [GeneratedRegex("^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColour();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
