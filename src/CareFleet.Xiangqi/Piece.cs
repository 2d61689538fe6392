using System.Runtime.CompilerServices;

namespace CareFleet.Xiangqi;

/// <summary>The seven xiangqi piece kinds, numbered as stored in the low three bits of a piece code.</summary>
public enum PieceKind
{
    /// <summary>No piece.</summary>
    None = 0,
    /// <summary>General (帅/将).</summary>
    King = 1,
    /// <summary>Advisor (仕/士).</summary>
    Advisor = 2,
    /// <summary>Elephant (相/象).</summary>
    Elephant = 3,
    /// <summary>Horse (马/馬).</summary>
    Horse = 4,
    /// <summary>Chariot (车/車).</summary>
    Rook = 5,
    /// <summary>Cannon (炮/砲).</summary>
    Cannon = 6,
    /// <summary>Soldier (兵/卒).</summary>
    Pawn = 7,
}

/// <summary>The two sides. Red moves first and starts on ranks 0–4.</summary>
public enum Side
{
    /// <summary>Red (the side that moves first).</summary>
    Red = 0,
    /// <summary>Black.</summary>
    Black = 1,
}

/// <summary>
/// Piece codes as stored on the board: bit 3 is the side (0 Red, 1 Black) and bits 0–2 the <see cref="PieceKind"/>,
/// so Red pieces are 1–7, Black pieces 9–15 and 0 is an empty square.
/// </summary>
public static class Pieces
{
    /// <summary>Builds a piece code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Make(Side side, PieceKind kind) => ((int)side << 3) | (int)kind;

    /// <summary>The kind of a piece code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PieceKind Kind(int piece) => (PieceKind)(piece & 7);

    /// <summary>The side of a non-empty piece code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Side SideOf(int piece) => (Side)(piece >> 3);

    /// <summary>The FEN letter of a piece code (upper case for Red).</summary>
    public static char FenChar(int piece)
    {
        char c = Kind(piece) switch
        {
            PieceKind.King => 'k',
            PieceKind.Advisor => 'a',
            PieceKind.Elephant => 'b',
            PieceKind.Horse => 'n',
            PieceKind.Rook => 'r',
            PieceKind.Cannon => 'c',
            PieceKind.Pawn => 'p',
            _ => '.',
        };
        return SideOf(piece) == Side.Red ? char.ToUpperInvariant(c) : c;
    }
}
