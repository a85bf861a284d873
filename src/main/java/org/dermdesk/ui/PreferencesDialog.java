package org.dermdesk.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/** Edits the persisted preferences; changes apply when the user presses OK. */
final class PreferencesDialog extends Dialog<ButtonType> {

    static final String REMOVE_HAIR_HINT = "Optional, off by default: measured slightly worse (test AUC 0.876 \u2192 0.873).";

    PreferencesDialog(Window owner, WorkstationPreferences prefs) {
        initOwner(owner);
        setTitle("DermDesk preferences");
        setHeaderText("Preferences are saved for your user account.");
        CheckBox autoExplain = new CheckBox("Explain every result automatically (slower)");
        autoExplain.setId("prefAutoExplain");
        autoExplain.setSelected(prefs.autoExplainProperty().get());
        CheckBox removeHair = new CheckBox("Remove hair digitally before classifying");
        removeHair.setId("prefRemoveHair");
        removeHair.setSelected(prefs.removeHairProperty().get());
        Label removeHairHint = new Label(REMOVE_HAIR_HINT);
        removeHairHint.setId("prefRemoveHairHint");
        removeHairHint.getStyleClass().add("muted");
        removeHairHint.setWrapText(true);
        removeHairHint.setMaxWidth(520);
        Spinner<Integer> samples = new Spinner<>(50, 20_000, prefs.samplesProperty().get(), 50);
        samples.setId("prefSamples");
        samples.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.add(autoExplain, 0, 0, 2, 1);
        grid.addRow(1, new Label("Explanation samples"), samples);
        grid.add(removeHair, 0, 2, 2, 1);
        grid.add(removeHairHint, 0, 3, 2, 1);
        int row = 4;
        java.util.Map<OverlayKind, ColorPicker> pickers = new java.util.EnumMap<>(OverlayKind.class);
        for (OverlayKind kind : OverlayKind.values()) {
            ColorPicker picker = new ColorPicker(Color.web(prefs.colourProperty(kind).get()));
            picker.setId("prefColour-" + kind.name());
            pickers.put(kind, picker);
            grid.addRow(row++, new Label(kind.label() + " colour"), picker);
        }
        Label scales = new Label(deviceScales(prefs.deviceScales()));
        scales.setId("prefDeviceScales");
        scales.setWrapText(true);
        scales.setMaxWidth(520);
        grid.add(new Label("Device scale"), 0, row);
        grid.add(scales, 1, row);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> {
            if (b == ButtonType.OK) {
                prefs.autoExplainProperty().set(autoExplain.isSelected());
                prefs.removeHairProperty().set(removeHair.isSelected());
                prefs.samplesProperty().set(WorkstationPreferences.clampSamples(samples.getValue()));
                pickers.forEach((kind, picker) -> prefs.colourProperty(kind).set(hex(picker.getValue())));
            }
            return b;
        });
    }

    /** The stored device calibrations, one per resolution, or how to make one. */
    static String deviceScales(DeviceScaleProfiles profiles) {
        var all = profiles.all();
        if (all.isEmpty()) {
            return "Not calibrated: Analysis > Calibrate the device scale\u2026 with a picture of a ruler.";
        }
        StringBuilder b = new StringBuilder();
        all.forEach((size, v) -> b.append(b.length() == 0 ? "" : "\n").append(size.replace("x", " \u00d7 "))
                .append(String.format(java.util.Locale.ROOT, " pixels: %.2f pixels per mm", v)));
        return b.toString();
    }

    static String hex(Color c) {
        return String.format("#%02X%02X%02X", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
