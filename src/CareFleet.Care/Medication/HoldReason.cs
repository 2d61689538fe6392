namespace CareFleet.Care.Medication;

/// <summary>Every check that can keep the drawer shut. The decision lists each one that failed.</summary>
public enum HoldReason
{
    // Right resident
    WrongResident,
    DoseOrderMismatch,
    FaceEvidenceMissing,
    FaceModelUnknown,
    FaceEmbeddingInvalid,
    FaceTemplateMissing,
    FaceBelowThreshold,
    FaceLookAlike,
    SecondIdentifierMissing,
    WristbandMissing,
    WristbandMismatch,
    CaregiverConfirmationMissing,
    CaregiverConfirmedOtherResident,
    CaregiverConfirmationStale,

    // The order itself
    OrderNotActive,
    OrderOnHold,

    // Right drug, dose, route
    DrugNotScanned,
    BarcodeUnreadable,
    WrongDrug,
    WrongDose,
    WrongRoute,

    // Right time
    TooEarly,
    WindowClosed,

    // Safety
    AllergyConflict,
    PrnIndicationMissing,
    PrnIndicationNotOrdered,
    PrnLimitReached,
    PrnTooSoon,
    AlreadyGiven,
    AlreadyReleased,
    OutcomeAlreadyRecorded,
    VitalsMissing,
    VitalsStale,
    VitalsOutOfRange,
    WitnessMissing,
    WitnessNotDistinct,
    WitnessStale,
}

/// <summary>One failed check: its code and a sentence for the nurse, in English and Simplified Chinese.</summary>
public sealed record HoldFinding(HoldReason Code, string Text, string TextZh);
