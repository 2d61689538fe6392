using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care.Medication;

/// <summary>A stored order: its terms as a JSON document (<see cref="OrderInput"/>), holds in <see cref="OrderHoldRow"/>.</summary>
public sealed class OrderRow
{
    private OrderRow()
    {
        OrderId = ResidentId = Document = CreatedBy = string.Empty;
    }

    public OrderRow(string orderId, string residentId, string document, DateTimeOffset createdAt, string createdBy)
    {
        OrderId = orderId;
        ResidentId = residentId;
        Document = document;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        LastUpdated = createdAt;
    }

    public string OrderId { get; private set; }

    public string ResidentId { get; private set; }

    public string Document { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset LastUpdated { get; private set; }

    public void Touch(DateTimeOffset at) => LastUpdated = at;
}

/// <summary>An order-level hold, appended; a hold is lifted by ending its period, never by deleting it.</summary>
public sealed class OrderHoldRow
{
    private OrderHoldRow()
    {
        OrderId = Reason = PlacedBy = string.Empty;
    }

    public OrderHoldRow(string orderId, string reason, DateTimeOffset from, DateTimeOffset? until, string placedBy, DateTimeOffset placedAt)
    {
        OrderId = orderId;
        Reason = reason;
        From = from;
        Until = until;
        PlacedBy = placedBy;
        PlacedAt = placedAt;
    }

    public long Id { get; private set; }

    public string OrderId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset? Until { get; private set; }

    public string PlacedBy { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public OrderHold ToHold() => new(Reason, From, Until, PlacedBy);
}

/// <summary>
/// One eMAR entry, never updated or deleted. <see cref="Slot"/> makes "one standing outcome per dose" a database
/// constraint: the n-th outcome of a dose takes slot "o{n}" and the marker voiding it "x{n}", so two writers (or a
/// resend racing its original) cannot both record an outcome for the same dose.
/// </summary>
public sealed class AdministrationRow
{
    private AdministrationRow()
    {
        RecordId = DoseId = OrderId = ResidentId = Outcome = RecordedBy = ClientMessageId = Slot = string.Empty;
    }

    public AdministrationRow(AdministrationRecord r, string slot)
    {
        ArgumentNullException.ThrowIfNull(r);
        RecordId = r.RecordId;
        Sequence = r.Sequence;
        DoseId = r.DoseId.Value;
        OrderId = r.OrderId;
        ResidentId = r.ResidentId;
        Outcome = r.Outcome.ToString();
        OccurredAt = r.OccurredAt;
        RecordedAt = r.RecordedAt;
        RecordedBy = r.RecordedBy;
        ClientMessageId = r.ClientMessageId;
        IsPrn = r.IsPrn;
        Reason = r.Reason;
        PrnIndication = r.PrnIndication;
        WitnessId = r.WitnessId;
        DeviceId = r.DeviceId;
        CorrectsRecordId = r.CorrectsRecordId;
        Slot = slot;
    }

    public string RecordId { get; private set; }

    public long Sequence { get; private set; }

    public string DoseId { get; private set; }

    public string OrderId { get; private set; }

    public string ResidentId { get; private set; }

    public string Outcome { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public string ClientMessageId { get; private set; }

    public bool IsPrn { get; private set; }

    public string? Reason { get; private set; }

    public string? PrnIndication { get; private set; }

    public string? WitnessId { get; private set; }

    public string? DeviceId { get; private set; }

    public string? CorrectsRecordId { get; private set; }

    public string Slot { get; private set; }

    public AdministrationRecord ToRecord() => new(
        RecordId, Sequence, new DoseId(DoseId), OrderId, ResidentId, Enum.Parse<AdministrationOutcome>(Outcome), OccurredAt, RecordedAt,
        RecordedBy, ClientMessageId, IsPrn, Reason, PrnIndication, WitnessId, DeviceId, CorrectsRecordId);
}

/// <summary>A drawer released for a dose: the primary key on the dose makes a second release impossible.</summary>
public sealed class ReleaseRow
{
    private ReleaseRow()
    {
        DoseId = ClientMessageId = OrderId = ResidentId = RequestedBy = string.Empty;
    }

    public ReleaseRow(string doseId, string clientMessageId, DateTimeOffset releasedAt, string orderId, string residentId, string requestedBy, string? deviceId)
    {
        DoseId = doseId;
        ClientMessageId = clientMessageId;
        ReleasedAt = releasedAt;
        OrderId = orderId;
        ResidentId = residentId;
        RequestedBy = requestedBy;
        DeviceId = deviceId;
    }

    public string DoseId { get; private set; }

    public string ClientMessageId { get; private set; }

    public DateTimeOffset ReleasedAt { get; private set; }

    public string OrderId { get; private set; }

    public string ResidentId { get; private set; }

    public string RequestedBy { get; private set; }

    public string? DeviceId { get; private set; }

    public ReleaseRecord ToRelease() => new(new DoseId(DoseId), ClientMessageId, ReleasedAt);
}

/// <summary>Every bedside decision with its reasons, so a resend (even after a restart) gets the same answer and a surveyor sees why.</summary>
public sealed class DecisionRow
{
    private DecisionRow()
    {
        DoseId = ClientMessageId = Verdict = Reasons = IdentityPath = RequestedBy = ResidentId = OrderId = string.Empty;
    }

    public DecisionRow(HandoverView view, string orderId, string residentId, string clientMessageId, string requestedBy, string? deviceId)
    {
        ArgumentNullException.ThrowIfNull(view);
        DoseId = view.DoseId;
        OrderId = orderId;
        ResidentId = residentId;
        ClientMessageId = clientMessageId;
        Verdict = view.Verdict;
        Reasons = System.Text.Json.JsonSerializer.Serialize(view.Reasons, MedicationJson.Options);
        IdentityPath = view.IdentityPath;
        FaceSimilarity = view.FaceSimilarity;
        DecidedAt = view.DecidedAt;
        RequestedBy = requestedBy;
        DeviceId = deviceId;
    }

    public long Id { get; private set; }

    public string DoseId { get; private set; }

    public string OrderId { get; private set; }

    public string ResidentId { get; private set; }

    public string ClientMessageId { get; private set; }

    public string Verdict { get; private set; }

    public string Reasons { get; private set; }

    public string IdentityPath { get; private set; }

    public double? FaceSimilarity { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string RequestedBy { get; private set; }

    public string? DeviceId { get; private set; }

    public HandoverView ToView() => new(
        DoseId, Verdict,
        System.Text.Json.JsonSerializer.Deserialize<List<HoldReasonView>>(Reasons, MedicationJson.Options) ?? [],
        DecidedAt, IdentityPath, FaceSimilarity, Replayed: true);
}

/// <summary>The documented effectiveness of a PRN dose.</summary>
public sealed class AssessmentRow
{
    private AssessmentRow()
    {
        DoseId = Note = RecordedBy = string.Empty;
    }

    public AssessmentRow(EffectivenessReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        DoseId = r.DoseId.Value;
        Effective = r.Effective;
        Note = r.Note;
        RecordedBy = r.RecordedBy;
        AssessedAt = r.AssessedAt;
    }

    public string DoseId { get; private set; }

    public bool Effective { get; private set; }

    public string Note { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    public EffectivenessReport ToReport() => new(new DoseId(DoseId), Effective, Note, RecordedBy, AssessedAt);
}

/// <summary>What the bedside check needs beyond the resident's demographics: the wristband code and allergies.</summary>
public sealed class MedicationProfileRow
{
    private MedicationProfileRow()
    {
        ResidentId = Allergies = string.Empty;
    }

    public MedicationProfileRow(string residentId, string? wristbandCode, IEnumerable<string> allergies)
    {
        ResidentId = residentId;
        WristbandCode = wristbandCode;
        Allergies = string.Join('|', allergies);
    }

    public string ResidentId { get; private set; }

    public string? WristbandCode { get; private set; }

    /// <summary>Substance or class names separated by '|'.</summary>
    public string Allergies { get; private set; }

    public IReadOnlyList<string> AllergyList => Allergies.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>An enrolled face template: the embedding and its model id, never an image. Deleted when consent is revoked.</summary>
public sealed class FaceTemplateRow
{
    private FaceTemplateRow()
    {
        ResidentId = ModelId = EnrolledBy = string.Empty;
        Embedding = [];
    }

    public FaceTemplateRow(Guid id, string residentId, string modelId, float[] embedding, DateTimeOffset enrolledAt, string enrolledBy)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        Id = id;
        ResidentId = residentId;
        ModelId = modelId;
        Dimensions = embedding.Length;
        Embedding = new byte[embedding.Length * sizeof(float)];
        Buffer.BlockCopy(embedding, 0, Embedding, 0, Embedding.Length);
        EnrolledAt = enrolledAt;
        EnrolledBy = enrolledBy;
    }

    public Guid Id { get; private set; }

    public string ResidentId { get; private set; }

    public string ModelId { get; private set; }

    public int Dimensions { get; private set; }

    /// <summary>The unit-length embedding as little-endian IEEE 754 singles.</summary>
    public byte[] Embedding { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public string EnrolledBy { get; private set; }

    public float[] Vector()
    {
        var v = new float[Dimensions];
        Buffer.BlockCopy(Embedding, 0, v, 0, Math.Min(Embedding.Length, v.Length * sizeof(float)));
        return v;
    }
}

internal static class MedicationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<OrderRow>(e =>
        {
            e.ToTable("med_orders");
            e.HasKey(o => o.OrderId);
            e.Property(o => o.OrderId).HasMaxLength(64);
            e.Property(o => o.ResidentId).HasMaxLength(32).IsRequired();
            e.Property(o => o.Document).IsRequired();
            e.Property(o => o.CreatedBy).HasMaxLength(64).IsRequired();
            e.HasIndex(o => o.ResidentId);
            e.HasIndex(o => o.LastUpdated);
        });
        b.Entity<OrderHoldRow>(e =>
        {
            e.ToTable("med_order_holds");
            e.HasKey(h => h.Id);
            e.Property(h => h.OrderId).HasMaxLength(64).IsRequired();
            e.Property(h => h.Reason).HasMaxLength(500).IsRequired();
            e.Property(h => h.PlacedBy).HasMaxLength(64).IsRequired();
            e.HasOne<OrderRow>().WithMany().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AdministrationRow>(e =>
        {
            e.ToTable("med_administrations");
            e.HasKey(a => a.RecordId);
            e.Property(a => a.RecordId).HasMaxLength(300);
            e.Property(a => a.DoseId).HasMaxLength(120).IsRequired();
            e.Property(a => a.OrderId).HasMaxLength(64).IsRequired();
            e.Property(a => a.ResidentId).HasMaxLength(32).IsRequired();
            e.Property(a => a.Outcome).HasMaxLength(24).IsRequired();
            e.Property(a => a.RecordedBy).HasMaxLength(64).IsRequired();
            e.Property(a => a.ClientMessageId).HasMaxLength(120).IsRequired();
            e.Property(a => a.Reason).HasMaxLength(1000);
            e.Property(a => a.PrnIndication).HasMaxLength(200);
            e.Property(a => a.WitnessId).HasMaxLength(64);
            e.Property(a => a.DeviceId).HasMaxLength(120);
            e.Property(a => a.CorrectsRecordId).HasMaxLength(300);
            e.Property(a => a.Slot).HasMaxLength(16).IsRequired();
            e.HasIndex(a => a.Sequence).IsUnique();
            e.HasIndex(a => new { a.DoseId, a.Slot }).IsUnique();
            e.HasIndex(a => new { a.ResidentId, a.RecordedAt });
        });
        b.Entity<ReleaseRow>(e =>
        {
            e.ToTable("med_releases");
            e.HasKey(r => r.DoseId);
            e.Property(r => r.DoseId).HasMaxLength(120);
            e.Property(r => r.ClientMessageId).HasMaxLength(120).IsRequired();
            e.Property(r => r.OrderId).HasMaxLength(64).IsRequired();
            e.Property(r => r.ResidentId).HasMaxLength(32).IsRequired();
            e.Property(r => r.RequestedBy).HasMaxLength(64).IsRequired();
            e.Property(r => r.DeviceId).HasMaxLength(120);
        });
        b.Entity<DecisionRow>(e =>
        {
            e.ToTable("med_decisions");
            e.HasKey(d => d.Id);
            e.Property(d => d.DoseId).HasMaxLength(120).IsRequired();
            e.Property(d => d.OrderId).HasMaxLength(64).IsRequired();
            e.Property(d => d.ResidentId).HasMaxLength(32).IsRequired();
            e.Property(d => d.ClientMessageId).HasMaxLength(120).IsRequired();
            e.Property(d => d.Verdict).HasMaxLength(16).IsRequired();
            e.Property(d => d.Reasons).IsRequired();
            e.Property(d => d.IdentityPath).HasMaxLength(40).IsRequired();
            e.Property(d => d.RequestedBy).HasMaxLength(64).IsRequired();
            e.Property(d => d.DeviceId).HasMaxLength(120);
            e.HasIndex(d => new { d.DoseId, d.ClientMessageId }).IsUnique();
        });
        b.Entity<AssessmentRow>(e =>
        {
            e.ToTable("med_prn_assessments");
            e.HasKey(a => a.DoseId);
            e.Property(a => a.DoseId).HasMaxLength(120);
            e.Property(a => a.Note).HasMaxLength(1000).IsRequired();
            e.Property(a => a.RecordedBy).HasMaxLength(64).IsRequired();
        });
        b.Entity<MedicationProfileRow>(e =>
        {
            e.ToTable("med_resident_profiles");
            e.HasKey(p => p.ResidentId);
            e.Property(p => p.ResidentId).HasMaxLength(32);
            e.Property(p => p.WristbandCode).HasMaxLength(64);
            e.Property(p => p.Allergies).HasMaxLength(1000).IsRequired();
            e.Ignore(p => p.AllergyList);
        });
        b.Entity<FaceTemplateRow>(e =>
        {
            e.ToTable("face_templates");
            e.HasKey(t => t.Id);
            e.Property(t => t.ResidentId).HasMaxLength(32).IsRequired();
            e.Property(t => t.ModelId).HasMaxLength(64).IsRequired();
            e.Property(t => t.Embedding).IsRequired();
            e.Property(t => t.EnrolledBy).HasMaxLength(64).IsRequired();
            e.HasIndex(t => t.ResidentId);
        });
    }
}
