using System.Runtime.InteropServices;
using SkiaSharp;

namespace Portal.Api.Infrastructure;

/// <summary>The outcome of decoding an uploaded image: its pixel size, or why it is refused (a message naming the file's problem).</summary>
public readonly record struct DecodedImage(int Width, int Height, string? Refusal);

/// <summary>
/// Decodes every pixel of an uploaded image with Skia's codecs before it is accepted, so that bytes which merely start
/// like an image (a GIF header followed by a script, a PNG cut short) are refused. The size is capped before any
/// pixel is decoded: at most <see cref="MaxSide"/> pixels a side and <see cref="MaxPixels"/> pixels in all — above
/// what news photos need (a 45-megapixel camera gives 8192 × 5464; a 16,384-pixel side leaves room for panoramas),
/// and below what a header can claim for a few bytes (60000 × 60000 is 3.6 gigapixels, 14 GB decoded).
/// JPEG and PNG are decoded a band of rows at a time (memory in proportion to the width); GIF and WebP, which Skia
/// decodes only whole, into one frame buffer (at most 4 × <see cref="MaxPixels"/> bytes), every frame of an
/// animation in turn, within <see cref="MaxAnimationPixels"/> pixels in all.
/// </summary>
public static class ImageDecoder
{
    /// <summary>The longest side accepted, in pixels.</summary>
    public const int MaxSide = 16_384;

    /// <summary>The most pixels (width × height) accepted: 50 megapixels.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The most pixels decoded for an animation, all frames together (width × height × frames).</summary>
    public const long MaxAnimationPixels = 500_000_000;

    /// <summary>The rule as the API documentation states it.</summary>
    public const string SizeRule = "at most 16384 pixels a side and 50 megapixels (width × height) in all; an animated GIF or WebP at most 500 megapixels over all its frames";

    // Rows decoded per call of the scanline decoder: about 1 MiB of buffer, at least one row.
    private const int BandBytes = 1 << 20;

    /// <summary>Decodes <paramref name="content"/> (whose type was sniffed as <paramref name="type"/>) completely; leaves the stream at 0.</summary>
    public static DecodedImage Decode(Stream content, SniffedType type)
    {
        try
        {
            content.Position = 0;
            using var data = SKData.Create(content);
            using var codec = data is null ? null : SKCodec.Create(data);
            if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
            {
                return Refused($"The file starts like {type.ContentType} but cannot be decoded (damaged, cut short or not an image).");
            }

            var (width, height) = (codec.Info.Width, codec.Info.Height);
            if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
            {
                return Refused($"The image is {width} × {height} pixels; images may be {SizeRule}.");
            }

            var frames = Math.Max(1, codec.FrameCount);
            if ((long)width * height * frames > MaxAnimationPixels)
            {
                return Refused($"The animation has {frames} frames of {width} × {height} pixels; images may be {SizeRule}.");
            }

            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
            var result = frames == 1 ? DecodeByRows(codec, info) : SKCodecResult.Unimplemented;
            if (result == SKCodecResult.Unimplemented)
            {
                result = DecodeWhole(codec, info, frames);
            }

            return result == SKCodecResult.Success
                ? new DecodedImage(width, height, null)
                : Refused($"The file starts like {type.ContentType} but its pixels do not decode ({Describe(result)}).");
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static DecodedImage Refused(string message) => new(0, 0, message);

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the image data is cut short",
        SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput => "the image data is damaged",
        _ => "the image data cannot be decoded",
    };

    /// <summary>Decodes every row a band at a time (JPEG, PNG); Unimplemented when the codec has no scanline decoder.</summary>
    private static SKCodecResult DecodeByRows(SKCodec codec, SKImageInfo info)
    {
        var start = codec.StartScanlineDecode(info);
        if (start != SKCodecResult.Success)
        {
            return start;
        }

        var rowBytes = info.RowBytes;
        var rows = Math.Max(1, BandBytes / rowBytes);
        var band = Marshal.AllocHGlobal((nint)rowBytes * rows);
        try
        {
            for (var y = 0; y < info.Height; y += rows)
            {
                var count = Math.Min(rows, info.Height - y);
                // Fewer rows than asked means the input ended or broke there; Skia fills the rest, which must not pass.
                if (codec.GetScanlines(band, count, rowBytes) != count)
                {
                    return SKCodecResult.IncompleteInput;
                }
            }

            return SKCodecResult.Success;
        }
        finally
        {
            Marshal.FreeHGlobal(band);
        }
    }

    /// <summary>Decodes every frame whole into one buffer (GIF, WebP, animations), each frame on top of the one before.</summary>
    private static SKCodecResult DecodeWhole(SKCodec codec, SKImageInfo info, int frames)
    {
        var pixels = Marshal.AllocHGlobal((nint)info.BytesSize64);
        try
        {
            var frameInfo = frames > 1 ? codec.FrameInfo : [];
            for (var i = 0; i < frames; i++)
            {
                // The buffer holds frame i - 1: Skia may build frame i on it when that frame depends on an earlier one
                // (and i - 1 does not restore the frame before it); otherwise Skia decodes the frames it needs itself.
                var prior = i > 0 && frameInfo[i].RequiredFrame >= 0 && frameInfo[i].RequiredFrame <= i - 1
                    && frameInfo[i - 1].DisposalMethod != SKCodecAnimationDisposalMethod.RestorePrevious
                    ? i - 1
                    : -1;
                var result = codec.GetPixels(info, pixels, info.RowBytes, new SKCodecOptions(i, prior));
                if (result != SKCodecResult.Success)
                {
                    return result;
                }
            }

            return SKCodecResult.Success;
        }
        finally
        {
            Marshal.FreeHGlobal(pixels);
        }
    }
}
