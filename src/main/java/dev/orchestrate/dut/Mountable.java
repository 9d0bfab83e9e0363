package dev.orchestrate.dut;

/** A target whose volume can be unmounted and mounted again. */
public interface Mountable {

    void unmount();

    void mount();

    /** Whether the volume is mounted now, so files can be read through the file system. */
    boolean mounted();
}
