package io.realtimeagents.examples.dashboard;

import io.realtimeagents.testkit.Await;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard as the test sees it, found by the page's {@code data-*} attributes: {@code [data-connection-state]},
 * {@code [data-patient-grid] [data-patient-id]} cards with {@code [data-kind]} rows holding a {@code [data-value]},
 * and {@code [data-alert-feed] [data-alert-id]} entries.
 */
final class DashboardPage {
    private static final By CONNECTION = By.cssSelector("[data-connection-state]");
    private static final By CARDS = By.cssSelector("[data-patient-grid] [data-patient-id]");
    private static final By VITALS = By.cssSelector("[data-kind]");
    private static final By VALUE = By.cssSelector("[data-value]");
    private static final By ALERTS = By.cssSelector("[data-alert-feed] [data-alert-id]");
    private static final By MISSED_NOTICE = By.cssSelector("[data-events-missed]");

    /** One vital sign shown on a patient's card, with the number of readings its sparkline shows. */
    record Reading(String patientId, String kind, String value, Instant timestamp, int history) {}

    /** One entry of the alert feed. */
    record AlertEntry(String alertId, String patientId, String severity, String status, String text) {}

    private final WebDriver driver;

    private DashboardPage(WebDriver driver) {
        this.driver = driver;
    }

    static DashboardPage open(WebDriver driver, URI url) {
        driver.get(url.toString());
        return new DashboardPage(driver);
    }

    /** "connecting", "live" or "reconnecting". */
    String connectionState() {
        return driver.findElement(CONNECTION).getDomAttribute("data-connection-state");
    }

    /** The text of the connection indicator, e.g. "Live Last event 14:03:27". */
    String connectionText() {
        return driver.findElement(CONNECTION).getText();
    }

    List<Reading> readings() {
        List<Reading> readings = new ArrayList<>();
        for (WebElement card : driver.findElements(CARDS)) {
            String patient = card.getDomAttribute("data-patient-id");
            for (WebElement row : card.findElements(VITALS)) {
                String timestamp = row.getDomAttribute("data-timestamp");
                String value = row.findElement(VALUE).getText();
                if (timestamp != null && !value.isBlank()) {
                    readings.add(new Reading(
                            patient,
                            row.getDomAttribute("data-kind"),
                            value,
                            Instant.parse(timestamp),
                            Integer.parseInt(row.getDomAttribute("data-points"))));
                }
            }
        }
        return readings;
    }

    List<AlertEntry> alerts() {
        return driver.findElements(ALERTS).stream()
                .map(item -> new AlertEntry(
                        item.getDomAttribute("data-alert-id"),
                        item.getDomAttribute("data-patient-id"),
                        item.getDomAttribute("data-severity"),
                        item.getDomAttribute("data-status"),
                        item.getText()))
                .toList();
    }

    boolean showsMissedNotice() {
        return driver.findElement(MISSED_NOTICE).isDisplayed();
    }

    void awaitConnectionState(String state, Duration timeout) {
        await(timeout, "the connection state '" + state + "'", () -> state.equals(connectionState()));
    }

    /** Waits for the condition, and on time-out says what the page showed. */
    void await(Duration timeout, String description, BooleanSupplier condition) {
        try {
            Await.await(timeout, description, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " The page showed: " + summary(), e);
        }
    }

    private String summary() {
        List<Reading> readings = readings();
        return "connection '" + connectionText().replace('\n', ' ') + "', " + readings.size() + " readings"
                + (readings.isEmpty() ? "" : " (e.g. " + readings.getFirst() + ")") + ", alerts " + alerts();
    }
}
