using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Domain.Common;

namespace Portal.Api.Infrastructure;

/// <summary>
/// JSON converters that read instants and dates by <see cref="IsoTime"/>'s rule only: the serializer's own ones read
/// an instant without offset in the server's zone (<c>DateTimeOffset</c>) or as of unknown kind (<c>DateTime</c>), so
/// one request meant different instants on different servers. A value that breaks the rule fails binding, and
/// <see cref="JsonErrors"/> answers a 400 naming the member and the form it must take. Writing is unchanged.
/// </summary>
internal static class TimeJson
{
    public static void AddTo(IList<JsonConverter> converters)
    {
        converters.Add(new InstantConverter());
        converters.Add(new UtcDateTimeConverter());
        converters.Add(new DateConverter());
    }

    private static string ReadText(ref Utf8JsonReader reader) =>
        // A null JsonException message makes the serializer report "could not be converted" with the member's path.
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException();

    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            IsoTime.TryParseInstant(ReadText(ref reader), out var value) ? value : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Reads an instant as a UTC <see cref="DateTime"/> (<see cref="DateTimeKind.Utc"/>).</summary>
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            IsoTime.TryParseInstant(ReadText(ref reader), out var value) ? value.UtcDateTime : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            IsoTime.TryParseDate(ReadText(ref reader), out var value) ? value : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture));
    }
}
