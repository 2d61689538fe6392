using System.Numerics;
using System.Runtime.InteropServices;

namespace CareFleet.Care.Identity;

/// <summary>Vector arithmetic for face embeddings. Templates are stored unit-length, so cosine similarity is a dot product.</summary>
internal static class FaceVectors
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var k = 0; k < va.Length; k++)
            {
                sum += va[k] * vb[k];
            }

            i = va.Length * Vector<float>.Count;
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>Returns a unit-length copy, or null when the vector has a non-finite component or no length.</summary>
    public static float[]? Normalized(ReadOnlySpan<float> v)
    {
        double squares = 0;
        foreach (var x in v)
        {
            if (!float.IsFinite(x))
            {
                return null;
            }

            squares += (double)x * x;
        }

        if (squares <= 0 || !double.IsFinite(squares))
        {
            return null;
        }

        var inverse = 1.0 / Math.Sqrt(squares);
        var result = new float[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            result[i] = (float)(v[i] * inverse);
        }

        return result;
    }
}
