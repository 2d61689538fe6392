namespace CareFleet.Care.Tests.Support;

/// <summary>Synthetic face embeddings with exactly controlled cosine similarity.</summary>
internal static class Embeddings
{
    public const int Dimensions = 512;

    public static float[] Random(int seed, int dimensions = Dimensions)
    {
        var rng = new Random(seed);
        var v = new double[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller gives an isotropic direction.
            v[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        }

        return ToUnitFloat(v);
    }

    /// <summary>A unit vector whose cosine similarity to <paramref name="v"/> is exactly <paramref name="similarity"/>.</summary>
    public static float[] Near(float[] v, double similarity, int seed)
    {
        var u = Unit(v);
        var r = Random(seed, v.Length).Select(x => (double)x).ToArray();
        var dot = r.Zip(u).Sum(p => p.First * p.Second);
        var ortho = r.Zip(u).Select(p => p.First - (dot * p.Second)).ToArray();
        var norm = Math.Sqrt(ortho.Sum(x => x * x));
        var s = Math.Sqrt(1 - (similarity * similarity));
        return ToUnitFloat(u.Zip(ortho).Select(p => (similarity * p.First) + (s * p.Second / norm)).ToArray());
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }

    private static double[] Unit(float[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float[] ToUnitFloat(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => (float)(x / norm)).ToArray();
    }
}
