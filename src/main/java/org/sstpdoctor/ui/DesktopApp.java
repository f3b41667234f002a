package org.sstpdoctor.ui;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application. Until the wizard lands it shows one window that says what is coming
 * and how to use the command line meanwhile.
 */
public final class DesktopApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Parent root = FXMLLoader.load(DesktopApp.class.getResource("placeholder.fxml"));
        Scene scene = new Scene(root);
        scene.getStylesheets().add(DesktopApp.class.getResource("sstp-doctor.css").toExternalForm());
        stage.setTitle("SSTP Doctor");
        stage.setScene(scene);
        stage.show();
        if (Boolean.getBoolean(MEASURE_STARTUP)) {
            reportFirstPaint();
        }
    }

    /** Set to true to print the time from process start to the first painted frame, then exit (benchmarks). */
    public static final String MEASURE_STARTUP = "sstpdoctor.measureStartup";

    private static void reportFirstPaint() {
        // The second animation pulse after show() comes once the first frame has been rendered.
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("first-paint-ms=" + (System.currentTimeMillis() - started));
                    System.out.flush();
                    javafx.application.Platform.exit();
                }
            }
        }.start();
    }
}
