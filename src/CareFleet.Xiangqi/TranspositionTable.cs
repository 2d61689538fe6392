using System.Runtime.CompilerServices;

namespace CareFleet.Xiangqi;

/// <summary>A single-probe transposition table sized in megabytes; entries are 16 bytes.</summary>
internal sealed class TranspositionTable
{
    public const byte BoundExact = 3, BoundLower = 1, BoundUpper = 2;

    internal struct Entry
    {
        public ulong Key;
        public ushort Move;
        public short Score;
        public short Eval;
        public sbyte Depth;
        public byte BoundAndAge;
    }

    private Entry[] _entries = [];
    private byte _age;

    public TranspositionTable(int megabytes) => Resize(megabytes);

    public int Megabytes { get; private set; }

    public void Resize(int megabytes)
    {
        megabytes = Math.Clamp(megabytes, 1, 4096);
        long count = (long)megabytes * 1024 * 1024 / Unsafe.SizeOf<Entry>();
        _entries = new Entry[count];
        Megabytes = megabytes;
    }

    public void Clear() => Array.Clear(_entries);

    public void NewSearch() => _age = (byte)((_age + 4) & 0xFC);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(ulong key) => (int)Math.BigMul(key, (ulong)_entries.Length, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Probe(ulong key, out Entry entry)
    {
        entry = _entries[Index(key)];
        return entry.Key == key;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ulong key, int move, int score, int eval, int depth, byte bound)
    {
        ref Entry e = ref _entries[Index(key)];
        bool sameKey = e.Key == key;
        // Replace when the slot holds another position from an older search, or a shallower result.
        if (!sameKey && (e.BoundAndAge & 0xFC) == _age && e.Depth > depth + 2 && bound != BoundExact)
        {
            return;
        }

        if (move != 0 || !sameKey)
        {
            e.Move = (ushort)move;
        }

        e.Key = key;
        e.Score = (short)score;
        e.Eval = (short)eval;
        e.Depth = (sbyte)Math.Clamp(depth, -1, 127);
        e.BoundAndAge = (byte)(bound | _age);
    }
}
