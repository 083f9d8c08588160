package com.puffy.pipeline.ui.transform;

import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.table.CsvTable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * A client's sessions side by side, each on its own time scale (sessions last minutes, the gaps between them days),
 * with the gap written between them; inside a session, its events on lanes by kind, purchases as diamonds.
 */
final class JourneyTimeline extends HBox {
    static final List<String> LANES = List.of("page_viewed", "email_filled_on_popup", "product_added_to_cart",
            "checkout_started", "purchase");
    private static final List<String> LANE_LABELS = List.of("page view", "email popup", "add to cart", "checkout",
            "purchase");
    private static final double WIDTH = 175;
    private static final double LANE = 18;

    JourneyTimeline() {
        setSpacing(0);
        setPadding(new Insets(8));
        setAlignment(Pos.TOP_LEFT);
        setId("journey-timeline");
    }

    void show(Journey journey) {
        getChildren().clear();
        if (journey == null) {
            return;
        }
        getChildren().add(laneLabels());
        CsvTable sessions = journey.sessions();
        int sId = sessions.column("session_id");
        int sStart = sessions.column("session_start");
        int sEnd = sessions.column("session_end");
        int sChannel = sessions.column("channel");
        int sDevice = sessions.column("device");
        int sConverted = sessions.column("converted");
        List<String[]> ordered = new ArrayList<>(sessions.rows());
        ordered.sort(java.util.Comparator.comparing(r -> r[sStart]));
        Instant previousEnd = null;
        // "Feb 23 21:03 UTC", with the year only when the journey crosses one, as the charts write days.
        boolean yearly = !ordered.isEmpty() && Formats.spansYears(ordered.get(0)[sStart],
                ordered.get(ordered.size() - 1)[sStart]);
        for (String[] session : ordered) {
            Instant start = parse(session[sStart]);
            Instant end = sEnd < 0 ? start : parse(session[sEnd]);
            if (start == null) {
                continue;
            }
            if (end == null || end.isBefore(start)) {
                end = start;
            }
            if (previousEnd != null) {
                getChildren().add(gap(Duration.between(previousEnd, start)));
            }
            previousEnd = end;
            getChildren().add(sessionBlock(journey, session[sId], start, end,
                    sChannel < 0 ? "" : session[sChannel], sDevice < 0 ? "" : session[sDevice],
                    sConverted >= 0 && "true".equals(session[sConverted]), yearly));
        }
    }

    private VBox laneLabels() {
        VBox box = new VBox();
        box.setPadding(new Insets(38, 8, 0, 0));
        for (String label : LANE_LABELS) {
            Label lane = new Label(label);
            lane.getStyleClass().add("muted");
            lane.setMinHeight(LANE);
            lane.setPrefHeight(LANE);
            lane.setStyle("-fx-font-size: 11px;");
            box.getChildren().add(lane);
        }
        return box;
    }

    private VBox sessionBlock(Journey journey, String sessionId, Instant start, Instant end, String channel,
                              String device, boolean converted, boolean yearly) {
        Label when = new Label(Formats.moment(start, yearly));
        when.getStyleClass().add("journey-when");
        long minutes = Duration.between(start, end).toMinutes();
        Label what = new Label(channel + " · " + device + " · " + (minutes < 1 ? "<1" : minutes) + " min"
                + (converted ? " · converted" : ""));
        what.getStyleClass().add("muted");
        Pane lanes = new Pane();
        lanes.getStyleClass().add(converted ? "journey-session-converted" : "journey-session");
        lanes.setPrefSize(WIDTH, LANE * LANES.size() + 6);
        lanes.setMinSize(WIDTH, LANE * LANES.size() + 6);
        for (int i = 1; i < LANES.size(); i++) {
            Line line = new Line(4, i * LANE + 3, WIDTH - 4, i * LANE + 3);
            line.getStyleClass().add("journey-lane-line");
            lanes.getChildren().add(line);
        }
        CsvTable events = journey.events();
        int eTime = events.column("timestamp");
        int eName = events.column("event_name");
        int eUrl = events.column("page_url");
        double span = Math.max(60_000, Duration.between(start, end).toMillis());
        if (eTime >= 0 && eName >= 0) {
            for (String[] event : events.rows()) {
                Instant at = parse(event[eTime]);
                if (at == null || at.isBefore(start) || at.isAfter(end)) {
                    continue;
                }
                String name = event[eName];
                int lane = LANES.indexOf("checkout_completed".equals(name) ? "purchase" : name);
                if (lane < 0) {
                    continue;
                }
                double x = 10 + (WIDTH - 20) * Duration.between(start, at).toMillis() / span;
                double y = lane * LANE + LANE / 2 + 3;
                Shape mark;
                if (lane == LANES.size() - 1) {
                    Rectangle diamond = new Rectangle(x - 6, y - 6, 12, 12);
                    diamond.setRotate(45);
                    mark = diamond;
                } else {
                    mark = new Circle(x, y, 5);
                }
                mark.getStyleClass().addAll("journey-event", "journey-" + LANES.get(lane).replace('_', '-'));
                Tooltip.install(mark, new Tooltip(name + " at " + Formats.momentToTheSecond(at)
                        + (eUrl >= 0 && !event[eUrl].isEmpty() ? "\n" + event[eUrl] : "")));
                lanes.getChildren().add(mark);
            }
        }
        VBox block = new VBox(2, when, what, lanes);
        block.getStyleClass().add("journey-block");
        block.setPadding(new Insets(0, 4, 0, 4));
        Tooltip.install(block, new Tooltip("Session " + sessionId));
        return block;
    }

    private static VBox gap(Duration gap) {
        Label label = new Label("+" + human(gap));
        label.getStyleClass().add("journey-gap");
        Line line = new Line(0, 0, 36, 0);
        line.getStyleClass().add("journey-gap-line");
        VBox box = new VBox(4, label, line);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(60, 6, 0, 6));
        return box;
    }

    static String human(Duration gap) {
        long minutes = gap.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = gap.toHours();
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return gap.toDays() + " d " + (hours % 24) + " h";
    }

    private static Instant parse(String text) {
        try {
            return text == null || text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
