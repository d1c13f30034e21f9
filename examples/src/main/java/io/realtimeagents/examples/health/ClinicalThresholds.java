package io.realtimeagents.examples.health;

/**
 * Classifies adult vital signs against published clinical thresholds. An example of domain logic in an agent, not a
 * medical device: the thresholds below are common textbook values, and real deployments set their own.
 *
 * <table>
 *   <caption>Thresholds, severities and sources</caption>
 *   <tr><th>Kind</th><th>Alert</th><th>Severity</th><th>Source</th></tr>
 *   <tr><td>Blood pressure</td><td>stage 2 hypertension: systolic &ge; 140 or diastolic &ge; 90 mmHg</td>
 *       <td>warning</td><td rowspan="2">2017 ACC/AHA Guideline for the Prevention, Detection, Evaluation, and
 *       Management of High Blood Pressure in Adults (categories normal, elevated, stage 1, stage 2, hypertensive
 *       crisis)</td></tr>
 *   <tr><td></td><td>hypertensive crisis: systolic &gt; 180 and/or diastolic &gt; 120 mmHg</td><td>critical</td></tr>
 *   <tr><td>Heart rate</td><td>tachycardia: &gt; 100 bpm (severe from 131 bpm)</td><td>warning (high)</td>
 *       <td rowspan="2">The usual adult definitions (tachycardia above 100 bpm; bradycardia below 50 bpm as in the
 *       2018 ACC/AHA/HRS bradycardia guideline); severe bands where the Royal College of Physicians' NEWS2 (2017)
 *       scores 3</td></tr>
 *   <tr><td></td><td>bradycardia: &lt; 50 bpm (severe at 40 bpm and below)</td><td>warning (high)</td></tr>
 *   <tr><td>SpO2</td><td>hypoxemia: &lt; 92 % (severe below 88 %)</td><td>high (critical)</td>
 *       <td>BTS guideline for oxygen use (2017): target 94-98 % for most acutely ill patients, 88-92 % for those at
 *       risk of hypercapnic failure; NEWS2 scores 91 % and below highest; WHO guidance gives oxygen below 90 %</td></tr>
 *   <tr><td>Temperature</td><td>fever: &ge; 38.0 °C (high fever from 39.1 °C)</td><td>warning (high)</td>
 *       <td rowspan="2">Fever as commonly defined (e.g. the CDC's 100.4 °F / 38 °C); high fever and hypothermia
 *       where NEWS2 scores them (&ge; 39.1 °C, &le; 35.0 °C)</td></tr>
 *   <tr><td></td><td>hypothermia: &le; 35.0 °C</td><td>high</td></tr>
 * </table>
 *
 * <p>Readings between the alert thresholds and normal get a category (for example {@code hypertension_stage_1} or
 * {@code below_target} for SpO2 92-93 %) but no alert.
 */
public final class ClinicalThresholds {
    /** Stage 2 hypertension starts at this systolic pressure, mmHg (ACC/AHA 2017). */
    public static final double STAGE_2_SYSTOLIC = 140;
    /** Stage 2 hypertension starts at this diastolic pressure, mmHg (ACC/AHA 2017). */
    public static final double STAGE_2_DIASTOLIC = 90;
    /** A hypertensive crisis is a systolic pressure above this, mmHg (ACC/AHA 2017). */
    public static final double CRISIS_SYSTOLIC = 180;
    /** A hypertensive crisis is a diastolic pressure above this, mmHg (ACC/AHA 2017). */
    public static final double CRISIS_DIASTOLIC = 120;
    /** Tachycardia is a heart rate above this, bpm. */
    public static final double TACHYCARDIA_ABOVE = 100;
    /** Severe tachycardia starts here, bpm (NEWS2 scores 3 from 131). */
    public static final double SEVERE_TACHYCARDIA_FROM = 131;
    /** Bradycardia is a heart rate below this, bpm. */
    public static final double BRADYCARDIA_BELOW = 50;
    /** Severe bradycardia is a heart rate at or below this, bpm (NEWS2 scores 3 at 40 and below). */
    public static final double SEVERE_BRADYCARDIA_TO = 40;
    /** Hypoxemia is an SpO2 below this, %. */
    public static final double HYPOXEMIA_BELOW = 92;
    /** Severe hypoxemia is an SpO2 below this, %. */
    public static final double SEVERE_HYPOXEMIA_BELOW = 88;
    /** The low end of the usual SpO2 target range, % (BTS 2017). */
    public static final double SPO2_TARGET_FROM = 94;
    /** Fever starts at this temperature, °C. */
    public static final double FEVER_FROM = 38.0;
    /** High fever starts at this temperature, °C (NEWS2). */
    public static final double HIGH_FEVER_FROM = 39.1;
    /** Hypothermia is a temperature at or below this, °C. */
    public static final double HYPOTHERMIA_TO = 35.0;

    private ClinicalThresholds() {}

    /** Classifies a validated reading. */
    public static Classification classify(VitalReading reading) {
        return switch (reading.kind()) {
            case BLOOD_PRESSURE -> bloodPressure(reading.value("systolic"), reading.value("diastolic"));
            case HEART_RATE -> heartRate(reading.value());
            case SPO2 -> oxygenSaturation(reading.value());
            case TEMPERATURE -> temperature(reading.value());
        };
    }

    static Classification bloodPressure(double systolic, double diastolic) {
        if (systolic > CRISIS_SYSTOLIC || diastolic > CRISIS_DIASTOLIC) {
            return Classification.abnormal(
                    "hypertensive_crisis", Condition.HYPERTENSION, Severity.CRITICAL, "hypertensive crisis");
        }
        if (systolic >= STAGE_2_SYSTOLIC || diastolic >= STAGE_2_DIASTOLIC) {
            return Classification.abnormal(
                    "hypertension_stage_2", Condition.HYPERTENSION, Severity.WARNING, "stage 2 hypertension");
        }
        if (systolic >= 130 || diastolic >= 80) {
            return Classification.normal("hypertension_stage_1");
        }
        return Classification.normal(systolic >= 120 ? "elevated" : "normal");
    }

    static Classification heartRate(double bpm) {
        if (bpm >= SEVERE_TACHYCARDIA_FROM) {
            return Classification.abnormal("tachycardia", Condition.TACHYCARDIA, Severity.HIGH, "severe tachycardia");
        }
        if (bpm > TACHYCARDIA_ABOVE) {
            return Classification.abnormal("tachycardia", Condition.TACHYCARDIA, Severity.WARNING, "tachycardia");
        }
        if (bpm <= SEVERE_BRADYCARDIA_TO) {
            return Classification.abnormal("bradycardia", Condition.BRADYCARDIA, Severity.HIGH, "severe bradycardia");
        }
        if (bpm < BRADYCARDIA_BELOW) {
            return Classification.abnormal("bradycardia", Condition.BRADYCARDIA, Severity.WARNING, "bradycardia");
        }
        return Classification.normal("normal");
    }

    static Classification oxygenSaturation(double percent) {
        if (percent < SEVERE_HYPOXEMIA_BELOW) {
            return Classification.abnormal("hypoxemia", Condition.HYPOXEMIA, Severity.CRITICAL, "severe hypoxemia");
        }
        if (percent < HYPOXEMIA_BELOW) {
            return Classification.abnormal("hypoxemia", Condition.HYPOXEMIA, Severity.HIGH, "hypoxemia");
        }
        return Classification.normal(percent < SPO2_TARGET_FROM ? "below_target" : "normal");
    }

    static Classification temperature(double celsius) {
        if (celsius >= HIGH_FEVER_FROM) {
            return Classification.abnormal("high_fever", Condition.FEVER, Severity.HIGH, "high fever");
        }
        if (celsius >= FEVER_FROM) {
            return Classification.abnormal("fever", Condition.FEVER, Severity.WARNING, "fever");
        }
        if (celsius <= HYPOTHERMIA_TO) {
            return Classification.abnormal("hypothermia", Condition.HYPOTHERMIA, Severity.HIGH, "hypothermia");
        }
        return Classification.normal("normal");
    }
}
