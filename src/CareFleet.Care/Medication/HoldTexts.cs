using System.Globalization;
using CareFleet.Care.Identity;

namespace CareFleet.Care.Medication;

/// <summary>The sentences recorded with a hold. They name drugs, figures and record ids, never a resident's name.</summary>
internal static class HoldTexts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static HoldFinding F(HoldReason code, FormattableString en, FormattableString zh) =>
        new(code, en.ToString(Inv), zh.ToString(Inv));

    private static string T(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv);

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string En(VitalKind kind) => kind switch
    {
        VitalKind.HeartRate => "heart rate",
        VitalKind.SystolicBloodPressure => "systolic blood pressure",
        VitalKind.DiastolicBloodPressure => "diastolic blood pressure",
        VitalKind.RespiratoryRate => "respiratory rate",
        VitalKind.OxygenSaturation => "oxygen saturation",
        VitalKind.BodyTemperature => "body temperature",
        VitalKind.BloodGlucose => "blood glucose",
        VitalKind.PainScore => "pain score",
        _ => kind.ToString(),
    };

    private static string Zh(VitalKind kind) => kind switch
    {
        VitalKind.HeartRate => "心率",
        VitalKind.SystolicBloodPressure => "收缩压",
        VitalKind.DiastolicBloodPressure => "舒张压",
        VitalKind.RespiratoryRate => "呼吸频率",
        VitalKind.OxygenSaturation => "血氧饱和度",
        VitalKind.BodyTemperature => "体温",
        VitalKind.BloodGlucose => "血糖",
        VitalKind.PainScore => "疼痛评分",
        _ => kind.ToString(),
    };

    private static string En(MedicationRoute route) => route.ToString().ToLowerInvariant();

    private static string Zh(MedicationRoute route) => route switch
    {
        MedicationRoute.Oral => "口服",
        MedicationRoute.Sublingual => "舌下",
        MedicationRoute.Buccal => "颊黏膜",
        MedicationRoute.Topical => "外用",
        MedicationRoute.Transdermal => "经皮",
        MedicationRoute.Inhaled => "吸入",
        MedicationRoute.Nasal => "鼻腔",
        MedicationRoute.Ophthalmic => "眼部",
        MedicationRoute.Otic => "耳部",
        MedicationRoute.Rectal => "直肠",
        MedicationRoute.Subcutaneous => "皮下注射",
        MedicationRoute.Intramuscular => "肌内注射",
        MedicationRoute.Intravenous => "静脉注射",
        MedicationRoute.Enteral => "管饲",
        _ => route.ToString(),
    };

    private static string En(AdministrationOutcome outcome) => outcome switch
    {
        AdministrationOutcome.NotAvailable => "not available",
        AdministrationOutcome.EnteredInError => "entered in error",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Zh(AdministrationOutcome outcome) => outcome switch
    {
        AdministrationOutcome.Given => "已给药",
        AdministrationOutcome.Refused => "拒服",
        AdministrationOutcome.Held => "暂缓",
        AdministrationOutcome.NotAvailable => "缺药",
        AdministrationOutcome.Missed => "漏服",
        AdministrationOutcome.EnteredInError => "录入错误",
        _ => outcome.ToString(),
    };

    private static string Min(TimeSpan t) => ((int)Math.Round(t.TotalMinutes)).ToString(Inv);

    public static HoldFinding ForIdentity(IdentityFailure failure, FaceMatchResult? face) => failure switch
    {
        IdentityFailure.FaceEvidenceMissing => F(HoldReason.FaceEvidenceMissing,
            $"The resident consented to face recognition but no face evidence was sent.",
            $"住户已同意人脸识别，但未收到人脸识别结果。"),
        IdentityFailure.FaceModelUnknown => F(HoldReason.FaceModelUnknown,
            $"Face model '{face?.ModelId}' has no configured threshold.",
            $"人脸模型“{face?.ModelId}”未配置阈值。"),
        IdentityFailure.FaceEmbeddingInvalid => F(HoldReason.FaceEmbeddingInvalid,
            $"The face evidence for model '{face?.ModelId}' is malformed (wrong length or non-finite values).",
            $"模型“{face?.ModelId}”的人脸数据无效（维度错误或数值非法）。"),
        IdentityFailure.FaceTemplateMissing => F(HoldReason.FaceTemplateMissing,
            $"No face template is enrolled for this resident with model '{face?.ModelId}'.",
            $"该住户没有模型“{face?.ModelId}”的已登记人脸模板。"),
        IdentityFailure.FaceBelowThreshold => F(HoldReason.FaceBelowThreshold,
            $"Face similarity {face?.ExpectedSimilarity:0.000} is below the threshold {face?.Threshold:0.000} of model '{face?.ModelId}'.",
            $"人脸相似度 {face?.ExpectedSimilarity:0.000} 低于模型“{face?.ModelId}”的阈值 {face?.Threshold:0.000}。"),
        IdentityFailure.FaceLookAlike => F(HoldReason.FaceLookAlike,
            $"Another resident on the floor matches as well or better ({face?.ClosestOtherSimilarity:0.000} against {face?.ExpectedSimilarity:0.000}).",
            $"同楼层另一位住户的相似度相当或更高（{face?.ClosestOtherSimilarity:0.000} 对 {face?.ExpectedSimilarity:0.000}）。"),
        IdentityFailure.SecondIdentifierMissing => F(HoldReason.SecondIdentifierMissing,
            $"No second identifier: scan the wristband or have a caregiver confirm.",
            $"缺少第二身份标识：请扫描腕带或由护理员确认。"),
        IdentityFailure.WristbandMissing => F(HoldReason.WristbandMissing,
            $"Without face-recognition consent the wristband must be scanned.",
            $"住户未同意人脸识别，必须扫描腕带。"),
        IdentityFailure.WristbandMismatch => F(HoldReason.WristbandMismatch,
            $"The scanned wristband does not belong to the resident this dose is for.",
            $"扫描的腕带与该剂药物的住户不符。"),
        IdentityFailure.CaregiverConfirmationMissing => F(HoldReason.CaregiverConfirmationMissing,
            $"Without face-recognition consent a caregiver must confirm the resident.",
            $"住户未同意人脸识别，须由护理员确认身份。"),
        IdentityFailure.CaregiverConfirmedOtherResident => F(HoldReason.CaregiverConfirmedOtherResident,
            $"The caregiver confirmed a different resident.",
            $"护理员确认的是另一位住户。"),
        IdentityFailure.CaregiverConfirmationStale => F(HoldReason.CaregiverConfirmationStale,
            $"The caregiver's confirmation is too old; confirm again at the bedside.",
            $"护理员的确认已过时，请在床旁重新确认。"),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown identity failure."),
    };

    public static HoldFinding WrongResident() => F(HoldReason.WrongResident,
        $"The dose, the order and the resident at the bedside do not belong together.",
        $"该剂药物、医嘱与床旁住户不一致。");

    public static HoldFinding DoseOrderMismatch(DueDose dose, MedicationOrder order) => F(HoldReason.DoseOrderMismatch,
        $"Dose {dose.Id} does not come from order {order.OrderId}.",
        $"剂次 {dose.Id} 不属于医嘱 {order.OrderId}。");

    public static HoldFinding OrderNotActive(MedicationOrder order) => F(HoldReason.OrderNotActive,
        $"Order {order.OrderId} is not active now (from {T(order.Start)}{(order.Stop is { } s ? " to " + T(s) : "")}).",
        $"医嘱 {order.OrderId} 当前未生效（自 {T(order.Start)}{(order.Stop is { } s2 ? " 至 " + T(s2) : "")}）。");

    public static HoldFinding OrderOnHold(OrderHold hold) => F(HoldReason.OrderOnHold,
        $"The order is on hold: {hold.Reason}.",
        $"医嘱暂停：{hold.Reason}。");

    public static HoldFinding DrugNotScanned() => F(HoldReason.DrugNotScanned,
        $"The package in the drawer was not scanned.",
        $"药盒中的药品未扫码。");

    public static HoldFinding BarcodeUnreadable() => F(HoldReason.BarcodeUnreadable,
        $"The scanned code is not a valid GTIN.",
        $"扫描的条码不是有效的 GTIN。");

    public static HoldFinding WrongDrug(Gtin scanned, Drug ordered) => F(HoldReason.WrongDrug,
        $"Scanned GTIN {scanned} is not the ordered {ordered.Name} {ordered.Strength} (GTIN {ordered.Gtin}).",
        $"扫描的 GTIN {scanned} 不是医嘱药品 {ordered.Name} {ordered.Strength}（GTIN {ordered.Gtin}）。");

    public static HoldFinding WrongDose(DoseQuantity prepared, DoseQuantity ordered) => F(HoldReason.WrongDose,
        $"Prepared dose {prepared} differs from the ordered {ordered}.",
        $"备药剂量 {prepared} 与医嘱剂量 {ordered} 不符。");

    public static HoldFinding WrongRoute(MedicationRoute prepared, MedicationRoute ordered) => F(HoldReason.WrongRoute,
        $"Route {En(prepared)} differs from the ordered route {En(ordered)}.",
        $"给药途径“{Zh(prepared)}”与医嘱途径“{Zh(ordered)}”不符。");

    public static HoldFinding TooEarly(DueDose dose, DateTimeOffset now) => F(HoldReason.TooEarly,
        $"Too early: the window opens at {T(dose.WindowOpens)} ({Min(dose.WindowOpens - now)} min from now).",
        $"时间过早：给药窗口于 {T(dose.WindowOpens)} 开启（还有 {Min(dose.WindowOpens - now)} 分钟）。");

    public static HoldFinding WindowClosed(DueDose dose, DateTimeOffset now) => F(HoldReason.WindowClosed,
        $"The window closed at {T(dose.WindowCloses)} ({Min(now - dose.WindowCloses)} min ago); the dose counts as missed.",
        $"给药窗口已于 {T(dose.WindowCloses)} 关闭（{Min(now - dose.WindowCloses)} 分钟前），该剂视为漏服。");

    public static HoldFinding AllergyConflict(Drug drug, IReadOnlyList<string> allergens) => F(HoldReason.AllergyConflict,
        $"{drug.Name} conflicts with the recorded allergy to {string.Join(", ", allergens)}.",
        $"{drug.Name} 与已记录的过敏原（{string.Join("、", allergens)}）冲突。");

    public static HoldFinding AlreadyGiven(AdministrationRecord r) => F(HoldReason.AlreadyGiven,
        $"This dose was already given at {T(r.OccurredAt)} (record {r.RecordId}).",
        $"该剂已于 {T(r.OccurredAt)} 给药（记录 {r.RecordId}）。");

    public static HoldFinding AlreadyReleased(DateTimeOffset at) => F(HoldReason.AlreadyReleased,
        $"The drawer was already released for this dose at {T(at)} and no outcome is recorded yet; ask the nurse what happened.",
        $"该剂药物已于 {T(at)} 开启药格，但尚无给药结果记录；请护士核实情况。");

    public static HoldFinding OutcomeAlreadyRecorded(AdministrationRecord r) => F(HoldReason.OutcomeAlreadyRecorded,
        $"This dose already has the outcome {En(r.Outcome)} (record {r.RecordId}); correct that record first.",
        $"该剂已记录结果“{Zh(r.Outcome)}”（记录 {r.RecordId}），请先更正该记录。");

    public static HoldFinding PrnIndicationMissing() => F(HoldReason.PrnIndicationMissing,
        $"An as-needed dose needs the reason it is given.",
        $"按需用药须注明给药原因。");

    public static HoldFinding PrnIndicationNotOrdered(string indication, PrnTerms prn) => F(HoldReason.PrnIndicationNotOrdered,
        $"'{indication}' is not an indication on the order ({string.Join(", ", prn.Indications)}).",
        $"“{indication}”不在医嘱适应症之列（{string.Join("、", prn.Indications)}）。");

    public static HoldFinding PrnLimitReached(int given, int max) => F(HoldReason.PrnLimitReached,
        $"{given} doses given in the last 24 h; the order allows at most {max}.",
        $"过去 24 小时已给药 {given} 次，医嘱上限为 {max} 次。");

    public static HoldFinding PrnTooSoon(DateTimeOffset last, TimeSpan gap) => F(HoldReason.PrnTooSoon,
        $"The last dose was at {T(last)}; the order requires {Min(gap)} min between doses.",
        $"上次给药时间为 {T(last)}，医嘱要求间隔 {Min(gap)} 分钟。");

    public static HoldFinding VitalsMissing(VitalRequirement requirement) => F(HoldReason.VitalsMissing,
        $"{Cap(En(requirement.Kind))} must be measured before this dose.",
        $"给药前须测量{Zh(requirement.Kind)}。");

    public static HoldFinding VitalsStale(VitalRequirement requirement, VitalReading reading, TimeSpan maxAge) => F(HoldReason.VitalsStale,
        $"The latest {En(requirement.Kind)} is from {T(reading.MeasuredAt)}, older than {Min(maxAge)} min; measure again.",
        $"最近一次{Zh(requirement.Kind)}测于 {T(reading.MeasuredAt)}，已超过 {Min(maxAge)} 分钟，请重新测量。");

    public static HoldFinding VitalsOutOfRange(VitalRequirement requirement, VitalReading reading) => F(HoldReason.VitalsOutOfRange,
        $"{Cap(En(requirement.Kind))} {reading.Value} is outside the order's limits ({requirement.Minimum?.ToString(Inv) ?? "-"} to {requirement.Maximum?.ToString(Inv) ?? "-"}).",
        $"{Zh(requirement.Kind)} {reading.Value} 超出医嘱范围（{requirement.Minimum?.ToString(Inv) ?? "-"} 至 {requirement.Maximum?.ToString(Inv) ?? "-"}）。");

    public static HoldFinding WitnessMissing() => F(HoldReason.WitnessMissing,
        $"A controlled drug needs a second staff member to witness.",
        $"管制药品须由第二名工作人员见证。");

    public static HoldFinding WitnessNotDistinct() => F(HoldReason.WitnessNotDistinct,
        $"The witness must be a different staff member from the one administering.",
        $"见证人必须是给药者以外的另一名工作人员。");

    public static HoldFinding WitnessStale(Witness witness, TimeSpan maxAge) => F(HoldReason.WitnessStale,
        $"The witness confirmed at {T(witness.ConfirmedAt)}, more than {Min(maxAge)} min ago.",
        $"见证确认时间为 {T(witness.ConfirmedAt)}，已超过 {Min(maxAge)} 分钟。");
}
