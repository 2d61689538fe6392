namespace CareFleet.Care.Identity;

/// <summary>Why an enrolment was refused.</summary>
public enum EnrollmentResult
{
    Enrolled,
    ConsentMissing,
}

/// <summary>
/// The enrolled face templates, in memory. Enrolment is consent-gated and revoking consent deletes every template of
/// the resident (PIPL Art. 28-29: biometrics are sensitive personal information, processed only with separate consent that is easy to withdraw). The host persists
/// the templates and reloads them through <see cref="Enroll"/>.
/// </summary>
public sealed class FaceTemplateRegistry(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<FaceTemplate>> _byResident = new(StringComparer.Ordinal);

    public EnrollmentResult Enroll(FaceTemplate template, FaceRecognitionConsent? consent)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (consent is null || !consent.IsActiveAt(time.GetUtcNow()))
        {
            return EnrollmentResult.ConsentMissing;
        }

        lock (_gate)
        {
            if (!_byResident.TryGetValue(template.ResidentId, out var list))
            {
                list = [];
                _byResident.Add(template.ResidentId, list);
            }

            list.Add(template);
        }

        return EnrollmentResult.Enrolled;
    }

    /// <summary>Consent withdrawn: every template of the resident is deleted. Returns how many were removed.</summary>
    public int RevokeConsent(string residentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentId);
        lock (_gate)
        {
            return _byResident.Remove(residentId, out var list) ? list.Count : 0;
        }
    }

    public IReadOnlyList<FaceTemplate> TemplatesFor(string residentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentId);
        lock (_gate)
        {
            return _byResident.TryGetValue(residentId, out var list) ? [.. list] : [];
        }
    }

    /// <summary>The templates of the given residents (e.g. everyone on the floor), for 1:N matching.</summary>
    public IReadOnlyList<FaceTemplate> TemplatesFor(IEnumerable<string> residentIds)
    {
        ArgumentNullException.ThrowIfNull(residentIds);
        var result = new List<FaceTemplate>();
        lock (_gate)
        {
            foreach (var id in residentIds.Distinct(StringComparer.Ordinal))
            {
                if (_byResident.TryGetValue(id, out var list))
                {
                    result.AddRange(list);
                }
            }
        }

        return result;
    }
}
