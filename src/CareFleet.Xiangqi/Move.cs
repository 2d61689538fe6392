using System.Runtime.CompilerServices;

namespace CareFleet.Xiangqi;

/// <summary>
/// A move as two mailbox squares packed in an int (from in bits 0–7, to in bits 8–15).
/// Squares use the 16×16 mailbox of <see cref="Board"/>; <see cref="ToIccs"/> gives the text form.
/// </summary>
public readonly struct Move : IEquatable<Move>
{
    private readonly int _value;

    /// <summary>The empty move (also used for "no move").</summary>
    public static readonly Move None;

    /// <summary>Creates a move from two mailbox squares.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Move(int from, int to) => _value = from | (to << 8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Move(int value) => _value = value;

    /// <summary>Rebuilds a move from <see cref="Value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Move FromValue(int value) => new(value & 0xFFFF);

    /// <summary>The packed value (0 for <see cref="None"/>).</summary>
    public int Value => _value;

    /// <summary>The origin mailbox square.</summary>
    public int From
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _value & 0xFF;
    }

    /// <summary>The destination mailbox square.</summary>
    public int To
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (_value >> 8) & 0xFF;
    }

    /// <summary>True for <see cref="None"/>.</summary>
    public bool IsNone => _value == 0;

    /// <summary>The move in ICCS form, e.g. <c>h2e2</c> (files a–i, ranks 0–9 from Red's side).</summary>
    public string ToIccs() => IsNone ? "0000" : string.Concat(Board.SquareName(From), Board.SquareName(To));

    /// <inheritdoc />
    public override string ToString() => ToIccs();

    /// <inheritdoc />
    public bool Equals(Move other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Move m && m._value == _value;

    /// <inheritdoc />
    public override int GetHashCode() => _value;

    /// <summary>Equality.</summary>
    public static bool operator ==(Move left, Move right) => left._value == right._value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Move left, Move right) => left._value != right._value;
}
