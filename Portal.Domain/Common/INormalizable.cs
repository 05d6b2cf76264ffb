namespace Portal.Domain.Common;

/// <summary>
/// A command that normalises its own text before it is validated and applied: Unicode NFC (some keyboards and
/// the CP1258 code page produce combining marks, so the same title typed two ways must be one title) and trimming.
/// </summary>
/// <typeparam name="TSelf">The command type.</typeparam>
public interface INormalizable<out TSelf>
{
    TSelf Normalized();
}
